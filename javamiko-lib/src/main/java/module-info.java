/**
 * javamiko: paramiko's SSH client in Java.
 *
 * <p>Only the public API packages are exported; everything under
 * {@code org.javamiko.internal} may change without notice.
 */
module org.javamiko {
    requires transitive org.slf4j;
    requires org.bouncycastle.provider;
    requires java.security.jgss;
    // junixsocket, optional: ControlMaster sessions pass file descriptors (SCM_RIGHTS), which the JDK cannot
    requires static org.newsclub.net.unix;

    exports org.javamiko;
    exports org.javamiko.config;
    exports org.javamiko.keys;
    exports org.javamiko.transport;
    exports org.javamiko.sftp;
    exports org.javamiko.agent;

    // SftpClient.fileSystem() finds the provider through ServiceLoader when it is not installed
    uses java.nio.file.spi.FileSystemProvider;
    provides java.nio.file.spi.FileSystemProvider with org.javamiko.internal.sftp.fs.SftpFileSystemProvider;
}
