package org.javamiko.agent;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.agent.AgentProtocol;
import org.javamiko.internal.agent.AgentSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a running {@code ssh-agent} (or any agent speaking its protocol, e.g. gpg-agent
 * or a forwarded agent), over the Unix-domain socket named by {@code SSH_AUTH_SOCK}.
 *
 * <pre>{@code
 * try (Agent agent = new Agent()) {
 *     for (AgentKey key : agent.getKeys()) {
 *         System.out.println(key.getName() + " " + key.fingerprint() + " " + key.getComment());
 *     }
 * }
 * }</pre>
 *
 * <p>As in paramiko, having no agent is not an error: when {@code SSH_AUTH_SOCK} is unset or
 * nothing listens on its socket, {@link #getKeys()} is empty ({@link #isConnected()} tells the
 * two cases apart). The keys sign through this connection, so they work until it is closed.
 * One request runs at a time; the class is safe for use from several threads.
 */
public class Agent implements AutoCloseable {
    /** Bounds each wait for the agent, long enough for a user to confirm a signature ({@code ssh-add -c}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentSocket socket;
    private volatile boolean closed;

    /**
     * Connects to the agent named by the environment variable {@code SSH_AUTH_SOCK}.
     *
     * @throws IOException never for a missing or unreachable agent (the key list is then empty);
     *         declared for agents that fail in ways yet to be met
     */
    public Agent() throws IOException {
        this(environmentSocket());
    }

    /**
     * Connects to the agent listening at a socket path, like OpenSSH's {@code IdentityAgent}.
     *
     * @param socketPath the agent's socket; null for no agent
     * @throws IOException never for a missing or unreachable agent (the key list is then empty)
     */
    public Agent(Path socketPath) throws IOException {
        this(socketPath, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to the agent listening at a socket path.
     *
     * @param socketPath the agent's socket; null for no agent
     * @param timeout bounds each wait for the agent's answer
     * @throws IOException never for a missing or unreachable agent (the key list is then empty)
     */
    public Agent(Path socketPath, Duration timeout) throws IOException {
        this.socket = socketPath == null ? null : tryConnect(socketPath, timeout);
    }

    /** @return the socket named by {@code SSH_AUTH_SOCK}, or null when it is unset, empty or no path */
    public static Path environmentSocket() {
        String value = System.getenv("SSH_AUTH_SOCK");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            LOG.debug("SSH_AUTH_SOCK is not a path ({}): no agent", e.getMessage());
            return null;
        }
    }

    private static AgentSocket tryConnect(Path socketPath, Duration timeout) {
        try {
            return AgentSocket.connect(socketPath, timeout);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("No ssh-agent at {}: {}", socketPath, e.toString());
            return null;
        }
    }

    /** @return true when an agent answered the connection (and this was not closed since) */
    public boolean isConnected() {
        return socket != null && !closed;
    }

    /**
     * Asks the agent for the keys (and certificates) it holds. Keys of types this library does
     * not read (e.g. DSA) are left out.
     *
     * @return the keys in the agent's order; empty when there is no agent
     * @throws SshException when the agent refuses or answers nonsense
     * @throws IOException when the connection to the agent fails
     */
    public List<AgentKey> getKeys() throws IOException {
        if (socket == null) {
            return List.of();
        }
        List<AgentKey> keys = new ArrayList<>();
        for (AgentProtocol.Identity identity : AgentProtocol.parseIdentities(request(AgentProtocol.requestIdentities()))) {
            try {
                keys.add(new AgentKey(this, identity.blob(), identity.comment()));
            } catch (SshException e) {
                LOG.debug("Skipping the agent's key \"{}\": {}", identity.comment(), e.getMessage());
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Tells the agent which SSH session this connection serves (OpenSSH's
     * {@code session-bind@openssh.com}, PROTOCOL.agent), proven by the server's signature over
     * the session identifier. The agent then enforces the destination constraints of keys added
     * with {@code ssh-add -h}: it lists and signs with only the keys allowed for that server, and
     * signs with a constrained key only on a bound connection. {@link
     * org.javamiko.transport.Transport#bindAgent} supplies the values; {@link org.javamiko.SshClient}
     * binds before it tries the agent's keys. Bind once, before {@link #getKeys()}.
     *
     * @param hostKeyBlob the server's host key blob
     * @param sessionId the session identifier (the first key exchange's hash)
     * @param hostSignature the server's signature over it, from the first key exchange
     * @return true when bound; false when there is no agent or it does not take the binding
     *         (agents older than OpenSSH 8.9 do not know it)
     * @throws IOException when talking to the agent fails
     */
    public boolean bindSession(byte[] hostKeyBlob, byte[] sessionId, byte[] hostSignature) throws IOException {
        if (socket == null) {
            return false;
        }
        boolean bound = AgentProtocol.isSuccess(request(AgentProtocol.sessionBind(hostKeyBlob, sessionId, hostSignature,
                false)));
        LOG.debug("Binding the ssh-agent at {} to the session: {}", socket.path(), bound ? "done" : "refused");
        return bound;
    }

    /** Sends one request; used by {@link AgentKey} to sign. */
    byte[] request(byte[] message) throws IOException {
        if (socket == null) {
            throw new SshException("There is no ssh-agent connection");
        }
        if (closed) {
            throw new SshException("The connection to the ssh-agent at " + socket.path() + " is closed");
        }
        return socket.request(message);
    }

    /** Closes the connection to the agent; its keys can no longer sign. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Closing the ssh-agent connection: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return socket == null ? "Agent (none)" : "Agent at " + socket.path() + (closed ? " (closed)" : "");
    }
}
