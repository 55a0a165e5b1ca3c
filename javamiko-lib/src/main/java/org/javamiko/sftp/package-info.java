/**
 * SFTP (version 3, with OpenSSH's extensions): {@link org.javamiko.sftp.SftpClient} for file
 * operations and fast pipelined transfers, {@link org.javamiko.sftp.SftpFile} for one open file.
 *
 * <h2>The {@code sftp} file system</h2>
 * SFTP as a {@link java.nio.file} file system, for {@code sftp://user@host:port/path} URIs:
 * {@link java.nio.file.Files} copies, walks, reads and writes remote files as it does local ones.
 *
 * <pre>{@code
 * Map<String, Object> env = Map.of("keyFilename", Path.of("/home/me/.ssh/id_ed25519"));
 * try (FileSystem fs = FileSystems.newFileSystem(URI.create("sftp://me@example.com"), env)) {
 *     Files.copy(Path.of("report.pdf"), fs.getPath("/srv/reports/report.pdf"));
 * }
 * }</pre>
 *
 * <p>{@code FileSystems.newFileSystem(URI, Map)} connects and authenticates; closing the file system closes
 * the connection. The environment may hold:
 * <ul>
 * <li>{@code "username"}: when the URI names no user (else the local user name);</li>
 * <li>{@code "password"}: a password, also the passphrase of an encrypted key;</li>
 * <li>{@code "keyFilename"}: a private key file ({@link java.nio.file.Path} or String);</li>
 * <li>{@code "knownHosts"}: a known_hosts file ({@link java.nio.file.Path} or String) holding the server's host
 *     key; without it, {@code ~/.ssh/known_hosts}.</li>
 * </ul>
 * A server whose host key is not in known_hosts is refused ({@link org.javamiko.RejectPolicy}):
 * unknown hosts are never accepted silently. The keys in {@code ~/.ssh} and the SSH agent are
 * tried as well, as {@link org.javamiko.SshClient#connect} does by default.
 *
 * <p>For a session already open, {@link org.javamiko.sftp.SftpClient#fileSystem()} gives a file system over it.
 *
 * <p>What SFTP v3 cannot say: creation times (read as the modification time), owner names (owners
 * and groups are numeric ids, e.g. {@code "1000"}), access checks beyond existence
 * ({@code checkAccess}) and watch services; file stores only where the server offers
 * {@code statvfs@openssh.com} (OpenSSH does). Errors are the java.nio.file exceptions
 * {@link org.javamiko.sftp.SftpClient} throws: {@link java.nio.file.NoSuchFileException},
 * {@link java.nio.file.FileAlreadyExistsException}, {@link java.nio.file.DirectoryNotEmptyException},
 * {@link java.nio.file.AccessDeniedException}, {@link java.nio.file.NotDirectoryException}.
 */
package org.javamiko.sftp;
