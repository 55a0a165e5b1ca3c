package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;
import org.javamiko.sftp.SftpDirectoryStream;
import org.javamiko.sftp.SftpException;
import org.javamiko.sftp.SftpFile;

/**
 * The work behind {@link SftpFileSystemProvider}: each java.nio.file operation
 * as SFTP requests on the path's own session. Relative paths are made absolute first, against the
 * file system's working directory.
 */
public final class FileOperations {
    static final String EXT_STATVFS = "statvfs@openssh.com";
    private static final Set<OpenOption> INPUT_OPTIONS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final List<OpenOption> DEFAULT_OUTPUT = List.of(StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);

    private FileOperations() {
    }

    static String remote(SftpPath p) {
        return p.toAbsolutePath().toString();
    }

    static SftpClient client(SftpPath p) {
        return p.getFileSystem().client();
    }

    static boolean follows(LinkOption... options) {
        return !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
    }

    /** @return the attributes, following links unless told not to */
    static SftpAttributes stat(SftpPath p, boolean followLinks) throws IOException {
        return followLinks ? client(p).stat(remote(p)) : client(p).lstat(remote(p));
    }

    /** Opens a file as a channel; see {@link SftpClient#open(String, Set, int)} for the options. */
    public static SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                                     FileAttribute<?>... attrs) throws IOException {
        SftpPath p = SftpPath.of(path);
        SftpFile file = open(p, options, attrs);
        boolean writable = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        boolean readable = options.contains(StandardOpenOption.READ) || !writable;
        SftpClient client = client(p);
        String remote = remote(p);
        return new SftpSeekableByteChannel(file, readable, writable,
                options.contains(StandardOpenOption.DELETE_ON_CLOSE) ? () -> client.remove(remote) : null);
    }

    private static SftpFile open(SftpPath p, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (options.contains(LinkOption.NOFOLLOW_LINKS)) {
            refuseSymlink(p);
        }
        return client(p).open(remote(p), options, permissionsOf(attrs));
    }

    /** SFTP v3 OPEN always follows links: with NOFOLLOW_LINKS, look first, as O_NOFOLLOW would refuse. */
    private static void refuseSymlink(SftpPath p) throws IOException {
        try {
            if (client(p).lstat(remote(p)).isSymlink()) {
                throw new FileSystemException(p.toString(), null, "is a symbolic link and NOFOLLOW_LINKS was given");
            }
        } catch (NoSuchFileException e) {
            // nothing there yet: the open creates a file or fails with its own error
        }
    }

    /** @return the mode bits a "posix:permissions" attribute asks for, or -1 when none is given */
    static int permissionsOf(FileAttribute<?>... attrs) {
        int mode = -1;
        for (FileAttribute<?> a : attrs) {
            if (!a.name().equals("posix:permissions") && !a.name().equals("unix:permissions")) {
                throw new UnsupportedOperationException("SFTP cannot set \"" + a.name()
                        + "\" when creating a file; only posix:permissions");
            }
            @SuppressWarnings("unchecked")
            Set<PosixFilePermission> perms = (Set<PosixFilePermission>) a.value();
            mode = SftpFileAttributes.mode(perms);
        }
        return mode;
    }

    /**
     * @return a stream reading the whole file ahead with many requests in flight, or null when the
     *         options need the general channel-based stream
     */
    public static InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> set = new HashSet<>(Arrays.asList(options));
        for (OpenOption o : set) {
            if (o == StandardOpenOption.APPEND || o == StandardOpenOption.WRITE) {
                throw new UnsupportedOperationException("an input stream cannot be opened with " + o);
            }
        }
        if (!INPUT_OPTIONS.containsAll(set)) {
            return null;
        }
        SftpPath p = SftpPath.of(path);
        SftpFile file = open(p, Set.of(StandardOpenOption.READ));
        try {
            file.prefetch();
        } catch (IOException e) {
            try {
                file.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return file.getInputStream();
    }

    /**
     * @return a stream with pipelined writes, or null when the options need the general
     *         channel-based stream
     */
    public static OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> set = new HashSet<>(options.length == 0 ? DEFAULT_OUTPUT : Arrays.asList(options));
        if (set.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("an output stream cannot be opened with READ");
        }
        if (set.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            return null;
        }
        if (!set.contains(StandardOpenOption.APPEND)) {
            set.add(StandardOpenOption.WRITE);
        }
        SftpPath p = SftpPath.of(path);
        return open(p, set).getOutputStream();
    }

    /** Lists a directory; a file that is not one is a {@link NotDirectoryException}. */
    public static DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        SftpPath p = SftpPath.of(dir);
        SftpDirectoryStream listing;
        try {
            listing = client(p).listdirIter(remote(p));
        } catch (NoSuchFileException | SftpException e) {
            // OpenSSH answers "no such file" (ENOTDIR) or a plain failure for a file
            if (isNonDirectory(p)) {
                NotDirectoryException n = new NotDirectoryException(p.toString());
                n.initCause(e);
                throw n;
            }
            throw e;
        }
        return new SftpPathDirectoryStream(p, listing, filter);
    }

    private static boolean isNonDirectory(SftpPath p) {
        try {
            return !stat(p, true).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates a directory, 0777 before the server's umask unless "posix:permissions" says otherwise. */
    public static void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        SftpPath p = SftpPath.of(dir);
        int mode = permissionsOf(attrs);
        client(p).mkdir(remote(p), mode < 0 ? 0777 : mode);
        if (mode >= 0) {
            // as with a local createDirectory, the bits asked for are the bits set
            client(p).chmod(remote(p), mode);
        }
    }

    /** Creates {@code link} pointing to {@code target}, which is stored as given (relative stays relative). */
    public static void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        if (attrs.length > 0) {
            throw new UnsupportedOperationException("SFTP cannot set attributes on a symbolic link it creates");
        }
        SftpPath l = SftpPath.of(link);
        client(l).symlink(SftpPath.of(target).toString(), remote(l));
    }

    /** Creates a hard link ({@code hardlink@openssh.com}). */
    public static void createLink(Path link, Path existing) throws IOException {
        SftpPath l = SftpPath.of(link);
        client(l).hardlink(remote(SftpPath.of(existing)), remote(l));
    }

    /** @return the target of a symbolic link, as stored */
    public static Path readSymbolicLink(Path link) throws IOException {
        SftpPath l = SftpPath.of(link);
        String target = client(l).readlink(remote(l));
        return l.getFileSystem().getPath(target);
    }

    /** Deletes a file, a symbolic link (not its target) or an empty directory. */
    public static void delete(Path path) throws IOException {
        SftpPath p = SftpPath.of(path);
        SftpClient c = client(p);
        String r = remote(p);
        if (c.lstat(r).isDirectory()) {
            c.rmdir(r);
        } else {
            c.remove(r);
        }
    }

    /**
     * Checks that the file exists. The access modes are not checked: SFTP cannot tell which of the
     * owner, group or other bits apply to the session's user; the server decides when the file is used.
     */
    public static void checkAccess(Path path, AccessMode... modes) throws IOException {
        stat(SftpPath.of(path), true);
    }

    /** @return whether both name the same file: equal paths, or the same real path on one server */
    public static boolean isSameFile(Path a, Path b) throws IOException {
        if (a.equals(b)) {
            return true;
        }
        if (!(b instanceof SftpPath pb) || SftpPath.of(a).getFileSystem() != pb.getFileSystem()) {
            return false;
        }
        return a.toRealPath().equals(b.toRealPath());
    }

    /** @return the store holding the file ({@code statvfs@openssh.com}); the file must exist */
    public static FileStore getFileStore(Path path) throws IOException {
        SftpPath p = SftpPath.of(path);
        SftpClient c = client(p);
        if (!c.hasExtension(EXT_STATVFS)) {
            throw new UnsupportedOperationException("the SFTP server does not describe file stores"
                    + " (it lacks statvfs@openssh.com)");
        }
        c.stat(remote(p));
        return new SftpFileStore(p);
    }

    /** @return whether the name starts with a dot, the POSIX convention */
    public static boolean isHidden(Path path) {
        Path name = SftpPath.of(path).getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** @return the view, or null for a type SFTP cannot offer */
    public static <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        SftpPath p = SftpPath.of(path);
        String name;
        if (type == BasicFileAttributeView.class) {
            name = "basic";
        } else if (type == PosixFileAttributeView.class) {
            name = "posix";
        } else if (type == FileOwnerAttributeView.class) {
            name = "owner";
        } else {
            return null;
        }
        return type.cast(new SftpAttributeView(p, name, follows(options)));
    }

    /** Reads {@link BasicFileAttributes} or {@link PosixFileAttributes}. */
    public static <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class && type != PosixFileAttributes.class) {
            throw new UnsupportedOperationException("SFTP offers BasicFileAttributes and PosixFileAttributes, not "
                    + type.getName());
        }
        return type.cast(new SftpFileAttributes(stat(SftpPath.of(path), follows(options))));
    }

    /** Reads attributes by name, e.g. "posix:permissions,size" or "*". */
    public static Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        return AttributeMaps.read(new SftpFileAttributes(stat(SftpPath.of(path), follows(options))), attributes);
    }

    /** Sets one attribute by name, e.g. "posix:permissions" or "lastModifiedTime". */
    public static void setAttribute(Path path, String attribute, Object value, LinkOption... options)
            throws IOException {
        AttributeMaps.write(new SftpAttributeView(SftpPath.of(path), "posix", follows(options)), attribute, value);
    }
}
