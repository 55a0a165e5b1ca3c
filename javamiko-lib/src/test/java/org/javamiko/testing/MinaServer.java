package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.InteractiveProcessShellFactory;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Apache MINA SSHD server in this JVM, on {@code 127.0.0.1} and a port of the kernel's
 * choosing: fast, needs no install, and lets a test script misbehaviour that OpenSSH never shows.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MinaServer mina = MinaServer.builder().build();
 *
 * @RegisterExtension   // a server that refuses every channel
 * static final MinaServer refusing = MinaServer.builder().refuseChannelOpens().build();
 * }</pre>
 *
 * <p>Register it in a <b>static</b> field (started before the class's first test, stopped after
 * its last), or use {@link Builder#start()} and close it yourself.
 *
 * <p>What it offers by default:
 * <ul>
 * <li>one ECDSA P-256 host key ({@link Builder#hostKeys} for others);</li>
 * <li>user {@value #DEFAULT_USER} with password {@value #DEFAULT_PASSWORD}, by password and by
 *     keyboard-interactive (MINA asks for the password as its one prompt), and by public key with
 *     {@link KeySet#clientKeys()} or any key added with {@link #authorizeKey};</li>
 * <li>exec requests run through {@code /bin/sh -c} as the user running the JVM, a shell is
 *     {@code /bin/sh -i}, and the SFTP subsystem serves the real file system (use absolute
 *     paths in a {@code @TempDir}).</li>
 * </ul>
 * The scriptable faults are the {@link Builder} methods {@link Builder#refuseChannelOpens()},
 * {@link Builder#stallAfterBanner()}, {@link Builder#disconnectDuringKex()}, {@link
 * Builder#dropConnectionDuringKex()}, the algorithm restrictions {@link Builder#kexAlgorithms},
 * {@link Builder#ciphers}, {@link Builder#macs}, and {@link Builder#configure} for anything else.
 */
public final class MinaServer implements SshTestServer, AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** The user name tests log in as unless the builder says otherwise. */
    public static final String DEFAULT_USER = "javamiko";
    /** The password of {@link #DEFAULT_USER} unless the builder says otherwise. */
    public static final String DEFAULT_PASSWORD = "javamiko-password";

    private final String user;
    private final String password;
    private final List<KeyPair> hostKeys;
    private final List<Consumer<SshServer>> customizations;
    private final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    private final ClassScope scope = new ClassScope();
    private SshServer server;

    private MinaServer(Builder builder) {
        this.user = builder.user;
        this.password = builder.password;
        this.hostKeys = List.copyOf(builder.hostKeys);
        this.customizations = List.copyOf(builder.customizations);
    }

    /** A builder for a server with the default settings, to vary per test class. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server; called by JUnit before the first test of the class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (scope.claim(context)) {
            start();
        }
    }

    /** Stops the server; called by JUnit after the last test of the class (nested ones included). */
    @Override
    public void afterAll(ExtensionContext context) {
        if (scope.release(context)) {
            close();
        }
    }

    private void start() {
        if (server != null) {
            return;
        }
        KeySet.clientKeys().publicKeyLines().forEach(this::authorizeKey);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host());
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKeys));
        sshd.setPasswordAuthenticator((name, secret, session) -> user.equals(name) && password.equals(secret));
        sshd.setPublickeyAuthenticator((name, key, session) ->
                user.equals(name) && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        sshd.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        sshd.setShellFactory(InteractiveProcessShellFactory.INSTANCE);
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        customizations.forEach(customization -> customization.accept(sshd));
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the MINA SSHD server", e);
        }
        server = sshd;
    }

    /** Stops the server at once, closing every session. */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public String host() {
        return "127.0.0.1";
    }

    /** {@inheritDoc} */
    @Override
    public int port() {
        return running().getPort();
    }

    /** The user name that logs in ({@value #DEFAULT_USER} unless the builder says otherwise). */
    @Override
    public String user() {
        return user;
    }

    /** The password of {@link #user()}. */
    public String password() {
        return password;
    }

    /** {@inheritDoc} */
    @Override
    public List<String> hostPublicKeys() {
        return hostKeys.stream().map(pair -> PublicKeyEntry.toString(pair.getPublic())).toList();
    }

    /** The host key pairs, for a test that wants the keys as Java objects. */
    public List<KeyPair> hostKeyPairs() {
        return hostKeys;
    }

    /** The client keys authorized by default: {@link KeySet#clientKeys()}. */
    public KeySet clientKeys() {
        return KeySet.clientKeys();
    }

    /** Authorizes one more public key for {@link #user()}, effective for the next login. */
    public void authorizeKey(PublicKey key) {
        authorizedKeys.add(key);
    }

    /** Authorizes one more public key given as an authorized_keys line (options are ignored). */
    public void authorizeKey(String authorizedKeysLine) {
        try {
            authorizedKeys.add(AuthorizedKeyEntry.parseAuthorizedKeyEntry(authorizedKeysLine)
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("MINA cannot read the public key " + authorizedKeysLine, e);
        }
    }

    /** The MINA server itself, for a test that needs what the fixture does not offer. */
    public SshServer sshServer() {
        return running();
    }

    private SshServer running() {
        if (server == null) {
            throw new IllegalStateException("the MINA server is not running: register the MinaServer in a static "
                    + "@RegisterExtension field, or use MinaServer.builder().start()");
        }
        return server;
    }

    /** Settings for one {@link MinaServer}; each test class may build its own variant. */
    public static final class Builder {
        private String user = DEFAULT_USER;
        private String password = DEFAULT_PASSWORD;
        private List<KeyPair> hostKeys = List.of(newEcdsaP256KeyPair());
        private final List<Consumer<SshServer>> customizations = new ArrayList<>();

        private Builder() {
        }

        /** The user name that may log in. */
        public Builder user(String name) {
            this.user = name;
            return this;
        }

        /** The password that logs {@link #user} in. */
        public Builder password(String secret) {
            this.password = secret;
            return this;
        }

        /** The server's host keys (replacing the default ECDSA P-256 key). */
        public Builder hostKeys(KeyPair... keys) {
            this.hostKeys = List.of(keys);
            return this;
        }

        /** Offers only these key exchange methods, in this order (MINA's names, as on the wire). */
        public Builder kexAlgorithms(String... names) {
            return configure(sshd -> sshd.setKeyExchangeFactories(MinaAlgorithms.keyExchanges(names)));
        }

        /** Offers only these ciphers, in this order, e.g. {@code "aes128-ctr"}. */
        public Builder ciphers(String... names) {
            return configure(sshd -> sshd.setCipherFactories(MinaAlgorithms.ciphers(names)));
        }

        /** Offers only these MACs, in this order, e.g. {@code "hmac-sha2-256-etm@openssh.com"}. */
        public Builder macs(String... names) {
            return configure(sshd -> sshd.setMacFactories(MinaAlgorithms.macs(names)));
        }

        /**
         * Answers every SSH_MSG_CHANNEL_OPEN with SSH_MSG_CHANNEL_OPEN_FAILURE, reason 1
         * (administratively prohibited), description "Generic error while opening channel: N"
         * (MINA's wording).
         */
        public Builder refuseChannelOpens() {
            return configure(MinaFaults::refuseChannelOpens);
        }

        /**
         * Sends the identification line, then nothing ever: no KEXINIT, and it reads nothing
         * more from the client.
         */
        public Builder stallAfterBanner() {
            return configure(MinaFaults::stallAfterBanner);
        }

        /**
         * Once both KEXINITs are exchanged, sends SSH_MSG_DISCONNECT (reason 3, key exchange
         * failed, description {@value MinaFaults#KEX_DISCONNECT}) and closes the connection.
         */
        public Builder disconnectDuringKex() {
            return configure(MinaFaults::disconnectDuringKex);
        }

        /** Once both KEXINITs are exchanged, closes the TCP connection without a word. */
        public Builder dropConnectionDuringKex() {
            return configure(MinaFaults::dropConnectionDuringKex);
        }

        /**
         * Changes the MINA server just before it starts, after the fixture's own settings: the
         * hook for what this builder does not offer, e.g. {@code configure(s ->
         * CoreModuleProperties.SERVER_IDENTIFICATION.set(s, "Odd_1.0"))} for another banner.
         */
        public Builder configure(Consumer<SshServer> customization) {
            customizations.add(customization);
            return this;
        }

        /** The server, to register with {@code @RegisterExtension}; JUnit starts and stops it. */
        public MinaServer build() {
            return new MinaServer(this);
        }

        /** Starts the server now; the caller closes it. */
        public MinaServer start() {
            MinaServer server = build();
            server.start();
            return server;
        }

        private static KeyPair newEcdsaP256KeyPair() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK cannot make an ECDSA P-256 key", e);
            }
        }
    }
}
