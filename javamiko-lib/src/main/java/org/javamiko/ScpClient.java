package org.javamiko;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.javamiko.internal.scp.RemoteCommand;
import org.javamiko.internal.scp.ScpNames;
import org.javamiko.internal.scp.ScpSink;
import org.javamiko.internal.scp.ScpSource;
import org.javamiko.internal.scp.ScpStream;
import org.javamiko.transport.Channel;
import org.javamiko.transport.Transport;

/**
 * File transfer with the classic SCP protocol: runs {@code scp -t} (upload) or {@code scp -f}
 * (download) on the server, for servers and devices that have no SFTP (Dropbear, busybox,
 * appliances). The shape follows the {@code scp} module paramiko users know.
 *
 * <pre>{@code
 * try (SshClient client = new SshClient()) {
 *     client.loadSystemHostKeys();
 *     client.connect("router-1");
 *     ScpClient scp = new ScpClient(client);
 *     scp.put(Path.of("firmware.bin"), "/tmp/");                       // into /tmp
 *     scp.get("/etc/config", Path.of("backup"),                         // a tree, times and modes kept
 *             ScpOptions.builder().recursive(true).preserveTimes(true).build());
 * }
 * }</pre>
 *
 * <p>Remote paths are taken literally (no globbing or variables), except that a leading
 * {@code ~/} is the home directory; relative paths are relative to it.
 *
 * <p>A download trusts nothing the server sends: every name is checked to be a single plain file
 * name (no {@code /}, {@code ..}, {@code .}, NUL), the server may send only the entry asked for,
 * a directory only when the transfer is recursive, and nothing is ever written outside the
 * target (CVE-2018-20685, CVE-2019-6111, CVE-2020-12062). A refusal or a remote error ends the
 * transfer with an {@link ScpException} carrying the server's message; files completed before it
 * stay.
 *
 * <p>Each transfer runs on its own session channel, so one ScpClient may serve several threads.
 */
public class ScpClient {
    private final SshClient client;
    private final Transport transport;

    /**
     * An SCP client over a connected {@link SshClient} (its SetEnv and options apply to the
     * remote scp as to any command).
     *
     * @param client a connected client; each transfer opens a session channel on it
     */
    public ScpClient(SshClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.transport = null;
    }

    /**
     * An SCP client over an authenticated {@link Transport}, as paramiko's {@code SCPClient(transport)}.
     *
     * @param transport an authenticated transport
     */
    public ScpClient(Transport transport) {
        this.client = null;
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Uploads one file (or, with {@link ScpOptions.Builder#recursive}, a directory) with the
     * default options.
     *
     * @see #put(List, String, ScpOptions)
     * @param local the file (or directory) to send
     * @param remote where it goes: an existing directory, or the new name
     * @throws IOException as {@link #put(List, String, ScpOptions)}
     */
    public void put(Path local, String remote) throws IOException {
        put(List.of(local), remote, ScpOptions.defaults());
    }

    /**
     * Uploads one file or directory.
     *
     * <pre>{@code
     * scp.put(Path.of("site"), "/srv/www", ScpOptions.builder().recursive(true).build());
     * }</pre>
     *
     * @see #put(List, String, ScpOptions)
     * @param local the file or directory to send
     * @param remote where it goes: an existing directory, or the new name
     * @param options recursion, times, progress, timeout
     * @throws IOException as {@link #put(List, String, ScpOptions)}
     */
    public void put(Path local, String remote, ScpOptions options) throws IOException {
        put(List.of(local), remote, options);
    }

    /**
     * Uploads files and directories, as {@code scp [-r] [-p] local... host:remote}: when
     * {@code remote} is an existing directory each goes inside it under its own name, otherwise a
     * single source is written as {@code remote}. Several sources need {@code remote} to be a
     * directory. Symbolic links are followed.
     *
     * <pre>{@code
     * scp.put(List.of(Path.of("a.conf"), Path.of("b.conf")), "/etc/app/", ScpOptions.defaults());
     * }</pre>
     *
     * @throws ScpException when a source is a directory and the transfer is not recursive, or
     *                      the remote scp reports an error (its message in {@link ScpException#remoteMessage()})
     * @throws NoSuchFileException when a source does not exist (nothing is sent)
     * @param locals the files and directories to send, at least one
     * @param remote where they go: an existing directory (needed for several), or the new name of one
     * @param options recursion, times, progress, timeout
     * @throws IOException when the connection fails; {@link java.net.SocketTimeoutException} when the timeout passes
     */
    public void put(List<Path> locals, String remote, ScpOptions options) throws IOException {
        if (locals.isEmpty()) {
            throw new IllegalArgumentException("no files to send");
        }
        for (Path local : locals) {
            if (!Files.exists(local)) {
                throw new NoSuchFileException(local.toString());
            }
            if (Files.isDirectory(local) && !options.recursive()) {
                throw new ScpException(local + " is a directory: send it with ScpOptions.recursive(true)");
            }
        }
        String command = RemoteCommand.of(options.scpCommand(), "-t", options.recursive(), options.preserveTimes(),
                locals.size() > 1, remoteTarget(remote));
        try (ScpStream stream = start(command, options)) {
            ScpSource source = new ScpSource(stream, options.preserveTimes(), options.progress());
            source.begin();
            for (Path local : locals) {
                source.send(local);
            }
            source.end();
        }
    }

    /**
     * Uploads {@code size} bytes from a stream as one file, as paramiko's {@code putfo}: the file
     * is named as the last element of {@code remote} and written as {@code remote}.
     *
     * <pre>{@code
     * byte[] conf = "port=8080\n".getBytes(StandardCharsets.UTF_8);
     * scp.putfo(new ByteArrayInputStream(conf), "/etc/app.conf", conf.length, 0644);
     * }</pre>
     *
     * @param mode the permission bits, e.g. {@code 0644} (the remote umask applies to a new file)
     * @param in the data; exactly {@code size} bytes are read
     * @param remote the remote file
     * @param size the number of bytes
     * @throws IOException when the remote scp reports an error ({@link ScpException}), the stream ends early, or the connection fails
     */
    public void putfo(InputStream in, String remote, long size, int mode) throws IOException {
        putfo(in, remote, size, mode, ScpOptions.defaults());
    }

    /**
     * Uploads {@code size} bytes from a stream as one file; {@code recursive} and
     * {@code preserveTimes} in the options are ignored.
     *
     * @see #putfo(InputStream, String, long, int)
     * @param in the data; exactly {@code size} bytes are read
     * @param remote the remote file
     * @param size the number of bytes
     * @param mode the permission bits, e.g. {@code 0644}
     * @param options progress, timeout, remote program
     * @throws IOException as {@link #putfo(InputStream, String, long, int)}
     */
    public void putfo(InputStream in, String remote, long size, int mode, ScpOptions options) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        String name = ScpNames.baseName(remote);
        String command = RemoteCommand.of(options.scpCommand(), "-t", false, false, false, remoteTarget(remote));
        try (ScpStream stream = start(command, options)) {
            ScpSource source = new ScpSource(stream, false, options.progress());
            source.begin();
            source.sendStream(in, name, size, mode, remote);
            source.end();
        }
    }

    /**
     * Downloads one file with the default options.
     *
     * @see #get(String, Path, ScpOptions)
     * @param remote the remote file
     * @param local an existing directory to put it in, or the new file
     * @throws IOException as {@link #get(String, Path, ScpOptions)}
     */
    public void get(String remote, Path local) throws IOException {
        get(remote, local, ScpOptions.defaults());
    }

    /**
     * Downloads a file, or with {@link ScpOptions.Builder#recursive} a directory tree, as
     * {@code scp [-r] [-p] host:remote local}: into {@code local} when it is an existing
     * directory, otherwise as {@code local}.
     *
     * <pre>{@code
     * scp.get("/var/log/app", Path.of("logs"), ScpOptions.builder().recursive(true).build());
     * // logs/app/... when logs exists; logs/... when it does not
     * }</pre>
     *
     * @throws ScpException when the remote scp reports an error (e.g. no such file, or a directory
     *                      without recursion), or when the server sends anything but the entry
     *                      asked for, a name that is not a plain file name, or a directory in a
     *                      non-recursive transfer (refused before writing it)
     * @param remote the remote file or directory (its last element must be a plain name)
     * @param local an existing directory to receive into, or the new name
     * @param options recursion, times, progress, timeout
     * @throws IOException when writing locally or the connection fails; {@link java.net.SocketTimeoutException} when the timeout passes
     */
    public void get(String remote, Path local, ScpOptions options) throws IOException {
        String expected = expectedName(remote);
        String command = RemoteCommand.of(options.scpCommand(), "-f", options.recursive(), options.preserveTimes(),
                false, remote);
        try (ScpStream stream = start(command, options)) {
            new ScpSink(stream, options.recursive(), options.preserveTimes(), options.progress())
                    .receive(expected, local);
        }
    }

    /**
     * Downloads one file into a stream, as paramiko's {@code getfo}.
     *
     * <pre>{@code
     * ByteArrayOutputStream out = new ByteArrayOutputStream();
     * scp.getfo("/etc/hostname", out);
     * }</pre>
     *
     * @return the number of bytes written to {@code out}
     * @param remote the remote file
     * @param out receives its bytes (not closed)
     * @throws IOException as {@link #get(String, Path, ScpOptions)}
     */
    public long getfo(String remote, OutputStream out) throws IOException {
        return getfo(remote, out, ScpOptions.defaults());
    }

    /**
     * Downloads one file into a stream; {@code recursive} and {@code preserveTimes} in the options
     * are ignored.
     *
     * @see #getfo(String, OutputStream)
     * @param remote the remote file
     * @param out receives its bytes (not closed)
     * @param options progress, timeout, remote program
     * @return the number of bytes written to {@code out}
     * @throws IOException as {@link #get(String, Path, ScpOptions)}
     */
    public long getfo(String remote, OutputStream out, ScpOptions options) throws IOException {
        String expected = expectedName(remote);
        String command = RemoteCommand.of(options.scpCommand(), "-f", false, false, false, remote);
        try (ScpStream stream = start(command, options)) {
            return new ScpSink(stream, false, false, options.progress()).receiveStream(expected, out, remote);
        }
    }

    private static String remoteTarget(String remote) {
        return remote == null || remote.isEmpty() ? "." : remote;
    }

    /** The name the server must send for {@code remote}; paths whose name cannot be checked are refused. */
    private static String expectedName(String remote) throws ScpException {
        String name = remote == null ? "" : ScpNames.baseName(remote);
        if (ScpNames.problem(name) != null || name.equals("~")) {
            throw new ScpException("cannot download " + (remote == null ? "null" : "'" + remote + "'")
                    + ": name the remote file or directory itself (its last path element is checked against "
                    + "what the server sends)");
        }
        return name;
    }

    private ScpStream start(String command, ScpOptions options) throws IOException {
        Channel channel;
        if (client != null) {
            channel = client.execCommand(command, ExecOptions.builder().timeout(options.timeout()).build()).channel();
        } else {
            channel = transport.openSession();
            try {
                channel.setTimeout(options.timeout());
                channel.execCommand(command);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        return ScpStream.attach(channel, command, options.timeout());
    }
}
