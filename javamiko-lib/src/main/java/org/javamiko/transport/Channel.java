package org.javamiko.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.javamiko.PtyOptions;
import org.javamiko.SshException;
import org.javamiko.agent.Agent;
import org.javamiko.internal.agent.AgentForwarding;
import org.javamiko.internal.channel.ChannelCore;
import org.javamiko.internal.wire.SshBuffer;

/**
 * One SSH channel (RFC 4254): a session running a command, a shell or a subsystem, or a
 * forwarded TCP connection. Its streams are blocking; unread output is buffered so it never
 * stalls the connection (up to the channel's buffer limit).
 *
 * <pre>{@code
 * try (Channel ch = transport.openSession()) {
 *     ch.execCommand("uname -a");
 *     String out = new String(ch.getInputStream().readAllBytes(), UTF_8);
 *     int status = ch.recvExitStatus();
 * }
 * }</pre>
 */
public class Channel implements AutoCloseable {
    private final ChannelCore core;
    private final Duration requestTimeout;
    private final ChannelInputStream stdout;
    private final ChannelInputStream stderr;
    private final ChannelOutputStream stdin;
    private volatile Duration timeout;

    Channel(ChannelCore core, Duration requestTimeout) {
        this.core = core;
        this.requestTimeout = requestTimeout;
        this.stdout = new ChannelInputStream(this, ChannelCore.Stream.STDOUT);
        this.stderr = new ChannelInputStream(this, ChannelCore.Stream.STDERR);
        this.stdin = new ChannelOutputStream(this);
    }

    ChannelCore core() {
        return core;
    }

    Duration timeout() {
        return timeout;
    }

    /** @return our channel number */
    public int getId() {
        return core.localId();
    }

    /**
     * Runs a command (the channel's only command: open a new channel for the next).
     *
     * @param command the command line, run by the user's shell on the server
     * @throws SshException when the server refuses the request
     * @throws IOException when the channel or the connection is closed, or the channel timeout passes
     */
    public void execCommand(String command) throws IOException {
        core.request("exec", true, new SshBuffer(command.length() + 8).putString(command), requestTimeout);
    }

    /**
     * Starts the user's login shell; ask for a pty first with {@link #getPty} for an interactive one.
     *
     * @throws SshException when the server refuses the request
     * @throws IOException when the channel or the connection is closed, or the channel timeout passes
     */
    public void invokeShell() throws IOException {
        core.request("shell", true, null, requestTimeout);
    }

    /**
     * Starts a subsystem such as {@code sftp}.
     *
     * @param subsystem the subsystem's name
     * @throws SshException when the server refuses the request
     * @throws IOException when the channel or the connection is closed, or the channel timeout passes
     */
    public void invokeSubsystem(String subsystem) throws IOException {
        core.request("subsystem", true, new SshBuffer(32).putString(subsystem), requestTimeout);
    }

    /**
     * Asks for a pseudo-terminal (RFC 4254 §6.2); its environment is sent first.
     *
     * @param pty the terminal type, size and environment
     * @throws SshException when the server refuses the request
     * @throws IOException when the channel or the connection is closed, or the channel timeout passes
     */
    public void getPty(PtyOptions pty) throws IOException {
        updateEnvironment(pty.environment());
        SshBuffer body = new SshBuffer(64).putString(pty.term()).putInt(pty.width()).putInt(pty.height())
                .putInt(pty.widthPixels()).putInt(pty.heightPixels())
                .putString(new byte[] {0}); // encoded terminal modes: TTY_OP_END only
        core.request("pty-req", true, body, requestTimeout);
    }

    /**
     * Tells the server the terminal's new size (RFC 4254 §6.7); no reply is asked for.
     *
     * @param width the width in characters
     * @param height the height in rows
     * @param widthPixels the width in pixels, or 0
     * @param heightPixels the height in pixels, or 0
     * @throws IOException when the channel or the connection is closed
     */
    public void resizePty(int width, int height, int widthPixels, int heightPixels) throws IOException {
        core.request("window-change", false, new SshBuffer(32).putInt(width).putInt(height).putInt(widthPixels)
                .putInt(heightPixels), requestTimeout);
    }

    /**
     * Sets an environment variable for the command (RFC 4254 §6.4). Sent without asking for a
     * reply, as OpenSSH does: sshd silently ignores names its {@code AcceptEnv} does not list.
     *
     * @param name the variable's name
     * @param value its value
     * @throws IOException when the channel or the connection is closed
     */
    public void setEnvironmentVariable(String name, String value) throws IOException {
        core.request("env", false, new SshBuffer(64).putString(name).putString(value), requestTimeout);
    }

    /**
     * Sets several environment variables; see {@link #setEnvironmentVariable}.
     *
     * @param env names to values
     * @throws IOException when the channel or the connection is closed
     */
    public void updateEnvironment(Map<String, String> env) throws IOException {
        for (Map.Entry<String, String> e : env.entrySet()) {
            setEnvironmentVariable(e.getKey(), e.getValue());
        }
    }

    /**
     * Forwards the local ssh-agent (the one {@code SSH_AUTH_SOCK} names) to the command or shell
     * this session channel will run, as OpenSSH's {@code ForwardAgent yes} and paramiko's
     * {@code request_forward_agent}: call it before {@link #execCommand} or {@link #invokeShell}.
     * The remote side then finds the agent through its own {@code SSH_AUTH_SOCK}, e.g. to run
     * {@code git} or {@code ssh} there with the local keys.
     *
     * <p>Off unless asked for, because whoever is root on the server can use the forwarded agent
     * to sign with the local keys for as long as the connection lasts: forward only to servers
     * you trust.
     *
     * @throws SshException when {@code SSH_AUTH_SOCK} is unset, or the server refuses
     *         (e.g. sshd's {@code AllowAgentForwarding no})
     * @throws IOException when the channel or the connection is closed
     */
    public void requestForwardAgent() throws IOException {
        Path socket = Agent.environmentSocket();
        if (socket == null) {
            throw new SshException("Cannot forward the agent: SSH_AUTH_SOCK is not set (no ssh-agent running?)");
        }
        requestForwardAgent(socket);
    }

    /**
     * Forwards the agent listening at a socket path; see {@link #requestForwardAgent()}.
     * Each time the server connects to the forwarded agent, a new connection to this socket is
     * made; when nothing listens there, that one connection is refused.
     *
     * @param agentSocket the local agent's Unix-domain socket
     * @throws SshException when the server refuses the request
     * @throws IOException when the channel or the connection is closed, or the channel timeout passes
     */
    public void requestForwardAgent(Path agentSocket) throws IOException {
        AgentForwarding.enable(core, agentSocket, Agent.DEFAULT_TIMEOUT);
        core.request(AgentForwarding.REQUEST, true, null, requestTimeout);
    }

    /**
     * Sends a signal to the command or shell (RFC 4254 §6.9) and waits for the server's answer:
     * OpenSSH's sshd (7.9 and later) delivers it to the command's whole process group, but
     * refuses it for root logins (it has no privilege separation after such a login).
     *
     * @param name the signal's name without {@code SIG}, e.g. {@code TERM}, {@code KILL}, {@code INT}
     * @throws IllegalArgumentException when the name is empty or starts with {@code SIG}
     * @throws SshException when the server refuses the request
     * @throws IOException when the channel or the connection is closed, or the channel timeout passes
     */
    public void signal(String name) throws IOException {
        signal(name, requestTimeout);
    }

    /**
     * Sends a signal as {@link #signal(String)}, waiting at most {@code replyTimeout} for the answer.
     *
     * @param name the signal's name without {@code SIG}, e.g. {@code TERM}
     * @param replyTimeout the bound on the server's answer
     * @throws IllegalArgumentException when the name is empty or starts with {@code SIG}
     * @throws SshException when the server refuses the request
     * @throws java.net.SocketTimeoutException when no answer comes in time
     * @throws IOException when the channel or the connection is closed
     */
    public void signal(String name, Duration replyTimeout) throws IOException {
        if (name == null || name.isEmpty() || name.startsWith("SIG")) {
            throw new IllegalArgumentException("A signal is named without SIG, e.g. TERM, not " + name);
        }
        core.request("signal", true, new SshBuffer(16).putString(name), replyTimeout);
    }

    /** @return the command's stdout (with stderr mixed in after {@code setCombineStderr(true)}) */
    public InputStream getInputStream() {
        return stdout;
    }

    /** @return the command's stderr */
    public InputStream getErrorStream() {
        return stderr;
    }

    /** @return the command's stdin; closing it sends EOF */
    public OutputStream getOutputStream() {
        return stdin;
    }

    /**
     * Sends EOF: the remote command sees the end of its stdin.
     *
     * @throws IOException when the connection is closed
     */
    public void shutdownWrite() throws IOException {
        core.sendEof();
    }

    /**
     * Waits until stdout or stderr has bytes to read, or both have ended: lets one thread drain
     * both streams without deadlock.
     *
     * @param timeout the bound, or null for none
     * @return false when both streams have ended
     * @throws java.net.SocketTimeoutException when the timeout passes first
     * @throws IOException when the connection fails
     */
    public boolean waitForOutput(Duration timeout) throws IOException {
        return core.awaitAnyData(timeout);
    }

    /** @return true once the server sent the exit status (or the signal the command died of) */
    public boolean exitStatusReady() {
        return core.exitStatusReady();
    }

    /**
     * Waits for the command's exit status, without bound.
     *
     * @return the status; -1 when the server sent none or the command died of a signal
     * @throws IOException when the connection ends before the channel closes
     */
    public int recvExitStatus() throws IOException {
        return core.awaitExitStatus(null);
    }

    /**
     * Waits for the command's exit status.
     *
     * @param timeout the bound, or null for none
     * @return the status; -1 when the server sent none or the command died of a signal
     * @throws java.net.SocketTimeoutException when the timeout passes first
     * @throws IOException when the connection ends before the channel closes
     */
    public int recvExitStatus(Duration timeout) throws IOException {
        return core.awaitExitStatus(timeout);
    }

    /** @return the name of the signal that ended the command (e.g. {@code KILL}), or null */
    public String getExitSignal() {
        return core.exitSignal();
    }

    /**
     * Bounds each blocking read and write on this channel's streams, as paramiko's settimeout.
     *
     * @param timeout the bound, or null or zero for none
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** @param combine true to read stderr through {@link #getInputStream()} */
    public void setCombineStderr(boolean combine) {
        core.setCombineStderr(combine);
    }

    /** @return true once either side closed the channel or the connection ended */
    public boolean isClosed() {
        return core.isClosed();
    }

    /** Closes the channel; unread output is discarded. Idempotent. */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "Channel " + getId() + (isClosed() ? " (closed)" : "");
    }
}
