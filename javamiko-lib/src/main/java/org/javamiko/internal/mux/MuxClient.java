package org.javamiko.internal.mux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The requests of {@code PROTOCOL.mux}, each on a control connection of its own as {@code ssh}
 * makes them. Sessions and stdio forwards keep theirs open: the master reports the session's
 * exit on it.
 */
public final class MuxClient {
    /** The forwarding types of MUX_C_OPEN_FWD. */
    public static final int FWD_LOCAL = 1;
    public static final int FWD_REMOTE = 2;
    public static final int FWD_DYNAMIC = 3;
    /** No escape character: the master must not interpret {@code ~.} in our stdin. */
    private static final int NO_ESCAPE = 0xffffffff;
    /** The optional dependency sessions need, as a user would add it. */
    private static final String JUNIXSOCKET = "com.kohlschutter.junixsocket:junixsocket-core";

    private final Path path;
    private final Duration timeout;
    private final AtomicInteger requestIds = new AtomicInteger();

    /**
     * @param path the control socket
     * @param timeout bounds each answer of the master
     */
    public MuxClient(Path path, Duration timeout) {
        this.path = path;
        this.timeout = timeout;
    }

    /** @return the master's process id */
    public long aliveCheck() throws IOException {
        try (MuxLink link = control()) {
            int id = requestIds.incrementAndGet();
            link.send(new SshBuffer(8).putInt(MuxLink.C_ALIVE_CHECK).putInt(id));
            return expect(link, id, MuxLink.S_ALIVE, "alive check").getUInt32();
        }
    }

    /** Asks the master to exit now. */
    public void terminate() throws IOException {
        try {
            simple(MuxLink.C_TERMINATE, "terminate");
        } catch (MuxLink.Closed e) {
            // OpenSSH's master may exit before its MUX_S_OK is out: the request did its work
        }
    }

    /** Asks the master to stop accepting mux clients and remove its socket; its sessions go on. */
    public void stopListening() throws IOException {
        simple(MuxLink.C_STOP_LISTENING, "stop listening");
    }

    /** @return the port the master's server allocated for a remote forward of port 0, else {@code listenPort} */
    public int openForward(int type, String listenHost, int listenPort, String connectHost, int connectPort)
            throws IOException {
        try (MuxLink link = control()) {
            int id = requestIds.incrementAndGet();
            link.send(new SshBuffer(64).putInt(MuxLink.C_OPEN_FWD).putInt(id).putInt(type).putString(listenHost)
                    .putInt(listenPort).putString(connectHost).putInt(connectPort));
            Reply reply = receiveFor(link, id, "forwarding");
            return reply.type() == MuxLink.S_REMOTE_PORT ? (int) reply.body().getUInt32() : listenPort;
        }
    }

    /** A started session or stdio forward: our ends of its streams and its control connection. */
    public static final class Session implements AutoCloseable {
        private final MuxLink link;
        private final StdioPipes pipes;
        private final int sessionId;
        private volatile Integer exitStatus;

        private Session(MuxLink link, StdioPipes pipes, int sessionId) {
            this.link = link;
            this.pipes = pipes;
            this.sessionId = sessionId;
        }

        /** @return what we write to the remote side */
        public OutputStream stdin() {
            return pipes.output(0);
        }

        /** Sends EOF to the remote side. */
        public void shutdownStdin() throws IOException {
            pipes.shutdownOutput(0);
        }

        /** @return what the remote side writes */
        public InputStream stdout() throws IOException {
            return pipes.input(1);
        }

        /** @param timeout bounds each read of stdout and stderr; null for none */
        public void setReadTimeout(Duration timeout) throws IOException {
            pipes.setReadTimeout(timeout == null ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        }

        /** @return the command's stderr (a session's only) */
        public InputStream stderr() throws IOException {
            if (pipes.count() < 3) {
                throw new IllegalStateException("A stdio forward has no stderr");
            }
            return pipes.input(2);
        }

        /**
         * @param wait the bound, or null for none
         * @return the exit status from MUX_S_EXIT_MESSAGE; -1 when the master closed the control
         *         connection without one
         * @throws SocketTimeoutException when the bound passes
         */
        public int exitStatus(Duration wait) throws IOException {
            Integer known = exitStatus;
            if (known != null) {
                return known;
            }
            synchronized (this) {
                while (exitStatus == null) {
                    SshBuffer m;
                    try {
                        m = link.receive(wait);
                    } catch (MuxLink.Closed closed) {
                        exitStatus = -1;
                        break;
                    }
                    int type = m.getInt();
                    if (type == MuxLink.S_EXIT_MESSAGE && m.getInt() == sessionId) {
                        exitStatus = m.getInt();
                    }
                    // MUX_S_TTY_ALLOC_FAIL and others: nothing for us to do
                }
                return exitStatus;
            }
        }

        @Override
        public void close() {
            pipes.close();
            link.close();
        }
    }

    /**
     * Starts a session (MUX_C_NEW_SESSION) with our stdio passed to the master.
     *
     * @param environment {@code NAME=value} each
     */
    public Session newSession(String command, boolean tty, String term, List<String> environment)
            throws IOException {
        // PROTOCOL.mux says "bool" for the four flags; OpenSSH's mux.c reads each as a uint32
        SshBuffer request = new SshBuffer(128).putInt(MuxLink.C_NEW_SESSION).putInt(0).putString("")
                .putInt(tty ? 1 : 0).putInt(0).putInt(0).putInt(0).putInt(NO_ESCAPE)
                .putString(term).putString(command);
        environment.forEach(request::putString);
        return start(request, 3, "session");
    }

    /** Opens a stdio forward (MUX_C_NEW_STDIO_FWD, as {@code ssh -W host:port}) through the master. */
    public Session stdioForward(String host, int port) throws IOException {
        // PROTOCOL.mux says "string connect port"; OpenSSH's mux.c reads a uint32, which we send
        SshBuffer request = new SshBuffer(64).putInt(MuxLink.C_NEW_STDIO_FWD).putInt(0).putString("")
                .putString(host).putInt(port);
        return start(request, 2, "stdio forward");
    }

    private Session start(SshBuffer request, int streams, String what) throws IOException {
        MuxLink link = fdLink();
        StdioPipes pipes = null;
        try {
            pipes = new StdioPipes(streams);
            int id = requestIds.incrementAndGet();
            byte[] body = request.toByteArray();
            SshBuffer.writeInt(body, 4, id); // the request id, after the type
            link.send(SshBuffer.wrap(body));
            for (int i = 0; i < streams; i++) {
                link.sendFd(pipes.masterEnd(i));
            }
            pipes.closeMasterEnds();
            SshBuffer reply = expect(link, id, MuxLink.S_SESSION_OPENED, what);
            return new Session(link, pipes, reply.getInt());
        } catch (IOException | RuntimeException e) {
            if (pipes != null) {
                pipes.close();
            }
            link.close();
            throw e;
        }
    }

    private void simple(int type, String what) throws IOException {
        try (MuxLink link = control()) {
            int id = requestIds.incrementAndGet();
            link.send(new SshBuffer(8).putInt(type).putInt(id));
            expect(link, id, MuxLink.S_OK, what);
        }
    }

    /** A reply: its type, and its body past the type and request id. */
    private record Reply(int type, SshBuffer body) {
    }

    private SshBuffer expect(MuxLink link, int id, int type, String what) throws IOException {
        Reply reply = receiveFor(link, id, what);
        if (reply.type() != type) {
            throw new SshException("The ControlMaster answered the " + what + " request with message 0x"
                    + Integer.toHexString(reply.type()));
        }
        return reply.body();
    }

    /** @return the reply to request {@code id}; failures thrown with the master's reason */
    private Reply receiveFor(MuxLink link, int id, String what) throws IOException {
        SshBuffer reply = link.receive(timeout);
        int type = reply.getInt();
        int replyId = reply.getInt();
        if (replyId != id) {
            throw new SshException("The ControlMaster answered request " + replyId + ", not " + id);
        }
        if (type == MuxLink.S_PERMISSION_DENIED || type == MuxLink.S_FAILURE) {
            throw new SshException("The ControlMaster refused the " + what + " request: " + reply.getStringUtf8());
        }
        return new Reply(type, reply);
    }

    private MuxLink control() throws IOException {
        MuxLink link = JdkMuxLink.connect(path);
        return helloed(link);
    }

    private MuxLink fdLink() throws IOException {
        MuxLink link;
        try {
            link = FdMuxLink.connect(path);
        } catch (LinkageError e) {
            throw new SshException("A ControlMaster session passes file descriptors, which needs junixsocket ("
                    + JUNIXSOCKET + ", 2.10 or later) on the class or module path; it is not there", e);
        }
        return helloed(link);
    }

    private MuxLink helloed(MuxLink link) throws IOException {
        try {
            link.hello(timeout);
            return link;
        } catch (IOException | RuntimeException e) {
            link.close();
            throw e;
        }
    }
}
