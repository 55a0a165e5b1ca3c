package org.javamiko;

import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.internal.gss.GssTarget;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;

/** The options one hop authenticates with: the builder's credentials with the plan's choices. */
final class PlanOptions {
    private PlanOptions() {
    }

    /**
     * @param plan the hop's or the target's plan
     * @param base the builder's options (password, passphrase, key, timeouts)
     */
    static ConnectOptions forAuthentication(ConnectionPlan plan, ConnectOptions base) {
        ConnectOptions.Builder b = ConnectOptions.builder()
                .port(plan.port()).username(plan.user()).password(base.password()).passphrase(base.passphrase())
                .pkey(base.pkey()).timeout(plan.connectTimeout()).compress(plan.compress())
                .allowAgent(!"none".equals(plan.agent())) // IdentitiesOnly filters the agent's keys
                .identityAgent(plan.agent() == null || "none".equals(plan.agent()) ? null : Path.of(plan.agent()))
                // with a config the plan lists ssh's default files itself
                .lookForKeys(base.sshConfig() == null && base.lookForKeys() && !plan.identitiesOnly())
                .bannerTimeout(base.bannerTimeout()).authTimeout(base.authTimeout())
                .channelTimeout(base.channelTimeout()).disabledAlgorithms(base.disabledAlgorithms())
                .preferredAlgorithms(plan.algorithms()).interactiveHandler(base.interactiveHandler())
                .gssAuth(plan.gss().auth()).gssKex(plan.gss().keyExchange())
                .gssDelegCreds(plan.gss().delegateCredentials())
                .gssHost(base.gssHost()).gssTrustDns(plan.gss().trustDns());
        for (Path file : plan.identityFiles()) {
            // ssh skips configured identity files that do not exist; the builder's must exist
            if (base.keyFilenames().contains(file) || Files.isRegularFile(file)) {
                b.keyFilename(file);
            }
        }
        return b.build();
    }

    /**
     * With {@code gssKex}, the transport offers GSS-API key exchange with {@code host/<gssHost or
     * the host>}. When only the configuration asked for it (GSSAPIKeyExchange yes) and there is no
     * Kerberos ticket, the normal key exchange is used, as ssh does; {@code gssKex(true)} on the
     * builder keeps its clear error instead.
     *
     * @param base the builder's options, which say whether gssKex was set there
     */
    static void offerGssKex(Transport t, ConnectOptions options, ConnectOptions base, String hostName, Logger log) {
        if (!options.gssKex()) {
            return;
        }
        String host = options.gssHost() != null ? options.gssHost() : hostName;
        if (base.sshConfig() != null && !base.explicitlySet().contains("gssKex")) {
            try {
                GssTarget.acquire(host, options.gssTrustDns(), options.gssDelegCreds());
            } catch (AuthenticationException noTicket) {
                log.debug("GSSAPIKeyExchange yes, but no Kerberos ticket: the normal key exchange ({})",
                        noTicket.getMessage());
                return;
            }
        }
        t.setGssKex(host, options.gssTrustDns(), options.gssDelegCreds());
    }
}
