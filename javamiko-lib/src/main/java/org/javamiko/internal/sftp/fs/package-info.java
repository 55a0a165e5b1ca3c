/**
 * The java.nio.file view of an SFTP session behind {@link org.javamiko.internal.sftp.fs.SftpFileSystemProvider}:
 * paths, attributes, channels, directory streams, copy and move. Not exported.
 */
package org.javamiko.internal.sftp.fs;
