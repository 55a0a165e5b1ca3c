package org.javamiko.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;

/** The misbehaviours {@link MinaServer.Builder} can script, each applied to a MINA server. */
final class MinaFaults {

    /**
     * Why the channels of {@link #refuseChannelOpens} fail, for MINA's log. The description MINA
     * puts in SSH_MSG_CHANNEL_OPEN_FAILURE is its own, "Generic error while opening channel: N".
     */
    private static final String REFUSAL = "refused by MinaServer.refuseChannelOpens()";
    /** The description in the SSH_MSG_DISCONNECT of {@link #disconnectDuringKex}. */
    static final String KEX_DISCONNECT = "disconnected by MinaServer.disconnectDuringKex()";

    private MinaFaults() {
    }

    /** Replaces every channel type's factory with one whose channels fail to open. */
    static void refuseChannelOpens(SshServer sshd) {
        List<ChannelFactory> refusing = sshd.getChannelFactories().stream()
                .<ChannelFactory>map(factory -> new ChannelFactory() {
                    @Override
                    public String getName() {
                        return factory.getName();
                    }

                    @Override
                    public RefusedChannel createChannel(Session session) {
                        return new RefusedChannel();
                    }
                })
                .toList();
        sshd.setChannelFactories(refusing);
    }

    /**
     * MINA normally sends KEXINIT right after its banner; told not to, it waits for the client's
     * KEXINIT, which it never reads because reading is suspended as soon as the session exists.
     */
    static void stallAfterBanner(SshServer sshd) {
        CoreModuleProperties.SEND_IMMEDIATE_KEXINIT.set(sshd, false);
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                session.getIoSession().suspendRead();
            }
        });
    }

    /** Once both KEXINITs are exchanged, sends SSH_MSG_DISCONNECT (key exchange failed). */
    static void disconnectDuringKex(SshServer sshd) {
        onKexNegotiation(sshd, session -> {
            try {
                session.disconnect(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED, KEX_DISCONNECT);
            } catch (IOException e) {
                session.close(true);
            }
        });
    }

    /** Once both KEXINITs are exchanged, closes the connection without a message. */
    static void dropConnectionDuringKex(SshServer sshd) {
        onKexNegotiation(sshd, session -> session.close(true));
    }

    /** Runs {@code action} when MINA starts negotiating, i.e. holds both sides' KEXINIT. */
    private static void onKexNegotiation(SshServer sshd, Consumer<Session> action) {
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionNegotiationStart(Session session, Map<KexProposalOption, String> clientProposal,
                    Map<KexProposalOption, String> serverProposal) {
                action.accept(session);
            }
        });
    }

    /** A session channel whose opening always fails, so MINA answers with OPEN_FAILURE. */
    private static final class RefusedChannel extends ChannelSession {
        @Override
        protected OpenFuture doInit(Buffer buffer) {
            DefaultOpenFuture refused = new DefaultOpenFuture(this, new Object());
            refused.setValue(new SshChannelOpenException(getChannelId(),
                    SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, REFUSAL));
            return refused;
        }
    }
}
