package org.javamiko;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javamiko.internal.auth.CertifiedKey;
import org.javamiko.internal.auth.IdentityFiles;
import org.javamiko.internal.auth.KeyFileCache;
import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.agent.Agent;
import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;
import org.javamiko.transport.Prompt;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;

/**
 * Authenticates an {@link org.javamiko.SshClient} connection in paramiko's order: the given key,
 * the key files, the agent's keys, the keys in {@code ~/.ssh}, then the password, with
 * keyboard-interactive answered by the password where the server asks for it.
 *
 * <p>With an ssh_config (see {@link ConnectionPlan}): PreferredAuthentications chooses the methods
 * and their order; the certificates of CertificateFile are offered, each just before the key it
 * certifies; with IdentitiesOnly only the identity files' keys (and agent keys matching them or a
 * certificate) are tried.
 *
 * <p>As paramiko, it starts with the first credential, not with the "none" method (that is
 * tried only when there is no credential at all). Each refusal names the methods the server
 * allows; methods it does not allow are skipped from then on. After a partial success (two
 * factors) it goes on with the methods the server still wants.
 */
final class ClientAuthenticator {
    private static final List<String> DEFAULT_KEY_FILES = List.of("id_rsa", "id_ecdsa", "id_ed25519");
    /** javamiko's order when PreferredAuthentications does not say (paramiko's: the password before prompts). */
    private static final List<String> DEFAULT_ORDER = List.of("gssapi-with-mic", "publickey", "password",
            "keyboard-interactive");

    private final Transport transport;
    private final ConnectOptions options;
    private final Logger log;
    private final KeyFileCache keyFiles;
    private final String hostname;
    private final ConnectionPlan plan;
    private AuthenticationException gssFailure;
    private final List<String> tried = new ArrayList<>();
    private final List<PasswordRequiredException> lockedKeys = new ArrayList<>();
    private List<String> allowed = List.of();
    private Agent agent;
    private List<PKey> givenKeys;
    private List<PKey> homeKeys;
    private List<Certificate> certificates;
    /** The public blobs of the identity files (even those not loaded): agent keys allowed by IdentitiesOnly. */
    private Set<ByteBuffer> identityBlobs;
    private IOException keyFileFailure;

    /**
     * @param transport the transport to authenticate; started, or being started (see {@link #loadKeyFiles})
     * @param options the user's credentials and choices
     * @param log where to log each attempt (DEBUG; never a secret)
     * @param keyFiles the client's decoded key files, reused while a file is unchanged
     * @param hostname the host connected to: the GSS-API principal's host part unless gssHost says otherwise
     * @param plan the connection's plan: its certificate files, IdentitiesOnly and PreferredAuthentications
     */
    public ClientAuthenticator(Transport transport, ConnectOptions options, Logger log, KeyFileCache keyFiles,
            String hostname, ConnectionPlan plan) {
        this.hostname = hostname;
        this.plan = plan;
        this.transport = transport;
        this.options = options;
        this.log = log;
        this.keyFiles = keyFiles;
    }

    /**
     * Loads the key files (the user's, then those in {@code ~/.ssh}), which needs no connection:
     * {@link org.javamiko.SshClient} calls it while the server answers the key exchange. A
     * failure is kept and thrown by {@link #authenticate}, so that it comes after any key
     * exchange or host key error, as it did when keys were loaded later.
     */
    public void loadKeyFiles() {
        if (givenKeys != null || keyFileFailure != null) {
            return;
        }
        try {
            List<PKey> given = new ArrayList<>();
            Set<ByteBuffer> blobs = new HashSet<>();
            for (Path file : options.keyFilenames()) {
                PKey key = load(file, true);
                if (key != null) {
                    given.add(key);
                }
                byte[] blob = key != null ? key.keyBlob() : IdentityFiles.publicHalf(file, log);
                if (blob != null) {
                    blobs.add(ByteBuffer.wrap(blob));
                }
            }
            certificates = IdentityFiles.certificates(plan.certificateFiles(), log);
            certificates.forEach(cert -> blobs.add(ByteBuffer.wrap(cert.getKey().keyBlob())));
            identityBlobs = blobs;
            List<PKey> home = new ArrayList<>();
            if (options.lookForKeys()) {
                Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
                for (String name : DEFAULT_KEY_FILES) {
                    Path file = ssh.resolve(name);
                    if (Files.isRegularFile(file)) {
                        PKey key = load(file, false);
                        if (key != null) {
                            home.add(key);
                        }
                    }
                }
            }
            givenKeys = given;
            homeKeys = home;
        } catch (IOException e) {
            keyFileFailure = e;
        }
    }

    /**
     * Runs the whole sequence (loading the key files first unless {@link #loadKeyFiles} did);
     * returns when authenticated, else throws. The transport must be started and its host key
     * checked.
     */
    public void authenticate() throws IOException {
        try {
            tryEachMethod();
        } finally {
            if (agent != null) {
                agent.close();
            }
        }
    }

    private void tryEachMethod() throws IOException {
        String user = options.username();
        List<String> order = order();
        // RFC 4462 §4: after a GSS-API key exchange its context logs us in without a second Kerberos exchange.
        if (transport.isGssKexUsed() && (plan.preferredAuthentications().isEmpty()
                || plan.preferredAuthentications().contains("gssapi-keyex"))
                && tryMethod("gssapi-keyex", "gssapi-keyex", () -> transport.authGssapiKeyex(user))) {
            return;
        }
        List<PKey> keys = order.contains("publickey") ? keys() : List.of();
        String password = order.contains("password") || order.contains("keyboard-interactive") ? options.password() : null;
        boolean gss = options.gssAuth() && order.contains("gssapi-with-mic");
        boolean handler = options.interactiveHandler() != null && order.contains("keyboard-interactive");
        if (keys.isEmpty() && password == null && !handler && !gss && tryNone(user)) {
            return;
        }
        for (String method : order) {
            boolean done = switch (method) {
                case "gssapi-with-mic" -> gss && tryGss(user);
                case "publickey" -> tryKeys(user, keys);
                case "password" -> password != null
                        && tryMethod(method, method, () -> transport.authPassword(user, password));
                default -> tryInteractive(user, password, handler);
            };
            if (done) {
                return;
            }
        }
        throw failure(user);
    }

    /** PreferredAuthentications' methods javamiko has, in its order; else javamiko's order. */
    private List<String> order() {
        List<String> preferred = plan.preferredAuthentications().stream().map(String::trim)
                .filter(DEFAULT_ORDER::contains).distinct().toList();
        if (plan.preferredAuthentications().isEmpty()) {
            return DEFAULT_ORDER;
        }
        if (preferred.size() < plan.preferredAuthentications().size()) {
            log.debug("PreferredAuthentications {}: javamiko tries {}", plan.preferredAuthentications(), preferred);
        }
        return preferred;
    }

    private boolean tryKeys(String user, List<PKey> keys) throws IOException {
        for (PKey key : keys) {
            if (tryMethod("publickey", "publickey " + key.getName() + " " + key.fingerprint(),
                    () -> transport.authPublickey(user, key))) {
                return true;
            }
        }
        return false;
    }

    /** keyboard-interactive answered by the password (one hidden prompt), then by the handler. */
    private boolean tryInteractive(String user, String password, boolean handler) throws IOException {
        if (password != null && tryMethod("keyboard-interactive", "keyboard-interactive",
                () -> transport.authInteractive(user, (name, instruction, prompts) -> passwordAnswer(prompts, password), ""))) {
            return true;
        }
        return handler && tryMethod("keyboard-interactive", "keyboard-interactive (handler)",
                () -> transport.authInteractive(user, options.interactiveHandler(), ""));
    }

    /**
     * gssapi-with-mic only when the server takes it: JGSS starts slowly (~0.7 s the first time in
     * a JVM) and most servers have no Kerberos, while Debian's ssh_config turns
     * GSSAPIAuthentication on for every host. So, as ssh does, the "none" request asks first.
     */
    private boolean tryGss(String user) throws IOException {
        if (allowed.isEmpty() && tryNone(user)) {
            return true;
        }
        return tryMethod("gssapi-with-mic", "gssapi-with-mic", this::gssapiWithMic);
    }

    /** gssapi-with-mic, its refusal kept: why Kerberos failed (no ticket, unknown principal) is the news. */
    private List<String> gssapiWithMic() throws IOException {
        try {
            return transport.authGssapiWithMic(options.username(), gssHost(), options.gssTrustDns(), options.gssDelegCreds());
        } catch (AuthenticationException e) {
            gssFailure = e;
            throw e;
        }
    }

    /** The host part of the server's Kerberos principal: gssHost, else the host connected to. */
    private String gssHost() {
        return options.gssHost() != null ? options.gssHost() : hostname;
    }

    /**
     * The "none" method, only when there is nothing else to try: some devices let anyone in, and
     * otherwise the refusal names the methods the server wants, for the error message. Not tried
     * before real credentials: OpenSSH's sshd delays every failed attempt by several ms (its
     * timing-attack guard), which would cost each connect that much.
     */
    private boolean tryNone(String user) throws IOException {
        try {
            return transport.authNone(user).isEmpty();
        } catch (BadAuthenticationTypeException e) {
            allowed = e.allowedTypes();
        } catch (AuthenticationException e) {
            allowed = transport.getAllowedAuthTypes();
        }
        return false;
    }

    /**
     * Keyboard-interactive as a fallback for the password (paramiko's rule): the password answers
     * a single prompt that does not echo, nothing else. A round without prompts (some servers send
     * one) gets no answers; any other round is refused, so the password never goes to a prompt
     * that asks for something else (an OTP, a "verification code", text shown back as typed).
     */
    static List<String> passwordAnswer(List<Prompt> prompts, String password) throws AuthenticationException {
        if (prompts.isEmpty()) {
            return List.of();
        }
        if (prompts.size() == 1 && !prompts.get(0).echo()) {
            return List.of(password);
        }
        throw new AuthenticationException("keyboard-interactive asked for more than a password (" + prompts.size()
                + " prompts" + (prompts.size() == 1 ? ", shown as typed" : "") + "); not answering it with the password");
    }

    @FunctionalInterface
    private interface Attempt {
        List<String> run() throws IOException;
    }

    /** @return true when fully authenticated; false to go on with the next credential */
    private boolean tryMethod(String method, String description, Attempt attempt) throws IOException {
        if (!allowed.isEmpty() && !allowed.contains(method)) {
            return false;
        }
        tried.add(description);
        try {
            List<String> stillWanted = attempt.run();
            if (stillWanted.isEmpty()) {
                return true;
            }
            allowed = stillWanted;
            log.debug("Partial success with {}; the server now wants one of {}", description, stillWanted);
        } catch (BadAuthenticationTypeException e) {
            allowed = e.allowedTypes();
        } catch (AuthenticationException e) {
            log.debug("Authentication with {} refused: {}", description, e.getMessage());
            List<String> now = transport.getAllowedAuthTypes();
            if (!now.isEmpty()) {
                allowed = now;
            }
        }
        return false;
    }

    private AuthenticationException failure(String user) {
        if (tried.isEmpty() && !lockedKeys.isEmpty()) {
            return lockedKeys.get(0);
        }
        String message = "Authentication failed for " + user + ": "
                + (tried.isEmpty() ? "no credentials to try (no key, no password)" : "tried " + String.join(", ", tried))
                + "; the server allows " + (allowed.isEmpty() ? "nothing more" : String.join(", ", allowed));
        if (gssFailure != null) {
            message += "; " + gssFailure.getMessage();
        }
        AuthenticationException e = lockedKeys.isEmpty() ? new AuthenticationException(message)
                : new PasswordRequiredException(message + "; encrypted keys were skipped for want of a passphrase");
        lockedKeys.forEach(e::addSuppressed);
        return e;
    }

    /**
     * The keys to offer, in order, each blob once: a key file that is also in the agent is tried
     * once, while a key and its certificate are two credentials; a CertificateFile's certificate
     * comes just before the first key that can sign for it.
     */
    private List<PKey> keys() throws IOException {
        loadKeyFiles();
        if (keyFileFailure != null) {
            throw keyFileFailure;
        }
        List<PKey> candidates = new ArrayList<>();
        if (options.pkey() != null) {
            candidates.add(options.pkey());
        }
        candidates.addAll(givenKeys);
        if (options.allowAgent()) {
            // IdentitiesOnly: the agent signs only for the identity files (when it holds their key)
            agentKeys().stream().filter(key -> !plan.identitiesOnly() || identityBlobs.contains(ByteBuffer.wrap(key.keyBlob())))
                    .forEach(candidates::add);
        }
        candidates.addAll(homeKeys);
        Map<ByteBuffer, PKey> keys = new LinkedHashMap<>();
        for (PKey key : candidates) {
            for (Certificate cert : certificates) {
                if (key.canSign() && Arrays.equals(cert.getKey().keyBlob(), key.keyBlob())) {
                    add(keys, new CertifiedKey(key, cert));
                }
            }
            add(keys, key);
        }
        return new ArrayList<>(keys.values());
    }

    private static void add(Map<ByteBuffer, PKey> keys, PKey key) {
        keys.putIfAbsent(ByteBuffer.wrap(key.asBytes()), key);
    }

    /**
     * The agent's keys; none, at no cost, when no agent socket is named. An agent that cannot
     * list its keys is logged and skipped, so the other credentials still get their turn.
     */
    private List<? extends PKey> agentKeys() {
        Path socket = options.identityAgent() != null ? options.identityAgent() : Agent.environmentSocket();
        if (socket == null) {
            return List.of();
        }
        try {
            agent = new Agent(socket);
            transport.bindAgent(agent); // so the agent applies ssh-add -h restrictions to this server
            return agent.getKeys();
        } catch (IOException e) {
            log.debug("Skipping the ssh-agent at {}: {}", socket, e.getMessage());
            return List.of();
        }
    }

    /**
     * Loads a key file with the passphrase, else the password. An encrypted key without either is
     * remembered and skipped, so other credentials still get their turn.
     *
     * @param explicit true for a file the user named: a missing or broken one is an error
     */
    private PKey load(Path file, boolean explicit) throws IOException {
        String secret = options.passphrase() != null ? options.passphrase() : options.password();
        try {
            return keyFiles.get(file, secret, PKey::fromPath);
        } catch (PasswordRequiredException e) {
            log.debug("Skipping encrypted key {}: no passphrase given", file);
            lockedKeys.add(e);
            return null;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            if (explicit) {
                throw e;
            }
            log.debug("Skipping key {}: {}", file, e.getMessage());
            return null;
        }
    }
}
