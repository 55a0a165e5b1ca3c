package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;

/**
 * An MIT Kerberos realm ({@value #REALM}) made in a temp dir for this JVM: {@code kdb5_util
 * create}, {@code kadmin.local} for the user ({@link TestEnvironment#currentUser()}) and {@code
 * host/localhost}, a keytab for sshd, and {@code krb5kdc} on a free loopback port (UDP and TCP;
 * the {@code krb5.conf} has {@code udp_preference_limit = 1}, so clients use TCP).
 *
 * <p>The realm is JVM-wide ({@link #shared()}) because the JDK reads its Kerberos configuration
 * ({@code java.security.krb5.conf}, set here before any Kerberos use) once per JVM. Only the GSS
 * tests use Kerberos, so the property affects no other test. Tickets go to caches the tests name
 * ({@link #kinit}) and reach JGSS through a JAAS {@link Subject} ({@link #login}), never through the
 * user's own {@code KRB5CCNAME}.
 *
 * <p>Needs Debian's krb5-kdc, krb5-admin-server (for {@code kadmin.local}) and krb5-user; skips
 * (fails in CI) with the missing package named otherwise.
 */
public final class KerberosRealm {
    /** The realm's name. */
    public static final String REALM = "JAVAMIKO.TEST";
    /** The user's password for {@code kinit}. */
    public static final String PASSWORD = "javamiko-kerberos-test";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static KerberosRealm shared;

    private final Path dir;
    private final Process kdc;

    private KerberosRealm(Path dir, Process kdc) {
        this.dir = dir;
        this.kdc = kdc;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The realm of this JVM, made on first use and removed when the JVM exits. */
    public static synchronized KerberosRealm shared() {
        if (shared == null) {
            requireInstalled();
            shared = create();
            System.setProperty("java.security.krb5.conf", shared.krb5Conf().toString());
        }
        return shared;
    }

    private static void requireInstalled() {
        for (Map.Entry<String, String> tool : Map.of("/usr/sbin/krb5kdc", "krb5-kdc", "/usr/sbin/kdb5_util", "krb5-kdc",
                "/usr/sbin/kadmin.local", "krb5-admin-server", "/usr/bin/kinit", "krb5-user").entrySet()) {
            if (!Files.isExecutable(Path.of(tool.getKey()))) {
                throw TestEnvironment.unmet(tool.getKey() + " is missing: install " + tool.getValue());
            }
        }
    }

    private static KerberosRealm create() {
        try {
            Path dir = Files.createTempDirectory("javamiko-krb5");
            int port = freePort();
            Files.writeString(dir.resolve("kdc.conf"), kdcConf(dir, port));
            Files.writeString(dir.resolve("krb5.conf"), krb5Conf(port));
            admin(dir, "/usr/sbin/kdb5_util", "create", "-s", "-r", REALM, "-P", "javamiko-master-key");
            kadmin(dir, "addprinc -pw " + PASSWORD + " " + TestEnvironment.currentUser());
            kadmin(dir, "addprinc -randkey host/localhost");
            kadmin(dir, "ktadd -k " + dir.resolve("sshd.keytab") + " host/localhost");
            ProcessBuilder builder = new ProcessBuilder("/usr/sbin/krb5kdc", "-n", "-r", REALM,
                    "-P", dir.resolve("kdc.pid").toString());
            builder.environment().put("KRB5_CONFIG", dir.resolve("krb5.conf").toString());
            builder.environment().put("KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString());
            Process kdc = builder.redirectErrorStream(true).redirectOutput(dir.resolve("krb5kdc.out").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            KerberosRealm realm = new KerberosRealm(dir, kdc);
            realm.awaitReady();
            return realm;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Kerberos realm", e);
        }
    }

    private static String kdcConf(Path dir, int port) {
        return "[kdcdefaults]\n kdc_listen = 127.0.0.1:" + port + "\n kdc_tcp_listen = 127.0.0.1:" + port + "\n"
                + "[realms]\n " + REALM + " = {\n"
                + "  database_name = " + dir.resolve("principal") + "\n"
                + "  key_stash_file = " + dir.resolve("stash") + "\n"
                + "  acl_file = " + dir.resolve("kadm5.acl") + "\n"
                + "  kdc_listen = 127.0.0.1:" + port + "\n  kdc_tcp_listen = 127.0.0.1:" + port + "\n"
                + "  max_life = 1h\n"
                + "  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal\n }\n"
                + "[logging]\n kdc = FILE:" + dir.resolve("kdc.log") + "\n";
    }

    private static String krb5Conf(int port) {
        return "[libdefaults]\n default_realm = " + REALM + "\n udp_preference_limit = 1\n forwardable = true\n"
                + " dns_lookup_kdc = false\n dns_lookup_realm = false\n rdns = false\n"
                + " dns_canonicalize_hostname = false\n"
                + "[realms]\n " + REALM + " = {\n  kdc = 127.0.0.1:" + port + "\n }\n"
                + "[domain_realm]\n localhost = " + REALM + "\n";
    }

    private static void kadmin(Path dir, String query) throws IOException {
        admin(dir, "/usr/sbin/kadmin.local", "-r", REALM, "-q", query);
    }

    private static void admin(Path dir, String... command) throws IOException {
        ExternalCommand.Result result = ExternalCommand.of(command)
                .env("KRB5_CONFIG", dir.resolve("krb5.conf").toString())
                .env("KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString())
                .run();
        if (result.exitCode() != 0 || result.stderr().contains("error") || result.stdout().contains("error")) {
            throw new IllegalStateException("Kerberos admin command failed: " + result.describe());
        }
    }

    /** Waits (bounded) until the KDC logs that it serves, which it does after binding its ports. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kdc.isAlive()) {
                throw new IllegalStateException("krb5kdc exited: " + read(dir.resolve("krb5kdc.out")) + read(dir.resolve("kdc.log")));
            }
            if (read(dir.resolve("kdc.log")).contains("commencing operation")) {
                return;
            }
            try {
                kdc.waitFor(25, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("krb5kdc did not start in " + READY_TIMEOUT + ": " + read(dir.resolve("kdc.log")));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** The {@code krb5.conf}: give it to MIT tools as {@code KRB5_CONFIG} (the JVM has it already). */
    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    /** The keytab with {@code host/localhost}: give it to sshd as {@code KRB5_KTNAME}. */
    public Path sshdKeytab() {
        return dir.resolve("sshd.keytab");
    }

    /** The user's principal name, {@code <current user>@JAVAMIKO.TEST}. */
    public String userPrincipal() {
        return TestEnvironment.currentUser() + "@" + REALM;
    }

    /** An sshd (not started) that accepts Kerberos: GSSAPIAuthentication and GSSAPIKeyExchange with this realm. */
    public OpenSshServer.Builder sshd() {
        return OpenSshServer.builder()
                .env("KRB5_CONFIG", krb5Conf().toString())
                .env("KRB5_KTNAME", "FILE:" + sshdKeytab())
                .option("GSSAPIAuthentication", "yes")
                .option("GSSAPIKeyExchange", "yes")
                .option("KerberosAuthentication", "no")
                // sshd runs on a host whose name is not localhost: accept any key in its keytab
                .option("GSSAPIStrictAcceptorCheck", "no");
    }

    /** Gets the user a forwardable ticket with {@code kinit} into a new cache file in {@code dir}. */
    public Path kinit(Path dir) throws IOException {
        Path cache = dir.resolve("krb5cc");
        ExternalCommand.of("kinit", "-f", TestEnvironment.currentUser())
                .env("KRB5_CONFIG", krb5Conf().toString())
                .env("KRB5CCNAME", "FILE:" + cache)
                .stdin(PASSWORD + "\n")
                .run().requireSuccess();
        return cache;
    }

    /**
     * Logs in from a ticket cache through the JDK's Krb5LoginModule (no prompt, no keytab): the
     * Subject to run a connect in, with {@code Subject.doAs}, so that JGSS uses this ticket.
     */
    public Subject login(Path cache) throws LoginException {
        Map<String, String> options = Map.of("useTicketCache", "true", "ticketCache", cache.toString(),
                "doNotPrompt", "true", "principal", userPrincipal(), "refreshKrb5Config", "false");
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
        Subject subject = new Subject();
        LoginContext context = new LoginContext("javamiko-test", subject, null, config);
        context.login();
        return subject;
    }

    /**
     * Connects {@code client} to {@code host} inside {@code as} ({@code Subject.doAs}), so that JGSS
     * finds that Subject's ticket; the client is closed when the connect fails.
     *
     * @return {@code client}, connected
     */
    public static SshClient connectAs(Subject as, SshClient client, String host, ConnectOptions options)
            throws Exception {
        try {
            Subject.doAs(as, (PrivilegedExceptionAction<Void>) () -> {
                client.connect(host, options);
                return null;
            });
            return client;
        } catch (PrivilegedActionException e) {
            client.close();
            throw e.getException();
        }
    }

    private void stop() {
        kdc.destroy();
        try {
            kdc.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TempDirs.deleteTree(dir);
    }
}
