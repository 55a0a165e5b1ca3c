package org.javamiko.internal.kex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;

import org.javamiko.AuthenticationException;
import org.javamiko.CommandResult;
import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.config.SshConfig;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KerberosRealm;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GSS-API key exchange (RFC 4462 §2, RFC 8732) and gssapi-keyex against Debian's sshd (which
 * carries the GSS key exchange patch) and an MIT KDC the test starts ({@link KerberosRealm}). The
 * clients here know no host key at all: Kerberos authenticates the server.
 */
class GssKexOpenSshTest {
    private static KerberosRealm realm;
    private static OpenSshServer server;
    private static Path cache;
    private static Subject subject;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startRealmAndServer() throws Exception {
        realm = KerberosRealm.shared();
        cache = realm.kinit(dir);
        subject = realm.login(cache);
        server = realm.sshd().option("PubkeyAuthentication", "no").start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static ConnectOptions.Builder gssKex(OpenSshServer to) {
        return ConnectOptions.builder().port(to.port()).username(to.user()).lookForKeys(false)
                .allowAgent(false).gssKex(true).gssHost("localhost").gssDelegCreds(false);
    }

    /** Connects inside the Subject holding the ticket, with a client that knows no host key. */
    static SshClient connect(Subject as, OpenSshServer to, ConnectOptions options) throws Exception {
        return KerberosRealm.connectAs(as, new SshClient(), to.host(), options);
    }

    static List<String> gssMethods() {
        return KexMethods.gssOrder();
    }

    @Test
    void logsInWithNoKnownHostKey() throws Exception {
        try (SshClient client = connect(subject, server, gssKex(server).build())) {
            assertTrue(client.getTransport().isGssKexUsed());
            assertEquals("gss-kex-ok\n", client.run("echo gss-kex-ok").stdout());
        }
    }

    @Test
    void namesCarryTheKerberosOidHashAsDebianSshdAdvertisesThem() {
        assertTrue(server.log().contains("gss-curve25519-sha256-toWM5Slw5Ew8Mqkay+al2g=="), "sshd's KEXINIT");
        assertEquals(List.of("gss-curve25519-sha256-toWM5Slw5Ew8Mqkay+al2g==", "gss-group16-sha512-toWM5Slw5Ew8Mqkay+al2g==",
                "gss-group14-sha256-toWM5Slw5Ew8Mqkay+al2g=="), KexMethods.gssOrder());
    }

    @Test
    void offersTheGssMethodsFirstAndTheNullHostKeyLast() throws Exception {
        try (SshClient client = connect(subject, server, gssKex(server).build())) {
            assertTrue(client.getTransport().isGssKexUsed());
        }
        List<String> lines = server.log().lines().toList();
        String ours = "KEX algorithms: " + String.join(",", KexMethods.gssOrder()) + "," + KexMethods.defaultOrder().get(0);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(ours)) {
                at = i;
            }
        }
        assertTrue(at >= 0, "sshd logged our KEXINIT, " + ours);
        String hostKeys = lines.stream().skip(at).filter(l -> l.contains("host key algorithms:")).findFirst().orElseThrow();
        assertTrue(hostKeys.endsWith(",null [preauth]"), hostKeys);
    }

    @ParameterizedTest
    @MethodSource("gssMethods")
    void negotiatesEachGssMethod(String method) throws Exception {
        ConnectOptions options = gssKex(server).preferredAlgorithms(Map.of("kex", List.of(method))).build();
        try (SshClient client = connect(subject, server, options)) {
            assertEquals(method, client.getTransport().getNegotiated().kex());
            assertEquals("ok\n", client.run("echo ok").stdout());
        }
    }

    @Test
    void authenticatesWithGssapiKeyex() throws Exception {
        try (SshClient client = connect(subject, server, gssKex(server).build())) {
            assertTrue(client.getTransport().isAuthenticated());
        }
        assertTrue(server.log().contains("Accepted gssapi-keyex for " + server.user()), "sshd accepts gssapi-keyex");
    }

    @Test
    void debianSshdSendsNoHostKeySoTheTransportHasNone() throws Exception {
        // Its kexgss_server never sends SSH_MSG_KEXGSS_HOSTKEY: K_S is the empty string in H.
        try (SshClient client = connect(subject, server, gssKex(server).build())) {
            assertEquals("ssh-ed25519", client.getTransport().getNegotiated().hostKeyAlgorithm());
            assertNull(client.getTransport().getRemoteServerKey());
        }
    }

    @Test
    void reKeysUnderGssWhenTheServerAsks() throws Exception {
        try (OpenSshServer rekeying = realm.sshd().option("PubkeyAuthentication", "no").option("RekeyLimit", "1M").start();
             SshClient client = connect(subject, rekeying, gssKex(rekeying).build())) {
            CommandResult result = client.run("head -c 4000000 /dev/zero | tr '\\0' x");
            assertEquals(4_000_000, result.stdout().length());
            assertTrue(count(rekeying.log(), "kexgss_server: Identifying") >= 3, "sshd ran GSS re-keys");
        }
    }

    @Test
    void ourReKeyOutsideTheSubjectUsesTheTicketTakenAtConnect() throws Exception {
        try (OpenSshServer rekeying = realm.sshd().option("PubkeyAuthentication", "no").start();
             SshClient client = connect(subject, rekeying, gssKex(rekeying).build())) {
            client.getTransport().renegotiateKeys(); // on this thread, outside Subject.doAs
            assertEquals("after-rekey\n", client.run("echo after-rekey").stdout());
            assertEquals(2, count(rekeying.log(), "kexgss_server: Identifying"), "a second GSS exchange");
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void noTicketIsAClearError() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> connect(new Subject(), server, gssKex(server).build()));
        assertTrue(e.getMessage().contains("No Kerberos ticket"), e.getMessage());
    }

    @Test
    void gssapiKeyExchangeFromTheConfigWithoutATicketFallsBackToTheNormalKeyExchangeAsSshDoes() throws Exception {
        try (OpenSshServer keys = realm.sshd().start()) {
            Path config = Files.write(dir.resolve("gss_config"), List.of(
                    "Host gss-target",
                    "  HostName " + keys.host(),
                    "  Port " + keys.port(),
                    "  User " + keys.user(),
                    "  GSSAPIKeyExchange yes",
                    "  IdentityFile " + KeySet.clientKeys().ed25519(),
                    "  IdentitiesOnly yes",
                    "  IdentityAgent none",
                    "  UserKnownHostsFile " + keys.writeKnownHosts(dir.resolve("gss_known_hosts")),
                    "  GlobalKnownHostsFile none",
                    "  StrictHostKeyChecking yes"));
            ConnectOptions options = ConnectOptions.builder().sshConfig(SshConfig.fromPath(config)).build();
            try (SshClient client = KerberosRealm.connectAs(new Subject(), new SshClient(), "gss-target", options)) {
                assertFalse(client.getTransport().isGssKexUsed());
                assertEquals("keyed\n", client.run("echo keyed").stdout());
            }
        }
    }

    @Test
    void unknownGssHostIsAClearError() {
        SshException e = assertThrows(SshException.class,
                () -> connect(subject, server, gssKex(server).gssHost("no-such-host.invalid").gssTrustDns(false).build()));
        assertTrue(e.getMessage().contains("host/no-such-host.invalid"), e.getMessage());
    }

    @Test
    void trustDnsCanonicalisesTheAddressConnectedTo() throws Exception {
        // no gssHost: the principal's host is 127.0.0.1, which DNS (here /etc/hosts) maps back to localhost
        ConnectOptions options = gssKex(server).gssHost(null).gssTrustDns(true).build();
        try (SshClient client = connect(subject, server, options)) {
            assertTrue(client.getTransport().isGssKexUsed());
        }
    }

    @Test
    void withoutTrustDnsTheAddressIsUsedAsGiven() {
        ConnectOptions options = gssKex(server).gssHost(null).gssTrustDns(false).build();
        SshException e = assertThrows(SshException.class, () -> connect(subject, server, options));
        assertTrue(e.getMessage().contains("host/127.0.0.1"), e.getMessage());
    }

    @Test
    void aServerWithoutGssKexHasItsHostKeyCheckedAsAlways() throws Exception {
        try (OpenSshServer plain = realm.sshd().option("GSSAPIKeyExchange", "no").start()) {
            SshException e = assertThrows(SshException.class, () -> connect(subject, plain, gssKex(plain).build()));
            assertTrue(e.getMessage().contains("not found in known_hosts"), e.getMessage());
        }
    }

    @Test
    void delegatedTicketIsListedByKlistOnTheServer() throws Exception {
        try (SshClient client = connect(subject, server, gssKex(server).gssDelegCreds(true).build())) {
            CommandResult result = client.run("klist");
            assertEquals(0, result.exitStatus(), result.stderr());
            assertTrue(result.stdout().contains("krbtgt/" + KerberosRealm.REALM + "@" + KerberosRealm.REALM), result.stdout());
        }
    }

    @Test
    void withoutDelegationTheServerHasNoTicket() throws Exception {
        try (SshClient client = connect(subject, server, gssKex(server).build())) {
            assertFalse(client.run("klist").stdout().contains("krbtgt/"));
        }
    }

    @Test
    void openSshClientLogsInWithGssKexAndNoKnownHosts() throws IOException {
        ExternalCommand.Result result = ExternalCommand.of("ssh", "-v", "-n", "-F", "/dev/null",
                "-p", Integer.toString(server.port()), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "GSSAPIAuthentication=yes",
                "-o", "GSSAPIKeyExchange=yes", "-o", "PreferredAuthentications=gssapi-keyex",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=/dev/null",
                server.user() + "@localhost", "echo openssh-gss-kex-ok")
                .env("KRB5_CONFIG", realm.krb5Conf().toString())
                .env("KRB5CCNAME", "FILE:" + cache)
                .run();
        assertEquals("openssh-gss-kex-ok\n", result.stdout(), result.describe());
        assertTrue(result.stderr().contains("kex: algorithm: gss-"), result.stderr());
    }
}
