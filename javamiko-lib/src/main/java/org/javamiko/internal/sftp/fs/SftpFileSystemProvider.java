package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.javamiko.internal.sftp.ClientFileSystems;
import org.javamiko.sftp.SftpClient;

/**
 * The {@code sftp} {@link FileSystemProvider}, found by {@link java.nio.file.FileSystems} through
 * {@code META-INF/services} and the module's {@code provides}; what it supports is described in
 * the {@code org.javamiko.sftp} package documentation. {@link SftpClient#fileSystem()} finds it as
 * {@link ClientFileSystems} for a file system over an open session.
 */
public final class SftpFileSystemProvider extends FileSystemProvider implements ClientFileSystems<SftpClient> {
    /** The URI scheme: "sftp". */
    public static final String SCHEME = "sftp";

    private final Map<String, SftpFileSystem> fileSystems = new ConcurrentHashMap<>();

    /** Made by {@link java.util.ServiceLoader}; use {@link java.nio.file.FileSystems} instead. */
    public SftpFileSystemProvider() {
    }

    /** @return "sftp" */
    @Override
    public String getScheme() {
        return SCHEME;
    }

    /**
     * Connects to {@code sftp://[user@]host[:port]} (the path part is ignored) and opens an SFTP
     * session; see the class description for {@code env}.
     *
     * @throws FileSystemAlreadyExistsException when one is open for this user, host and port
     * @throws org.javamiko.SshException when the host is unknown or authentication fails
     */
    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        String user = userOf(uri, env);
        String key = key(uri, user);
        if (fileSystems.containsKey(key)) {
            throw new FileSystemAlreadyExistsException(key);
        }
        // connect outside any lock: a slow server must not hold up file systems for other hosts
        SftpConnector.Connected c = SftpConnector.connect(uri.getHost(), port(uri), user, env);
        try {
            URI base = new URI(SCHEME, user, uri.getHost(), port(uri), null, null, null);
            SftpFileSystem fs = new SftpFileSystem(this, c.sftp(), c, base, () -> fileSystems.remove(key));
            if (fileSystems.putIfAbsent(key, fs) != null) {
                throw new FileSystemAlreadyExistsException(key);
            }
            return fs;
        } catch (URISyntaxException e) {
            c.close();
            throw new IllegalArgumentException("cannot form a URI for " + key, e);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** @return a file system over {@code client}, which it leaves open when closed (never registered) */
    @Override
    public SftpFileSystem over(SftpClient client) throws IOException {
        return new SftpFileSystem(this, client, null, null, null);
    }

    /**
     * @return the open file system for this URI's user, host and port; a URI without a user
     *         finds the one file system open for its host and port
     * @throws FileSystemNotFoundException when none is open
     */
    @Override
    public SftpFileSystem getFileSystem(URI uri) {
        checkUri(uri);
        SftpFileSystem fs;
        if (uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
            String hostPort = key(uri, "");
            List<SftpFileSystem> matches = fileSystems.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(hostPort)).map(Map.Entry::getValue).toList();
            fs = matches.size() == 1 ? matches.get(0) : null;
        } else {
            fs = fileSystems.get(key(uri, uri.getUserInfo()));
        }
        if (fs == null) {
            throw new FileSystemNotFoundException("no SFTP file system is open for " + uri
                    + ": call FileSystems.newFileSystem(uri, env) first");
        }
        return fs;
    }

    /** @return the path a URI names, on its open file system */
    @Override
    public Path getPath(URI uri) {
        String path = uri.getPath();
        return getFileSystem(uri).getPath(path == null || path.isEmpty() ? "/" : path);
    }

    private static void checkUri(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an sftp://[user@]host[:port]/path URI: " + uri);
        }
    }

    private static String userOf(URI uri, Map<String, ?> env) {
        checkUri(uri);
        if (uri.getUserInfo() != null && !uri.getUserInfo().isEmpty()) {
            return uri.getUserInfo();
        }
        Object fromEnv = env.get("username");
        return fromEnv != null ? fromEnv.toString() : System.getProperty("user.name");
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 22 : uri.getPort();
    }

    private static String key(URI uri, String user) {
        return user + "@" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
    }

    // ------------------------------------------------------------------ operations

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return FileOperations.newByteChannel(path, options, attrs);
    }

    /** A plain read reads the whole file ahead with many requests in flight. */
    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        InputStream fast = FileOperations.newInputStream(path, options);
        return fast != null ? fast : super.newInputStream(path, options);
    }

    /** Writes are pipelined: a refused write is thrown by a later write or by close at the latest. */
    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        OutputStream fast = FileOperations.newOutputStream(path, options);
        return fast != null ? fast : super.newOutputStream(path, options);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return FileOperations.newDirectoryStream(dir, filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        FileOperations.createDirectory(dir, attrs);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        FileOperations.createSymbolicLink(link, target, attrs);
    }

    /** Needs {@code hardlink@openssh.com}. */
    @Override
    public void createLink(Path link, Path existing) throws IOException {
        FileOperations.createLink(link, existing);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return FileOperations.readSymbolicLink(link);
    }

    @Override
    public void delete(Path path) throws IOException {
        FileOperations.delete(path);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        CopyMove.copy(source, target, options);
    }

    /** On one server a rename; with REPLACE_EXISTING or ATOMIC_MOVE, {@code posix-rename@openssh.com} when offered. */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        CopyMove.move(source, target, options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return FileOperations.isSameFile(path, path2);
    }

    @Override
    public boolean isHidden(Path path) {
        return FileOperations.isHidden(path);
    }

    /**
     * The file system holding {@code path}, from {@code statvfs@openssh.com}.
     *
     * @throws UnsupportedOperationException when the server does not offer that extension
     */
    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return FileOperations.getFileStore(path);
    }

    /** Checks that the file exists; the access modes are left to the server to enforce on use. */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        FileOperations.checkAccess(path, modes);
    }

    /** Offers BasicFileAttributeView, PosixFileAttributeView and FileOwnerAttributeView. */
    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return FileOperations.getFileAttributeView(path, type, options);
    }

    /** Reads BasicFileAttributes or PosixFileAttributes. */
    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return FileOperations.readAttributes(path, type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        return FileOperations.readAttributes(path, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        FileOperations.setAttribute(path, attribute, value, options);
    }
}
