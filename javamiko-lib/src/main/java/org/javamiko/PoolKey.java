package org.javamiko;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.StringJoiner;

import org.javamiko.internal.connect.ConnectionPlan;

/**
 * What makes two of {@link SshClientPool}'s callers share a connection: the same resolved plan
 * (user, host name, port, keys, algorithms, jumps... as {@code ssh -G} would print them) and the
 * same credentials and settings that the plan does not show. Passwords and passphrases enter only
 * as a SHA-256, so the key can sit in a map and a log without holding them.
 */
final class PoolKey {
    private PoolKey() {
    }

    /**
     * @return the key for connecting to {@code host} with {@code options}
     * @throws IllegalArgumentException when the options carry a connected socket or channel,
     *         which serves one connection only
     */
    static String of(String host, ConnectOptions options) {
        if (options.socket() != null || options.tunnel() != null) {
            throw new IllegalArgumentException("A pool opens its own connections: ConnectOptions.sock(...)"
                    + " serves one connection only; give the pool the host, port and a proxyJump instead");
        }
        ConnectionPlan plan = PlanResolver.resolve(host, options);
        StringJoiner key = new StringJoiner("\n");
        // without its first line, the name given: an alias and the address it stands for share
        String described = plan.describe();
        key.add(described.substring(described.indexOf('\n') + 1));
        key.add("password " + digest(options.password()));
        key.add("passphrase " + digest(options.passphrase()));
        key.add("pkey " + (options.pkey() == null ? "none" : options.pkey().fingerprint()));
        key.add("gss " + options.gssAuth() + " " + options.gssKex() + " " + options.gssDelegCreds() + " "
                + options.gssHost() + " " + options.gssTrustDns());
        key.add("disabled " + options.disabledAlgorithms() + " preferred " + options.preferredAlgorithms());
        key.add("knownhosts " + options.knownHostsFiles());
        key.add("timeouts " + options.bannerTimeout() + " " + options.authTimeout() + " " + options.channelTimeout());
        key.add("interactive " + (options.interactiveHandler() == null ? "none"
                : Integer.toHexString(System.identityHashCode(options.interactiveHandler()))));
        return key.toString();
    }

    private static String digest(String secret) {
        if (secret == null) {
            return "none";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
