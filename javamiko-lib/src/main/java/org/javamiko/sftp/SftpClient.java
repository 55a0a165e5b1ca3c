package org.javamiko.sftp;

import static org.javamiko.internal.sftp.SftpConstants.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystem;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javamiko.internal.sftp.ClientFileSystems;
import org.javamiko.internal.sftp.FileAttrs;
import org.javamiko.internal.sftp.SftpConnection;
import org.javamiko.internal.sftp.SftpPacket;
import org.javamiko.internal.sftp.SftpReply;
import org.javamiko.internal.sftp.StatusErrors;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.transport.Channel;
import org.javamiko.transport.Transport;

/**
 * An SFTP session: paramiko's SFTPClient. File operations, {@link #open} for one file, and fast
 * transfers ({@link #get}, {@link #put}) that keep many requests in flight.
 *
 * <p>Thread-safe: any number of threads may use one client at once; their requests share the
 * session and are answered independently. Relative paths are resolved against the directory set
 * by {@link #chdir} (client side, as in paramiko), or the server's start directory when none is set.
 *
 * <p>A missing file is a {@link NoSuchFileException}, a refused one an
 * {@link java.nio.file.AccessDeniedException}; creating what exists a {@link java.nio.file.FileAlreadyExistsException};
 * removing a non-empty directory a {@link DirectoryNotEmptyException}; other refusals an
 * {@link SftpException} with the server's status code.
 *
 * <pre>{@code
 * try (SshClient client = new SshClient()) {
 *     client.loadSystemHostKeys();
 *     client.connect("files.example.com", ConnectOptions.builder().username("deploy").build());
 *     try (SftpClient sftp = client.openSftp()) {
 *         sftp.put(Path.of("build/app.tar.gz"), "/srv/releases/app.tar.gz", null, true);
 *         for (SftpAttributes a : sftp.listdirAttr("/srv/releases")) {
 *             System.out.println(a.getFilename() + " " + a.getSize());
 *         }
 *         sftp.get("/var/log/app.log", Path.of("app.log"), (done, total) -> System.out.print("."));
 *     }
 * }
 * }</pre>
 */
public class SftpClient implements AutoCloseable {
    /** OpenSSH's request size when the server states no limits. */
    static final int DEFAULT_CHUNK = 32 * 1024;
    /** The largest request we make, even when a server allows more. */
    static final int MAX_CHUNK = 256 * 1024;
    /** Bytes in flight per transfer: OpenSSH's 64 × 32 KiB, and up to 8 MiB with larger chunks. */
    static final int MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024;
    static final int MAX_REQUESTS = 64;
    /** The sftp file system provider, found on first use of {@link #fileSystem()}. */
    private static volatile ClientFileSystems<?> fileSystems;

    private final SftpConnection conn;
    /** The SSH channel under the session, or null over plain streams. */
    private final Channel channel;
    private final SftpLimits limits;
    private final int readChunk;
    private final int writeChunk;
    private final SftpTransfers transfers;
    private volatile String cwd;
    private volatile boolean verifyGetSize = true;
    private volatile boolean atomicPut;

    private SftpClient(SftpConnection conn, Channel channel) throws IOException {
        this.conn = conn;
        this.channel = channel;
        this.limits = conn.hasExtension(EXT_LIMITS) ? queryLimits() : null;
        this.readChunk = chunkWithin(limits == null ? 0 : limits.maxReadLength());
        this.writeChunk = chunkWithin(limits == null ? 0 : limits.maxWriteLength());
        this.transfers = new SftpTransfers(this);
    }

    /**
     * Opens an SFTP session on an authenticated connection: a session channel running the "sftp"
     * subsystem. Closing the client closes the channel; the transport stays open. No thread is
     * started: replies are parsed on the transport's reader thread as they arrive.
     *
     * @param transport a connected, authenticated transport
     * @return the new client
     * @throws IOException if the channel cannot be opened, the server has no "sftp" subsystem or
     *         the version exchange fails
     */
    public static SftpClient fromTransport(Transport transport) throws IOException {
        Channel channel = transport.openSession();
        try {
            channel.invokeSubsystem("sftp");
            // The version handshake is bounded as the channel's opening was; afterwards the
            // client's own timeout (none unless set) applies.
            channel.setTimeout(transport.getChannelTimeout());
            SftpClient client = overStreams(channel.getInputStream(), channel.getOutputStream(), channel::close, channel);
            channel.setTimeout(null);
            return client;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Starts SFTP over a pair of streams already connected to an SFTP server (an SSH channel's
     * "sftp" subsystem, or an {@code sftp-server} process). Closing the client closes both
     * streams and then {@code underlying}. Over anything but an SSH channel a daemon thread
     * reads the replies.
     *
     * @param fromServer what the server sends
     * @param toServer what the server reads
     * @param underlying closed last, e.g. the channel; may be null
     */
    static SftpClient overStreams(InputStream fromServer, OutputStream toServer, Closeable underlying) throws IOException {
        return overStreams(fromServer, toServer, underlying, null);
    }

    private static SftpClient overStreams(InputStream fromServer, OutputStream toServer, Closeable underlying,
                                          Channel channel) throws IOException {
        SftpConnection conn = SftpConnection.open(fromServer, toServer, underlying);
        try {
            return new SftpClient(conn, channel);
        } catch (IOException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    /**
     * Bounds the wait for each reply, and each write the SSH channel holds back for want of
     * window. On expiry the call throws {@link java.net.SocketTimeoutException} and this client is
     * closed: a reply that came later could no longer be matched to its request, and a buffer
     * handed to a read is never written into afterwards.
     *
     * <p>None by default, as paramiko and OpenSSH's sftp: a large file on a slow disk may take
     * long for one reply, and a dead server is found by the connection's keepalive
     * ({@link org.javamiko.ConnectOptions.Builder#keepalive}).
     *
     * @param timeout the bound, or null or zero for none
     */
    public void setTimeout(Duration timeout) {
        conn.setTimeout(timeout);
        if (channel != null) {
            channel.setTimeout(timeout);
        }
    }

    private static int chunkWithin(long serverLimit) {
        if (serverLimit <= 0) {
            return DEFAULT_CHUNK;
        }
        return (int) Math.min(serverLimit, MAX_CHUNK);
    }

    SftpConnection connection() {
        return conn;
    }

    int readChunk() {
        return readChunk;
    }

    int writeChunk() {
        return writeChunk;
    }

    int requestsInFlight() {
        int chunk = Math.max(readChunk, writeChunk);
        return Math.max(1, Math.min(MAX_REQUESTS, MAX_IN_FLIGHT_BYTES / chunk));
    }

    // ------------------------------------------------------------------ paths and listings

    private String resolve(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("an SFTP path must not be empty");
        }
        String dir = cwd;
        if (dir == null || path.startsWith("/")) {
            return path;
        }
        return dir.endsWith("/") ? dir + path : dir + "/" + path;
    }

    /**
     * Lists a directory, as paramiko's {@code listdir}.
     *
     * @param path the directory
     * @return the names in it, without "." and ".." or names that are not plain (see {@link SftpDirectoryStream})
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public List<String> listdir(String path) throws IOException {
        List<String> names = new ArrayList<>();
        for (SftpAttributes a : listdirAttr(path)) {
            names.add(a.getFilename());
        }
        return names;
    }

    /**
     * Lists a directory with the attributes of each entry, as paramiko's {@code listdir_attr}.
     *
     * @param path the directory
     * @return its entries, without "." and ".." or names that are not plain; {@link SftpAttributes#getFilename()} names each
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public List<SftpAttributes> listdirAttr(String path) throws IOException {
        List<SftpAttributes> out = new ArrayList<>();
        try (SftpDirectoryStream dir = listdirIter(path)) {
            for (SftpAttributes a : dir) {
                out.add(a);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /**
     * Lists a directory lazily, as paramiko's {@code listdir_iter}.
     *
     * @param path the directory
     * @return a listing that reads the directory one server batch at a time; close it when done
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public SftpDirectoryStream listdirIter(String path) throws IOException {
        String p = resolve(path);
        byte[] handle = conn.call(new SftpPacket(FXP_OPENDIR).putString(p)).handle(StatusErrors.Context.of("opendir", p));
        return new SftpDirectoryStream(conn, handle, p);
    }

    // ------------------------------------------------------------------ files

    /**
     * Opens a file. Modes as in Python: "r" read; "w" write, created or truncated; "a" append,
     * created if missing; "x" write, which must not exist yet; "+" adds the other direction
     * ("r+", "w+", "a+", "x+"); "b" is ignored.
     *
     * @param path the file
     * @param mode the open mode, as above
     * @return the open file; close it when done
     * @throws IllegalArgumentException for a mode not listed above
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public SftpFile open(String path, String mode) throws IOException {
        return SftpFile.open(this, resolve(path), OpenMode.parse(mode), FileAttrs.EMPTY);
    }

    /**
     * Opens a file with java.nio.file options, as {@link java.nio.file.Files#newByteChannel} reads
     * them (READ when neither READ, WRITE nor APPEND is given; CREATE, CREATE_NEW and
     * TRUNCATE_EXISTING only when writing). Options without an SFTP flag (DELETE_ON_CLOSE,
     * NOFOLLOW_LINKS, SPARSE, SYNC, DSYNC) are accepted and have no effect here.
     *
     * @param path the file
     * @param options the options, as {@link java.nio.file.StandardOpenOption}
     * @param permissions the permission bits of a file this creates (before the server's umask),
     *                    or -1 for the server's default
     * @throws IllegalArgumentException for APPEND with READ or TRUNCATE_EXISTING
     * @throws UnsupportedOperationException for an option that is not a standard one
     * @return the open file; close it when done
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public SftpFile open(String path, Set<? extends OpenOption> options, int permissions) throws IOException {
        FileAttrs attrs = permissions < 0 ? FileAttrs.EMPTY : FileAttrs.ofPermissions(permissions & 07777);
        return SftpFile.open(this, resolve(path), OpenMode.of(options), attrs);
    }

    /**
     * Reads a file's attributes (STAT), following symbolic links.
     *
     * @param path the file
     * @return its attributes
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public SftpAttributes stat(String path) throws IOException {
        String p = resolve(path);
        return new SftpAttributes(conn.call(new SftpPacket(FXP_STAT).putString(p)).attrs(StatusErrors.Context.of("stat", p)), null, null);
    }

    /**
     * Reads a file's attributes (LSTAT), not following a symbolic link.
     *
     * @param path the file or link
     * @return the attributes of {@code path} itself
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public SftpAttributes lstat(String path) throws IOException {
        String p = resolve(path);
        return new SftpAttributes(conn.call(new SftpPacket(FXP_LSTAT).putString(p)).attrs(StatusErrors.Context.of("lstat", p)), null, null);
    }

    /**
     * Sets the attributes that {@code attrs} holds (SETSTAT, following links).
     *
     * @param path the file
     * @param attrs the attributes to set; those it does not hold are left alone
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void setstat(String path, SftpAttributes attrs) throws IOException {
        String p = resolve(path);
        conn.call(new SftpPacket(FXP_SETSTAT).putString(p).putAttrs(attrs.wire())).expectOk(StatusErrors.Context.of("setstat", p));
    }

    /**
     * Sets attributes of a symbolic link itself ({@code lsetstat@openssh.com}).
     *
     * @param path the link
     * @param attrs the attributes to set; those it does not hold are left alone
     * @throws SftpException with {@link SftpException#OP_UNSUPPORTED} when the server lacks the extension
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void lsetstat(String path, SftpAttributes attrs) throws IOException {
        String p = resolve(path);
        extended(EXT_LSETSTAT, StatusErrors.Context.of("lsetstat", p), r -> r.putString(p).putAttrs(attrs.wire())).expectOk(StatusErrors.Context.of("lsetstat", p));
    }

    /**
     * Sets the permission bits, as chmod(2).
     *
     * @param path the file
     * @param mode the permission bits, e.g. {@code 0644}
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void chmod(String path, int mode) throws IOException {
        setstat(path, new SftpAttributes().withPermissions(mode));
    }

    /**
     * Sets the owner and group, as chown(2).
     *
     * @param path the file
     * @param uid the new owner's numeric id
     * @param gid the new group's numeric id
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void chown(String path, int uid, int gid) throws IOException {
        setstat(path, new SftpAttributes().withUidGid(uid, gid));
    }

    /**
     * Sets the access and modification times.
     *
     * @param path the file
     * @param atimeSeconds the access time, in seconds since the epoch
     * @param mtimeSeconds the modification time, in seconds since the epoch
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void utime(String path, long atimeSeconds, long mtimeSeconds) throws IOException {
        setstat(path, new SftpAttributes().withTimes(atimeSeconds, mtimeSeconds));
    }

    /**
     * Cuts or extends a file.
     *
     * @param path the file
     * @param size its new length in bytes
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void truncate(String path, long size) throws IOException {
        setstat(path, new SftpAttributes().withSize(size));
    }

    /**
     * Renames a file or directory; fails if {@code newPath} exists (SFTP v3 semantics).
     *
     * @param oldPath the current name
     * @param newPath the new name
     * @throws java.nio.file.FileAlreadyExistsException if {@code newPath} exists
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void rename(String oldPath, String newPath) throws IOException {
        String from = resolve(oldPath);
        String to = resolve(newPath);
        try {
            conn.call(new SftpPacket(FXP_RENAME).putString(from).putString(to)).expectOk(new StatusErrors.Context("rename", from, to));
        } catch (SftpException e) {
            throw FailureReasons.alreadyExistsOr(this, e, to, from);
        }
    }

    /**
     * Renames, replacing {@code newPath} if it exists, as rename(2) ({@code posix-rename@openssh.com}).
     *
     * @param oldPath the current name
     * @param newPath the new name
     * @throws SftpException with {@link SftpException#OP_UNSUPPORTED} when the server lacks the extension
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void posixRename(String oldPath, String newPath) throws IOException {
        String from = resolve(oldPath);
        String to = resolve(newPath);
        StatusErrors.Context ctx = new StatusErrors.Context("posix-rename", from, to);
        extended(EXT_POSIX_RENAME, ctx, r -> r.putString(from).putString(to)).expectOk(ctx);
    }

    /**
     * Creates a hard link {@code newPath} to {@code oldPath} ({@code hardlink@openssh.com}).
     *
     * @param oldPath the existing file
     * @param newPath the new link
     * @throws java.nio.file.FileAlreadyExistsException if {@code newPath} exists
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void hardlink(String oldPath, String newPath) throws IOException {
        String from = resolve(oldPath);
        String to = resolve(newPath);
        StatusErrors.Context ctx = new StatusErrors.Context("hardlink", from, to);
        try {
            extended(EXT_HARDLINK, ctx, r -> r.putString(from).putString(to)).expectOk(ctx);
        } catch (SftpException e) {
            throw FailureReasons.alreadyExistsOr(this, e, to, from);
        }
    }

    /**
     * Removes a file (not a directory).
     *
     * @param path the file
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void remove(String path) throws IOException {
        String p = resolve(path);
        conn.call(new SftpPacket(FXP_REMOVE).putString(p)).expectOk(StatusErrors.Context.of("remove", p));
    }

    /**
     * Creates a directory.
     *
     * @param path the new directory
     * @param mode its permission bits (before the server's umask), e.g. {@code 0755}
     * @throws java.nio.file.FileAlreadyExistsException if {@code path} exists
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void mkdir(String path, int mode) throws IOException {
        String p = resolve(path);
        try {
            conn.call(new SftpPacket(FXP_MKDIR).putString(p).putAttrs(FileAttrs.ofPermissions(mode)))
                    .expectOk(StatusErrors.Context.of("mkdir", p));
        } catch (SftpException e) {
            throw FailureReasons.alreadyExistsOr(this, e, p, null);
        }
    }

    /**
     * Removes an empty directory.
     *
     * @param path the directory
     * @throws DirectoryNotEmptyException if it has entries
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void rmdir(String path) throws IOException {
        String p = resolve(path);
        try {
            conn.call(new SftpPacket(FXP_RMDIR).putString(p)).expectOk(StatusErrors.Context.of("rmdir", p));
        } catch (SftpException e) {
            if (e.code() == FX_FAILURE && FailureReasons.hasEntries(this, p)) {
                DirectoryNotEmptyException d = new DirectoryNotEmptyException(p);
                d.initCause(e);
                throw d;
            }
            throw e;
        }
    }

    /**
     * Creates a symbolic link {@code dest} pointing to {@code source}, as {@code ln -s source dest}.
     * The draft orders SSH_FXP_SYMLINK's fields (linkpath, targetpath) but OpenSSH reads them the
     * other way round; we send OpenSSH's order, as paramiko and OpenSSH's sftp do, which MINA SSHD
     * reads the same way.
     *
     * @param source what the link points to, stored as given (may be relative)
     * @param dest the link to create
     * @throws java.nio.file.FileAlreadyExistsException if {@code dest} exists
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void symlink(String source, String dest) throws IOException {
        String link = resolve(dest);
        StatusErrors.Context ctx = new StatusErrors.Context("symlink", link, source);
        try {
            conn.call(new SftpPacket(FXP_SYMLINK).putString(source).putString(link)).expectOk(ctx);
        } catch (SftpException e) {
            throw FailureReasons.alreadyExistsOr(this, e, link, null);
        }
    }

    /**
     * Reads a symbolic link.
     *
     * @param path the link
     * @return its target, as stored (may be relative)
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public String readlink(String path) throws IOException {
        String p = resolve(path);
        return conn.call(new SftpPacket(FXP_READLINK).putString(p)).singleName(StatusErrors.Context.of("readlink", p));
    }

    /**
     * Asks the server for the canonical form of a path (REALPATH).
     *
     * @param path the path; "." gives the current directory
     * @return the server's absolute, canonical form of {@code path}
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public String normalize(String path) throws IOException {
        String p = resolve(path);
        return conn.call(new SftpPacket(FXP_REALPATH).putString(p)).singleName(StatusErrors.Context.of("realpath", p));
    }

    /**
     * Sets the directory relative paths are resolved against, after checking that it is one;
     * {@code null} goes back to the server's start directory.
     *
     * @param path the new working directory, or null
     * @throws NotDirectoryException if {@code path} is not a directory
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void chdir(String path) throws IOException {
        if (path == null) {
            cwd = null;
            return;
        }
        String p = normalize(path);
        if (!stat(p).isDirectory()) {
            throw new NotDirectoryException(p);
        }
        cwd = p;
    }

    /**
     * The working directory, as paramiko's {@code getcwd}.
     *
     * @return the directory set by {@link #chdir}, absolute; null when none was set
     */
    public String getcwd() {
        return cwd;
    }

    // ------------------------------------------------------------------ transfers

    /**
     * Whether {@link #get} and {@link #getfo} compare the bytes received with the size the server
     * reported when the file was opened, and throw {@link SftpException} when they differ (as
     * paramiko's "size mismatch in get!"); {@code get} then leaves no file behind. On by default;
     * turn it off to download files that grow while they are read, such as logs.
     *
     * @param verify false to accept a download whose size changed while it was read
     */
    public void setVerifyGetSize(boolean verify) {
        this.verifyGetSize = verify;
    }

    /** @return whether downloads check their size, see {@link #setVerifyGetSize} */
    public boolean isVerifyGetSize() {
        return verifyGetSize;
    }

    /**
     * Whether {@link #put} and {@link #putfo} upload to a temporary name beside the target,
     * commit it with {@code fsync@openssh.com} when the server offers it, give it the replaced
     * file's permissions, and rename it over the target ({@code posix-rename@openssh.com} when
     * offered): a reader never sees a half-written file and a failed upload leaves the old one.
     *
     * <p>Off by default, as OpenSSH's sftp and paramiko write in place: that keeps the file's
     * owner, hard links and ACLs, and works in directories where the user may write a file but
     * not create one. Without posix-rename the old file is removed just before the rename. When
     * the connection itself is lost mid-upload, the temporary {@code .name.*.part} file stays on
     * the server: nothing can remove it without a connection.
     *
     * @param atomic true to upload to a temporary name and rename it into place
     */
    public void setAtomicPut(boolean atomic) {
        this.atomicPut = atomic;
    }

    /** @return whether uploads are atomic, see {@link #setAtomicPut} */
    public boolean isAtomicPut() {
        return atomicPut;
    }

    /**
     * Uploads a local file, with many writes in flight.
     *
     * @param local the file to send
     * @param remote where to write it; created or truncated
     * @param progress told after each chunk; may be null
     * @param confirm stat the remote file afterwards and throw if its size differs
     * @return the remote attributes when {@code confirm}, else attributes holding the size sent
     * @throws IOException if reading {@code local} fails, the server refuses, or {@code confirm} finds another size
     */
    public SftpAttributes put(Path local, String remote, ProgressListener progress, boolean confirm) throws IOException {
        return transfers.put(local, resolve(remote), progress, confirm);
    }

    /**
     * Downloads a file, with many reads in flight. The data goes to a temporary file beside
     * {@code local}, moved into place only when complete: a failed download leaves no partial
     * file and an existing {@code local} untouched.
     *
     * @param remote the file to fetch
     * @param local where to store it; replaced when the download is complete
     * @param progress told after each chunk; may be null
     * @throws IOException if the server refuses, the session fails or {@code local} cannot be written
     */
    public void get(String remote, Path local, ProgressListener progress) throws IOException {
        transfers.get(resolve(remote), local, progress);
    }

    /**
     * Uploads {@code size} bytes read from {@code in}; throws if {@code in} ends sooner.
     *
     * @param in where the data comes from (not closed)
     * @param remote where to write it; created or truncated
     * @param size how many bytes to send
     * @param progress told after each chunk; may be null
     * @param confirm stat the remote file afterwards and throw if its size differs
     * @return the remote attributes when {@code confirm}, else attributes holding the size sent
     * @throws IOException if {@code in} fails or ends early, the server refuses, or {@code confirm} finds another size
     */
    public SftpAttributes putfo(InputStream in, String remote, long size, ProgressListener progress, boolean confirm)
            throws IOException {
        return transfers.putfo(in, resolve(remote), size, progress, confirm);
    }

    /**
     * Downloads a file into a stream, with many reads in flight.
     *
     * @param remote the file to fetch
     * @param out where the data goes (not closed)
     * @param progress told after each chunk; may be null
     * @return the bytes written
     * @throws IOException if the server refuses, the session fails or {@code out} fails
     */
    public long getfo(String remote, OutputStream out, ProgressListener progress) throws IOException {
        return transfers.getfo(resolve(remote), out, progress);
    }

    /**
     * A {@link FileSystem} over this session, so that {@link java.nio.file.Files} works on remote
     * paths: {@code Files.copy(Path.of("a.txt"), sftp.fileSystem().getPath("/tmp/a.txt"))}. Relative
     * paths resolve against this client's working directory at the time of the call. Each call
     * returns a new file system; closing it leaves this client open, closing this client ends it.
     * The package documentation says what it supports.
     *
     * @return a new file system over this session
     * @throws IOException if the working directory cannot be resolved
     */
    public FileSystem fileSystem() throws IOException {
        ClientFileSystems<?> provider = fileSystems;
        if (provider == null) {
            // the installed provider, or the one this class's loader finds: this class needs no
            // part of the file system, which is built on it
            fileSystems = provider = ClientFileSystems.find(SftpClient.class.getClassLoader());
        }
        @SuppressWarnings("unchecked")
        ClientFileSystems<SftpClient> ours = (ClientFileSystems<SftpClient>) provider;
        return ours.over(this);
    }

    // ------------------------------------------------------------------ OpenSSH extensions

    /**
     * The extensions the server announced in its version reply.
     *
     * @return name to extension data
     */
    public Map<String, byte[]> extensions() {
        return conn.extensions();
    }

    /**
     * Whether the server announced an extension.
     *
     * @param name the extension, e.g. {@code "statvfs@openssh.com"}
     * @return whether the server offers it
     */
    public boolean hasExtension(String name) {
        return conn.hasExtension(name);
    }

    /**
     * The server's limits ({@code limits@openssh.com}), as asked at the start.
     *
     * @return the limits
     * @throws SftpException with {@link SftpException#OP_UNSUPPORTED} when the server lacks the extension
     */
    public SftpLimits limits() throws IOException {
        requireExtension(EXT_LIMITS);
        return limits;
    }

    /**
     * File-system statistics ({@code statvfs@openssh.com}), as statvfs(3).
     *
     * @param path any path on the file system
     * @return statistics of the file system holding {@code path}
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public SftpStatVfs statvfs(String path) throws IOException {
        String p = resolve(path);
        StatusErrors.Context ctx = StatusErrors.Context.of("statvfs", p);
        return SftpStatVfs.decode(extended(EXT_STATVFS, ctx, r -> r.putString(p)).extendedReply(ctx));
    }

    /**
     * Expands a leading "~" or "~user" on the server ({@code expand-path@openssh.com}).
     *
     * @param path the path
     * @return the expanded path
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public String expandPath(String path) throws IOException {
        StatusErrors.Context ctx = StatusErrors.Context.of("expand-path", path);
        return extended(EXT_EXPAND_PATH, ctx, r -> r.putString(path)).singleName(ctx);
    }

    /**
     * A user's home directory ({@code home-directory} extension).
     *
     * @param username the user
     * @return the home directory of {@code username}
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public String homeDirectory(String username) throws IOException {
        StatusErrors.Context ctx = StatusErrors.Context.of("home-directory", username);
        return extended(EXT_HOME_DIRECTORY, ctx, r -> r.putString(username)).singleName(ctx);
    }

    /**
     * Copies bytes between two open files on the server, without sending them over the network
     * ({@code copy-data}). {@code length} 0 copies to the end of {@code from}.
     *
     * @param from the source file, open for reading
     * @param fromOffset where to start reading
     * @param length how many bytes; 0 for all to the end
     * @param to the target file, open for writing
     * @param toOffset where to start writing
     * @throws IOException if the server refuses (see the class comment for the exception types) or the session fails
     */
    public void copyData(SftpFile from, long fromOffset, long length, SftpFile to, long toOffset) throws IOException {
        to.flush();
        StatusErrors.Context ctx = new StatusErrors.Context("copy-data", from.getPath(), to.getPath());
        extended(EXT_COPY_DATA, ctx, r -> r.putString(from.handle()).putLong(fromOffset).putLong(length)
                .putString(to.handle()).putLong(toOffset)).expectOk(ctx);
    }

    void requireExtension(String name) throws SftpException {
        if (!conn.hasExtension(name)) {
            throw new SftpException(SftpException.OP_UNSUPPORTED, "The SFTP server does not offer the " + name
                    + " extension (it offers " + conn.extensions().keySet() + ")");
        }
    }

    @FunctionalInterface
    private interface Fields {
        void put(SftpPacket p) throws IOException;
    }

    private SftpReply extended(String name, StatusErrors.Context ctx, Fields fields) throws IOException {
        requireExtension(name);
        SftpPacket p = new SftpPacket(FXP_EXTENDED).putString(name);
        fields.put(p);
        return conn.call(p);
    }

    private SftpLimits queryLimits() throws IOException {
        StatusErrors.Context ctx = StatusErrors.Context.of("limits", null);
        SshBuffer b = conn.call(new SftpPacket(FXP_EXTENDED).putString(EXT_LIMITS)).extendedReply(ctx);
        return new SftpLimits(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    static void closeQuietly(Closeable c, IOException primary) {
        try {
            c.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    /** Ends the session: open files become unusable, the streams and channel close. Idempotent. */
    @Override
    public void close() {
        conn.close();
    }
}
