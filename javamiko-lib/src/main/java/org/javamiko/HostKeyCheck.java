package org.javamiko;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.internal.packet.Compression;
import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;
import org.javamiko.transport.AlgorithmKind;
import org.javamiko.transport.SecurityOptions;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;

/**
 * The host-key side of {@link SshClient#connect}: the algorithms offered (certificate
 * algorithms first when a CA is known for the host, then the host's known key types, as OpenSSH
 * does), the check of the server's key or host certificate against the known hosts, and the
 * policy for a host that is not known.
 */
final class HostKeyCheck {
    private final SshClient client;
    private final HostKeys systemHostKeys;
    private final HostKeys hostKeys;
    private final Logger log;

    /**
     * @param client handed to the missing-host-key policy
     * @param systemHostKeys the keys loaded with {@code loadSystemHostKeys}
     * @param hostKeys the local, savable set
     * @param log where a refused host certificate is reported
     */
    HostKeyCheck(SshClient client, HostKeys systemHostKeys, HostKeys hostKeys, Logger log) {
        this.client = client;
        this.systemHostKeys = systemHostKeys;
        this.hostKeys = hostKeys;
        this.log = log;
    }

    /** @return the key types known for a host: the system files' when they know it, else the local set's */
    List<String> knownKeyTypes(String knownName) {
        List<String> knownTypes = systemHostKeys.keyTypes(knownName);
        return knownTypes.isEmpty() ? hostKeys.keyTypes(knownName) : knownTypes;
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
     * Applies the user's algorithm choices, and then, unless the user chose the host key
     * algorithms, orders them as OpenSSH's {@code order_hostkeyalgs} does: when an
     * {@code @cert-authority} line matches the host, the certificate algorithms of every offered
     * host key algorithm first; then the host key types already known for this host, so a known
     * host is verified with the key we have for it; then the rest.
     *
     * @param knownTypes the key types known_hosts lists for the host
     * @param certificateAuthority whether an {@code @cert-authority} line matches the host
     */
    static void configureAlgorithms(SecurityOptions security, ConnectOptions options, List<String> knownTypes,
            boolean certificateAuthority) {
        if (options.compress()) {
            security.set(AlgorithmKind.COMPRESSION, Compression.withZlib()); // an explicit list below wins
        }
        for (Map.Entry<String, List<String>> e : options.preferredAlgorithms().entrySet()) {
            security.set(AlgorithmKind.fromKey(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, List<String>> e : options.disabledAlgorithms().entrySet()) {
            security.disable(AlgorithmKind.fromKey(e.getKey()), e.getValue());
        }
        if (options.preferredAlgorithms().containsKey(AlgorithmKind.KEYS.key())) {
            return;
        }
        if (!knownTypes.isEmpty()) {
            security.preferFirst(AlgorithmKind.KEYS, hostKeyAlgorithmsFor(knownTypes));
        }
        if (certificateAuthority) {
            List<String> disabled = options.disabledAlgorithms().getOrDefault(AlgorithmKind.KEYS.key(), List.of());
            List<String> offered = new ArrayList<>();
            for (String plain : security.get(AlgorithmKind.KEYS)) {
                String cert = Certificate.certificateAlgorithm(plain);
                if (!Certificate.isCertificateType(plain) && !disabled.contains(cert) && !offered.contains(cert)) {
                    offered.add(cert);
                }
            }
            for (String name : security.get(AlgorithmKind.KEYS)) {
                if (!offered.contains(name)) {
                    offered.add(name);
                }
            }
            security.set(AlgorithmKind.KEYS, offered);
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
     * The check after a connect's key exchange. After a GSS-API key exchange there is none:
     * Kerberos authenticated the server, and OpenSSH's client does not consult known_hosts then
     * either (docs/kerberos.md), so the policy is not asked.
     *
     * @param knownName the name looked up in known_hosts: {@code host} or {@code [host]:port}
     * @param t the transport after its first key exchange
     * @param policy what to do with a host whose key is not known
     */
    void check(String knownName, Transport t, MissingHostKeyPolicy policy) throws SshException {
        if (!t.isGssKexUsed()) {
            check(knownName, t.getRemoteServerKey(), policy);
        }
    }

    /**
     * paramiko's check, plus OpenSSH's {@code @revoked}, its acceptance of any one of several
     * keys of the same type listed for a host, its host certificates, and its second look
     * without the port ({@code sshconnect.c}'s {@code check_host_key}).
     *
     * <p>A plain key: revoked → {@link BadHostKeyException}; listed → accept; another key of the
     * same type listed → {@link BadHostKeyException}; listed for {@code host} when nothing is for
     * {@code [host]:port} → accept, as {@code ssh} does ("checking without port identifier");
     * else the missing-host-key policy.
     *
     * <p>A certificate: its key or its CA {@code @revoked} → {@link BadHostKeyException}, never
     * retried; signed by an {@code @cert-authority} of the host (or of {@code host} without the
     * port) and passing {@link HostCertificateCheck} → accept; otherwise (CA unknown, or the
     * certificate refused) OpenSSH retries with the certificate's plain key, and so does this: the
     * plain key is then checked as above, and the policy sees the plain key (so
     * {@link AutoAddPolicy} adds the plain key, never a certificate). A refusal then names why the
     * certificate was not accepted.
     *
     * @param knownName the name looked up in known_hosts: {@code host} or {@code [host]:port}
     * @param serverKey the verified key of the key exchange, with its certificate if it sent one
     * @param policy what to do with a host whose (plain) key is not known
     */
    void check(String knownName, PKey serverKey, MissingHostKeyPolicy policy) throws SshException {
        Certificate cert = serverKey.getCertificate();
        if (cert == null) {
            checkPlain(knownName, serverKey, policy, null);
            return;
        }
        refuseIfRevoked(knownName, serverKey, serverKey, "The host key of '" + knownName + "' ("
                + serverKey.fingerprint() + "), certified by " + cert.getSignatureKey().fingerprint() + ",");
        refuseIfRevoked(knownName, serverKey, cert.getSignatureKey(), "The certificate authority "
                + cert.getSignatureKey().fingerprint() + " that signed the host certificate of '" + knownName
                + "' (key id \"" + cert.getKeyId() + "\")");
        String refused;
        if (isCertificateAuthority(knownName, cert.getSignatureKey())) {
            Optional<String> why = HostCertificateCheck.refusal(cert, principalName(knownName), Instant.now());
            if (why.isEmpty()) {
                log.debug("Host certificate of {} accepted: {}", knownName, cert);
                return;
            }
            refused = why.get();
            log.warn("The host certificate of {} is refused: {}; trying its plain key {}", knownName, refused,
                    serverKey.fingerprint());
        } else {
            refused = "its CA " + cert.getSignatureKey().fingerprint() + " is not an @cert-authority for '"
                    + knownName + "' in known_hosts";
            log.debug("No matching CA for the host certificate of {} ({}); trying its plain key", knownName, cert);
        }
        checkPlain(knownName, plainKey(serverKey), policy, refused);
    }

    /** @param certRefused why the server's certificate was not accepted, or null when it sent none */
    private void checkPlain(String knownName, PKey serverKey, MissingHostKeyPolicy policy, String certRefused)
            throws SshException {
        refuseIfRevoked(knownName, serverKey, serverKey, "The host key of '" + knownName + "' ("
                + serverKey.fingerprint() + ")");
        if (systemHostKeys.check(knownName, serverKey) || hostKeys.check(knownName, serverKey)) {
            return;
        }
        String certNote = certRefused == null ? "" : "; its host certificate was not accepted: " + certRefused;
        PKey expected = hostKeys.lookup(knownName).get(serverKey.getName());
        if (expected == null) {
            expected = systemHostKeys.lookup(knownName).get(serverKey.getName());
        }
        if (expected != null) {
            throw new BadHostKeyException(knownName, serverKey, expected, "Host key for server '" + knownName
                    + "' does not match: got " + serverKey.fingerprint() + ", expected " + expected.fingerprint()
                    + certNote);
        }
        String portless = portlessName(knownName);
        if (portless != null && (systemHostKeys.check(portless, serverKey) || hostKeys.check(portless, serverKey))) {
            log.debug("The host key of {} is known for {}, which ssh accepts too", knownName, portless);
            return;
        }
        try {
            policy.missingHostKey(client, knownName, serverKey);
        } catch (SshException e) {
            if (certRefused == null) {
                throw e;
            }
            throw new SshException(e.getMessage() + certNote, e);
        }
    }

    /** Revocations listed for {@code [host]:port} or for {@code host} both count. */
    private void refuseIfRevoked(String knownName, PKey serverKey, PKey key, String what) throws BadHostKeyException {
        for (String name : lookupNames(knownName)) {
            if (systemHostKeys.isRevoked(name, key) || hostKeys.isRevoked(name, key)) {
                throw new BadHostKeyException(knownName, serverKey, key, what + " is marked @revoked in known_hosts;"
                        + " refusing to connect (a revoked key may be in an attacker's hands)");
            }
        }
    }

    /**
     * @param knownName {@code host} or {@code [host]:port}
     * @return whether an {@code @cert-authority} line matches the host (or {@code host} without
     *     the port), so certificates are asked for
     */
    boolean knowsCertificateAuthority(String knownName) {
        for (String name : lookupNames(knownName)) {
            if (!systemHostKeys.certificateAuthorities(name).isEmpty() || !hostKeys.certificateAuthorities(name).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A CA line for {@code host} serves {@code [host]:port} too, as ssh's second look without the port finds it. */
    private boolean isCertificateAuthority(String knownName, PKey ca) {
        for (String name : lookupNames(knownName)) {
            if (systemHostKeys.certificateAuthorities(name).contains(ca) || hostKeys.certificateAuthorities(name).contains(ca)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lookupNames(String knownName) {
        String portless = portlessName(knownName);
        return portless == null ? List.of(knownName) : List.of(knownName, portless);
    }

    /** @return {@code host} of {@code [host]:port}, or null for a name without a port */
    static String portlessName(String knownName) {
        int end = knownName.lastIndexOf("]:");
        return knownName.startsWith("[") && end > 0 ? knownName.substring(1, end) : null;
    }

    /**
     * The host name a certificate must name: {@code host} of {@code [host]:port} (the HostKeyAlias
     * when one is set, as the known_hosts name is), as OpenSSH compares it.
     */
    static String principalName(String knownName) {
        String portless = portlessName(knownName);
        return portless != null ? portless : knownName;
    }

    /** The certified key without its certificate: what known_hosts and the policy deal in. */
    private static PKey plainKey(PKey certified) throws SshException {
        try {
            return PKey.fromBlob(certified.keyBlob());
        } catch (IOException e) {
            throw new SshException("Cannot read the key of the host certificate: " + e.getMessage(), e);
        }
    }
}
