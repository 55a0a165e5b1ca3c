package org.javamiko.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import javax.security.auth.Subject;

import org.javamiko.AuthenticationException;
import org.javamiko.CommandResult;
import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KerberosRealm;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gssapi-with-mic (RFC 4462 §3) against Debian's sshd and an MIT KDC the test starts
 * ({@link KerberosRealm}); the ticket comes from {@code kinit} and reaches JGSS in a JAAS Subject.
 */
class GssapiWithMicOpenSshTest {
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

    private static ConnectOptions.Builder kerberos() {
        return ConnectOptions.builder().port(server.port()).username(server.user()).lookForKeys(false)
                .allowAgent(false).gssAuth(true).gssHost("localhost").gssDelegCreds(false);
    }

    private static SshClient connect(Subject as, ConnectOptions options) throws Exception {
        return KerberosRealm.connectAs(as, Connect.trusting(server, dir), server.host(), options);
    }

    @Test
    void logsInWithATicket() throws Exception {
        try (SshClient client = connect(subject, kerberos().build())) {
            CommandResult result = client.run("echo kerberos-ok");
            assertEquals("kerberos-ok\n", result.stdout());
        }
    }

    @Test
    void noTicketIsAClearAuthenticationError() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> connect(new Subject(), kerberos().build()));
        assertTrue(e.getMessage().contains("No Kerberos ticket"), e.getMessage());
    }

    @Test
    void unknownGssHostIsAClearAuthenticationError() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> connect(subject, kerberos().gssHost("no-such-host.invalid").gssTrustDns(false).build()));
        assertTrue(e.getMessage().contains("host/no-such-host.invalid"), e.getMessage());
    }

    @Test
    void delegatedTicketIsListedByKlistOnTheServer() throws Exception {
        try (SshClient client = connect(subject, kerberos().gssDelegCreds(true).build())) {
            CommandResult result = client.run("klist");
            assertEquals(0, result.exitStatus(), result.stderr());
            assertTrue(result.stdout().contains("krbtgt/" + KerberosRealm.REALM + "@" + KerberosRealm.REALM), result.stdout());
        }
    }

    @Test
    void withoutDelegationTheServerHasNoTicket() throws Exception {
        try (SshClient client = connect(subject, kerberos().build())) {
            CommandResult result = client.run("klist");
            assertFalse(result.stdout().contains("krbtgt/"), result.stdout());
        }
    }

    @Test
    void openSshClientLogsInWithTheSameSetup() throws IOException {
        ExternalCommand.Result result = ExternalCommand.of("ssh", "-n", "-F", "/dev/null", "-p", Integer.toString(server.port()),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "GSSAPIAuthentication=yes", "-o", "GSSAPIKeyExchange=yes", "-o", "PreferredAuthentications=gssapi-with-mic,gssapi-keyex",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=/dev/null",
                server.user() + "@localhost", "echo openssh-kerberos-ok")
                .env("KRB5_CONFIG", realm.krb5Conf().toString())
                .env("KRB5CCNAME", "FILE:" + cache)
                .run();
        assertEquals("openssh-kerberos-ok\n", result.stdout(), result.describe());
    }
}
