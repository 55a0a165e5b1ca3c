package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private OpenSSH {@code sshd} for one test class: the real server our client must get along
 * with.
 *
 * <pre>{@code
 * class ExecTest {
 *     @RegisterExtension
 *     static final OpenSshServer sshd = OpenSshServer.builder().build();
 *
 *     @RegisterExtension   // a variant: only one cipher
 *     static final OpenSshServer gcmOnly =
 *             OpenSshServer.builder().option("Ciphers", "aes256-gcm@openssh.com").build();
 *
 *     @Test void runsACommand() {
 *         // connect to sshd.host():sshd.port() as sshd.user() with sshd.clientKeys().ed25519(),
 *         // trusting only sshd.knownHostsLines()
 *     }
 * }
 * }</pre>
 *
 * <p>Register it in a <b>static</b> field: it starts before the first test of the class and is
 * killed after the last. Outside JUnit, {@link Builder#start()} gives a running server to close
 * yourself (try-with-resources).
 *
 * <p>What it runs: {@code /usr/sbin/sshd -D -E <dir>/sshd.log -f <dir>/sshd_config -p <free
 * port>} plus one {@code -o Key=Value} per {@link Builder#option}, where the temp dir holds:
 * <ul>
 * <li>{@code sshd_config}: {@code ListenAddress 127.0.0.1}, the host keys (and their
 *     certificates, {@link Builder#hostCertificate}), {@code PermitRootLogin
 *     yes}, {@code StrictModes no}, {@code UsePAM no}, {@code AuthorizedKeysFile}, {@code
 *     TrustedUserCAKeys}, {@code Subsystem sftp internal-sftp}, {@code LogLevel DEBUG3}, {@code
 *     MaxSessions 64} (OpenSSH's default of 10 counts channels still closing, so tests running
 *     many commands from many threads would hit it by chance; override with {@code
 *     option("MaxSessions", ...)});</li>
 * <li>{@code authorized_keys}: the public halves of {@link KeySet#clientKeys()};</li>
 * <li>{@code trusted_user_ca_keys}: empty until {@link #trustUserCa(String)};</li>
 * <li>{@code sshd.pid} and {@code sshd.log} (sshd's debug log: it says exactly why it refused
 *     a client; printed when a test fails, readable with {@link #log()}).</li>
 * </ul>
 * Host keys are {@link KeySet#hostKeys()}, shared by all servers in the JVM, unless
 * {@link Builder#freshHostKeys()}.
 *
 * <p><b>PAM variant</b> ({@link Builder#pam()}): {@code UsePAM yes}, {@code
 * KbdInteractiveAuthentication yes}, {@code PasswordAuthentication yes}, and the local account
 * {@link #pamUser()} with a password, so that Debian's PAM stack drives password and
 * keyboard-interactive logins. (With {@code UsePAM no} sshd still <i>advertises</i>
 * keyboard-interactive but can never complete it.) Creating the account needs root: when not
 * root, the class is skipped outside CI and fails in CI.
 *
 * <p>If {@code /usr/sbin/sshd} is missing, the class fails in CI and is skipped elsewhere, with a
 * message saying to install openssh-server.
 */
public final class OpenSshServer implements SshTestServer, AutoCloseable,
        BeforeAllCallback, AfterAllCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback {

    /** How much of the log a failed test prints: enough for a full authentication attempt. */
    private static final int LOG_TAIL_LINES = 200;

    private final Map<String, String> options;
    private final Map<String, String> environment;
    private final List<Path> hostCertificates;
    private final boolean freshHostKeys;
    private final boolean pam;
    private final ClassScope scope = new ClassScope();

    private Path dir;
    private KeySet hostKeys;
    private PamUser pamUser;
    private SshdProcess sshd;
    private long logLengthAtTestStart;

    private OpenSshServer(Builder builder) {
        this.options = new LinkedHashMap<>(builder.options);
        this.environment = new LinkedHashMap<>(builder.environment);
        this.hostCertificates = List.copyOf(builder.hostCertificates);
        this.freshHostKeys = builder.freshHostKeys;
        this.pam = builder.pam;
    }

    /** A builder for a server with the default settings, to vary per test class. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- lifecycle ------------------------------------------------------------------------

    /** Starts sshd; called by JUnit before the first test of the class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (scope.claim(context)) {
            start();
        }
    }

    /**
     * Kills sshd and removes its directory; called by JUnit after the last test of the class
     * (its {@code @Nested} classes included).
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (scope.release(context)) {
            close();
        }
    }

    /** Notes where the log stands, so that a failure prints only what this test caused. */
    @Override
    public void beforeTestExecution(ExtensionContext context) {
        logLengthAtTestStart = sshd == null ? 0 : logFile().toFile().length();
    }

    /** Prints the tail of the sshd log written during the test, if the test failed. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && sshd != null) {
            System.err.println("---- sshd log (port " + port() + ") during " + context.getDisplayName()
                    + ", last " + LOG_TAIL_LINES + " lines ----\n" + logTail(logLengthAtTestStart)
                    + "---- end of sshd log ----");
        }
    }

    private void start() {
        if (sshd != null) {
            return;
        }
        if (!Files.isExecutable(SshdProcess.SSHD)) {
            throw TestEnvironment.unmet(SshdProcess.SSHD + " is missing: install openssh-server "
                    + "(apt-get install openssh-server; .ci/run does this)");
        }
        pamUser = pam ? PamUser.ensure() : null;
        createPrivilegeSeparationDirectory();
        dir = TempDirs.create("javamiko-sshd");
        try {
            // sshd reads authorized_keys as the user logging in (e.g. the PAM user), so the
            // directory must be readable by all; the private host keys stay 0600.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            hostKeys = freshHostKeys ? KeySet.generate(dir, "ssh_host") : KeySet.hostKeys();
            Files.write(authorizedKeysPath(), KeySet.clientKeys().publicKeyLines());
            Files.createFile(trustedUserCaKeysFile());
            Files.writeString(configFile(), configText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        sshd = SshdProcess.start(configFile(), options, environment, logFile());
    }

    /** Kills sshd (by PID, with the processes it forked) and removes its directory. */
    @Override
    public void close() {
        if (sshd != null) {
            sshd.kill();
            sshd = null;
        }
        if (dir != null) {
            TempDirs.deleteTree(dir);
            dir = null;
        }
    }

    /**
     * sshd's privilege separation needs {@code /run/sshd}, which only a running init creates.
     * A non-root sshd does not use it, and cannot create it either.
     */
    private static void createPrivilegeSeparationDirectory() {
        if (TestEnvironment.isRoot()) {
            try {
                Files.createDirectories(Path.of("/run/sshd"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create /run/sshd", e);
            }
        }
    }

    private String configText() {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by " + OpenSshServer.class.getName() + " for one test class.");
        lines.add("ListenAddress 127.0.0.1");
        hostKeys.privateKeys().forEach(key -> lines.add("HostKey " + key));
        hostCertificates.forEach(cert -> lines.add("HostCertificate " + cert));
        lines.add("PidFile " + dir.resolve("sshd.pid"));
        lines.add("AuthorizedKeysFile " + authorizedKeysPath());
        lines.add("TrustedUserCAKeys " + trustedUserCaKeysFile());
        lines.add("PermitRootLogin yes");
        lines.add("StrictModes no");
        if (pam) {
            lines.add("UsePAM yes");
            lines.add("KbdInteractiveAuthentication yes");
            lines.add("PasswordAuthentication yes");
        } else {
            lines.add("UsePAM no");
        }
        if (!options.containsKey("Subsystem")) {
            // an option("Subsystem", ...) replaces it: sshd refuses a subsystem named twice
            lines.add("Subsystem sftp internal-sftp");
        }
        lines.add("LogLevel DEBUG3");
        lines.add("MaxSessions 64");
        return String.join("\n", lines) + "\n";
    }

    // ---- what tests use -------------------------------------------------------------------

    /** {@inheritDoc} */
    @Override
    public String host() {
        return "127.0.0.1";
    }

    /** {@inheritDoc} */
    @Override
    public int port() {
        return running().port();
    }

    /** The current user (root in CI): the account the client keys log in to. */
    @Override
    public String user() {
        return TestEnvironment.currentUser();
    }

    /** {@inheritDoc} Ed25519, ECDSA and RSA, in that order. */
    @Override
    public List<String> hostPublicKeys() {
        running();
        return hostKeys.publicKeyLines().stream().map(OpenSshServer::withoutComment).toList();
    }

    /** The host public key files ({@code .pub}), in the order of {@link #hostPublicKeys()}. */
    public List<Path> hostPublicKeyFiles() {
        running();
        return hostKeys.publicKeyFiles();
    }

    /** The client keys authorized for {@link #user()}: {@link KeySet#clientKeys()}. */
    public KeySet clientKeys() {
        return KeySet.clientKeys();
    }

    /**
     * The local account and password for password and keyboard-interactive logins.
     *
     * @throws IllegalStateException unless built with {@link Builder#pam()}
     */
    public PamUser pamUser() {
        running();
        if (pamUser == null) {
            throw new IllegalStateException("this server has no PAM user: build it with OpenSshServer.builder().pam()");
        }
        return pamUser;
    }

    /** The PID of the sshd master process. */
    public long pid() {
        return running().pid();
    }

    /**
     * Authorizes one more public key, effective for the next login (sshd reads the file at
     * each authentication).
     *
     * @param authorizedKeysLine a line as in authorized_keys, options allowed, e.g. {@code
     *     ssh-ed25519 AAAA... comment} or {@code cert-authority,principals="root" ssh-rsa AAAA...}
     */
    public void authorizeKey(String authorizedKeysLine) {
        running();
        append(authorizedKeysPath(), authorizedKeysLine);
    }

    /**
     * Trusts a certificate authority for user certificates (sshd's {@code TrustedUserCAKeys}),
     * effective for the next login. A certificate it signed (e.g. with {@code ssh-keygen -s ca
     * -I id -n root key.pub}) then logs in as any principal it names.
     *
     * @param caPublicKeyLine the CA's public key line
     */
    public void trustUserCa(String caPublicKeyLine) {
        running();
        append(trustedUserCaKeysFile(), caPublicKeyLine);
    }

    /** The whole sshd log so far (LogLevel DEBUG3). */
    public String log() {
        running();
        return SshdProcess.readLog(logFile());
    }

    /** The server's temp directory, holding sshd_config, authorized_keys and the log. */
    public Path directory() {
        running();
        return dir;
    }

    /** The authorized_keys file sshd reads (an absolute path). */
    public Path authorizedKeysFile() {
        running();
        return authorizedKeysPath();
    }

    private Path authorizedKeysPath() {
        return dir.resolve("authorized_keys");
    }

    private Path trustedUserCaKeysFile() {
        return dir.resolve("trusted_user_ca_keys");
    }

    private Path configFile() {
        return dir.resolve("sshd_config");
    }

    private Path logFile() {
        return dir.resolve("sshd.log");
    }

    private SshdProcess running() {
        if (sshd == null) {
            throw new IllegalStateException("sshd is not running: register the OpenSshServer in a static "
                    + "@RegisterExtension field, or use OpenSshServer.builder().start()");
        }
        return sshd;
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line.strip() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComment(String publicKeyLine) {
        String[] fields = publicKeyLine.split(" ");
        return fields[0] + " " + fields[1];
    }

    private String logTail(long fromOffset) {
        String log = SshdProcess.readLog(logFile());
        String sinceTestStart = log.substring((int) Math.min(fromOffset, log.length()));
        String[] lines = sinceTestStart.split("\n", -1);
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
    }

    /** Settings for one {@link OpenSshServer}; each test class may build its own variant. */
    public static final class Builder {
        private final Map<String, String> options = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<Path> hostCertificates = new ArrayList<>();
        private boolean freshHostKeys;
        private boolean pam;

        private Builder() {
        }

        /**
         * Adds {@code -o key=value} to sshd's command line, overriding sshd_config, e.g.
         * {@code option("KexAlgorithms", "sntrup761x25519-sha512@openssh.com")}, {@code
         * option("Ciphers", "aes256-gcm@openssh.com")}, {@code option("MACs", ...)}, {@code
         * option("HostKeyAlgorithms", "rsa-sha2-512")}, {@code option("RekeyLimit", "1M 5s")},
         * {@code option("MaxAuthTries", "2")}.
         */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /**
         * Sets an environment variable for sshd (on top of this JVM's environment), e.g. {@code
         * env("KRB5_KTNAME", keytab)} for the Kerberos keytab of {@link KerberosRealm}.
         */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * Adds a {@code HostCertificate} line to sshd_config (any number of them, one per host
         * key type, unlike {@link #option}), e.g. one made by {@link HostCertificates#sign}.
         */
        public Builder hostCertificate(Path certificate) {
            hostCertificates.add(certificate);
            return this;
        }

        /** Uses host keys made for this server alone, instead of the JVM-wide shared ones. */
        public Builder freshHostKeys() {
            this.freshHostKeys = true;
            return this;
        }

        /**
         * Makes this the PAM variant: password and keyboard-interactive logins as
         * {@link OpenSshServer#pamUser()}. Needs root (see the class documentation).
         */
        public Builder pam() {
            this.pam = true;
            return this;
        }

        /** The server, to register with {@code @RegisterExtension}; JUnit starts and stops it. */
        public OpenSshServer build() {
            return new OpenSshServer(this);
        }

        /** Starts the server now; the caller closes it. */
        public OpenSshServer start() {
            OpenSshServer server = build();
            try {
                server.start();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        }
    }
}
