package org.javamiko.internal.agent;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.javamiko.ChannelException;
import org.javamiko.SshException;
import org.javamiko.internal.channel.ChannelCore;
import org.javamiko.internal.channel.ChannelOpenHandler;
import org.javamiko.internal.channel.ChannelSettings;
import org.javamiko.internal.channel.ChannelTable;
import org.javamiko.internal.session.SshSession;
import org.javamiko.internal.wire.SshBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent forwarding (OpenSSH PROTOCOL §2.1, {@code auth-agent@openssh.com}): each channel the
 * server opens to reach "our" agent gets its own connection to the local agent, and a thread
 * relays the agent protocol over it, one request and one reply at a time, until either side
 * closes.
 *
 * <p>Each such connection is first bound to the session ({@code session-bind@openssh.com}, with
 * the forwarding flag), as OpenSSH's {@code ssh} does, so the agent knows which server uses it and
 * keeps destination-constrained keys ({@code ssh-add -h}) from servers they are not meant for.
 * An agent without the extension refuses the binding and is relayed to all the same.
 *
 * <p>Relaying whole messages rather than raw bytes lets every length be checked before anything is
 * allocated, on the way in and on the way out.
 */
public final class AgentForwarding implements ChannelOpenHandler {
    /** The channel type the server opens. */
    public static final String CHANNEL_TYPE = "auth-agent@openssh.com";
    /** The session channel request that asks the server to offer a forwarded agent. */
    public static final String REQUEST = "auth-agent-req@openssh.com";

    private static final int CONNECT_FAILED = 2;
    /** Agent messages are small; a 256 KiB window holds the largest one the protocol allows. */
    private static final ChannelSettings SETTINGS = new ChannelSettings(AgentSocket.MAX_MESSAGE + 4,
            32 * 1024, 2L * (AgentSocket.MAX_MESSAGE + 4), 32 * 1024);
    private static final Logger LOG = LoggerFactory.getLogger(AgentForwarding.class);

    private final SshSession session;
    private final Path agentSocket;
    private final Duration timeout;

    private AgentForwarding(SshSession session, Path agentSocket, Duration timeout) {
        this.session = session;
        this.agentSocket = agentSocket;
        this.timeout = timeout;
    }

    /**
     * Accepts the server's agent channels on a connection, relaying them to a local agent.
     *
     * @param channel any channel of the connection (its table and session are the connection's)
     * @param agentSocket the local agent's socket
     * @param timeout bounds each wait for the local agent's answer
     */
    public static void enable(ChannelCore channel, Path agentSocket, Duration timeout) {
        ChannelTable table = channel.table();
        table.acceptChannels(CHANNEL_TYPE, SETTINGS, new AgentForwarding(channel.session(), agentSocket, timeout));
    }

    @Override
    public Consumer<ChannelCore> accept(SshBuffer data) throws IOException {
        AgentSocket agent;
        try {
            agent = AgentSocket.connect(agentSocket, timeout);
        } catch (IOException e) {
            // the server learns only that there is no agent; the local path stays in our log
            LOG.debug("Refusing the server's agent channel: no agent at {}: {}", agentSocket, e.toString());
            throw new ChannelException(CONNECT_FAILED, "the forwarded ssh-agent is not reachable");
        }
        return channel -> {
            Thread relay = session.threadFactory().newThread(() -> relay(channel, agent));
            relay.setName("javamiko-agent-forward " + channel.localId());
            relay.setDaemon(true);
            relay.start();
        };
    }

    private void relay(ChannelCore channel, AgentSocket agent) {
        try (agent) {
            bindToSession(agent);
            while (true) {
                byte[] request = readMessage(channel);
                if (request == null) {
                    break;
                }
                byte[] reply = agent.request(request);
                byte[] framed = ByteBuffer.allocate(4 + reply.length).putInt(reply.length).put(reply).array();
                channel.write(framed, 0, framed.length, false, null);
            }
        } catch (IOException e) {
            LOG.debug("Agent forwarding on channel {} ended: {}", channel.localId(), e.toString());
        } finally {
            channel.close();
        }
    }

    private void bindToSession(AgentSocket agent) throws IOException {
        if (session.sessionSignature() == null) {
            return; // a GSS-API key exchange: no host key signed the session, so there is nothing to bind to
        }
        byte[] reply = agent.request(AgentProtocol.sessionBind(session.serverHostKey().asBytes(), session.sessionId(),
                session.sessionSignature(), true));
        if (!AgentProtocol.isSuccess(reply)) {
            LOG.debug("The agent at {} did not take session-bind@openssh.com (message {}); relaying unbound",
                    agentSocket, reply[0]);
        }
    }

    /** @return one agent message from the server, or null at a clean end of the channel */
    private static byte[] readMessage(ChannelCore channel) throws IOException {
        byte[] header = new byte[4];
        if (!readFully(channel, header, true)) {
            return null;
        }
        int length = SshBuffer.readInt(header, 0);
        if (length <= 0 || length > AgentSocket.MAX_MESSAGE) {
            throw new SshException("The server sent a forwarded agent message of " + Integer.toUnsignedString(length)
                    + " bytes (1 to " + AgentSocket.MAX_MESSAGE + " allowed)");
        }
        byte[] body = new byte[length];
        readFully(channel, body, false);
        return body;
    }

    /** @return false when the channel ended before the first byte and {@code endAllowed} */
    private static boolean readFully(ChannelCore channel, byte[] buf, boolean endAllowed) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = channel.read(ChannelCore.Stream.STDOUT, buf, off, buf.length - off, null);
            if (n < 0) {
                if (off == 0 && endAllowed) {
                    return false;
                }
                throw new EOFException("The forwarded agent channel ended inside a message");
            }
            off += n;
        }
        return true;
    }
}
