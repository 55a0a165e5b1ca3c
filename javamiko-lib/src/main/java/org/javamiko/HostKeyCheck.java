package org.javamiko;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.internal.packet.Compression;
import org.javamiko.keys.PKey;
import org.javamiko.transport.AlgorithmKind;
import org.javamiko.transport.SecurityOptions;

/**
 * The host-key side of {@link SshClient#connect}: the algorithms offered (known key types of the
 * host first, as OpenSSH does), the check of the server's key against the known hosts, and the
 * policy for a host that is not known.
 */
final class HostKeyCheck {
    private final SshClient client;
    private final HostKeys systemHostKeys;
    private final HostKeys hostKeys;

    /**
     * @param client handed to the missing-host-key policy
     * @param systemHostKeys the keys loaded with {@code loadSystemHostKeys}
     * @param hostKeys the local, savable set
     */
    HostKeyCheck(SshClient client, HostKeys systemHostKeys, HostKeys hostKeys) {
        this.client = client;
        this.systemHostKeys = systemHostKeys;
        this.hostKeys = hostKeys;
    }

    /**
     * Loads the plan's known_hosts files once each; the first user file is where new keys are saved.
     *
     * @param loaded the files this client has loaded already; added to
     */
    static void loadKnownHosts(SshClient client, ConnectionPlan plan, Set<Path> loaded) throws IOException {
        List<Path> user = plan.userKnownHostsFiles();
        for (int i = 0; i < user.size(); i++) {
            if (i == 0 && !user.get(0).equals(client.hostKeysFile())) {
                client.loadHostKeys(user.get(0));
            } else if (i > 0 && loaded.add(user.get(i)) && Files.exists(user.get(i))) {
                client.loadSystemHostKeys(user.get(i));
            }
        }
        for (Path file : plan.globalKnownHostsFiles()) {
            if (loaded.add(file) && Files.isReadable(file)) {
                client.loadSystemHostKeys(file);
            }
        }
    }

    /**
     * The config's StrictHostKeyChecking, unless {@link SshClient#setMissingHostKeyPolicy} chose one.
     *
     * @param chosen whether the user set a policy
     * @param policy the client's policy
     */
    static MissingHostKeyPolicy policyFor(ConnectionPlan plan, boolean chosen, MissingHostKeyPolicy policy) {
        if (chosen || plan.strictHostKeyChecking() == null) {
            return policy;
        }
        return switch (plan.strictHostKeyChecking()) {
            case "accept-new" -> new AutoAddPolicy(plan.hashKnownHosts());
            case "no", "off", "false" -> new WarningPolicy();
            default -> new RejectPolicy(); // yes, and ask: a library cannot prompt
        };
    }

    /**
     * Applies the user's algorithm choices, and puts the host key types already known for this
     * host first, as OpenSSH does, so a known host is verified with the key we have for it.
     */
    static void configureAlgorithms(SecurityOptions security, ConnectOptions options, List<String> knownTypes) {
        if (options.compress()) {
            security.set(AlgorithmKind.COMPRESSION, Compression.withZlib()); // an explicit list below wins
        }
        for (Map.Entry<String, List<String>> e : options.preferredAlgorithms().entrySet()) {
            security.set(AlgorithmKind.fromKey(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, List<String>> e : options.disabledAlgorithms().entrySet()) {
            security.disable(AlgorithmKind.fromKey(e.getKey()), e.getValue());
        }
        if (!knownTypes.isEmpty() && !options.preferredAlgorithms().containsKey(AlgorithmKind.KEYS.key())) {
            security.preferFirst(AlgorithmKind.KEYS, hostKeyAlgorithmsFor(knownTypes));
        }
    }

    private static List<String> hostKeyAlgorithmsFor(Iterable<String> keyTypes) {
        List<String> algorithms = new ArrayList<>();
        for (String type : keyTypes) {
            if (type.equals("ssh-rsa")) {
                algorithms.addAll(List.of("rsa-sha2-512", "rsa-sha2-256"));
            } else {
                algorithms.add(type);
            }
        }
        return algorithms;
    }

    /**
     * paramiko's check, plus OpenSSH's {@code @revoked} and its acceptance of any one of several
     * keys of the same type listed for a host: revoked → refuse; listed → accept; another key of
     * the same type listed → {@link BadHostKeyException}; else the missing-host-key policy.
     */
    void check(String knownName, PKey serverKey, MissingHostKeyPolicy policy) throws SshException {
        if (systemHostKeys.isRevoked(knownName, serverKey) || hostKeys.isRevoked(knownName, serverKey)) {
            throw new BadHostKeyException(knownName, serverKey, serverKey, "The host key of '" + knownName + "' ("
                    + serverKey.fingerprint() + ") is marked @revoked in known_hosts");
        }
        if (systemHostKeys.check(knownName, serverKey) || hostKeys.check(knownName, serverKey)) {
            return;
        }
        PKey expected = hostKeys.lookup(knownName).get(serverKey.getName());
        if (expected == null) {
            expected = systemHostKeys.lookup(knownName).get(serverKey.getName());
        }
        if (expected == null) {
            policy.missingHostKey(client, knownName, serverKey);
        } else {
            throw new BadHostKeyException(knownName, serverKey, expected);
        }
    }
}
