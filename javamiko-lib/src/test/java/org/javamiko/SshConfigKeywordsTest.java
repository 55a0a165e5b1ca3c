package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.javamiko.config.SshConfig;
import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh_config keywords that change how javamiko logs in, trusts and forwards, each against
 * OpenSSH sshd: CertificateFile, PreferredAuthentications, HashKnownHosts, LocalForward,
 * RemoteForward, DynamicForward (with ExitOnForwardFailure), and the GSSAPI keywords' mapping.
 */
class SshConfigKeywordsTest {
    private static final int TIMEOUT_MILLIS = 10_000;

    @RegisterExtension
    static final OpenSshServer server = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    /** A Host block for the test server, trusting its host keys, no agent; {@code extra} is appended. */
    private SshConfig config(String extra) {
        Path knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));
        return SshConfig.fromText("Host box\n  HostName " + server.host() + "\n  Port " + server.port() + "\n  User "
                + server.user() + "\n  IdentityAgent none\n  UserKnownHostsFile " + knownHosts
                + "\n  GlobalKnownHostsFile none\n  StrictHostKeyChecking yes\n" + extra);
    }

    private SshClient connected(String extra) throws IOException {
        SshClient client = new SshClient();
        try {
            client.connect("box", ConnectOptions.builder().sshConfig(config(extra)).build());
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static String ed25519() {
        return "  IdentityFile " + KeySet.clientKeys().ed25519() + "\n";
    }

    @Test
    void aCertificateFileLogsInWithAKeyThatIsNotAuthorizedItself() throws Exception {
        Path ca = dir.resolve("user_ca");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ca.toString()).run().requireSuccess();
        server.trustUserCa(Files.readString(Path.of(ca + ".pub")).strip());
        Path key = dir.resolve("unauthorized_ecdsa");
        ExternalCommand.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", key.toString()).run().requireSuccess();
        ExternalCommand.of("ssh-keygen", "-q", "-s", ca.toString(), "-I", "javamiko-config", "-n", server.user(),
                "-V", "-5m:+1h", Path.of(key + ".pub").toString()).run().requireSuccess();
        // elsewhere than beside the key, where only CertificateFile finds it
        Path cert = Files.move(Path.of(key + "-cert.pub"), Files.createDirectories(dir.resolve("certs")).resolve("c.pub"));

        try (SshClient client = connected("  IdentityFile " + key + "\n  CertificateFile " + cert
                + "\n  IdentitiesOnly yes\n")) {
            assertThat(client.run("echo certified").stdout()).isEqualTo("certified\n");
        }
        assertThat(server.log()).contains("Accepted publickey").contains("ECDSA-CERT");
    }

    @Test
    void preferredAuthenticationsWithoutPublickeyNeverOffersTheKey() {
        int logBefore = server.log().length();

        assertThatThrownBy(() -> connected(ed25519() + "  PreferredAuthentications password\n"))
                .isInstanceOf(AuthenticationException.class).hasMessageNotContaining("publickey ssh-ed25519");
        assertThat(server.log().substring(logBefore)).doesNotContain("method publickey");
    }

    @Test
    void preferredAuthenticationsTriesTheMethodsInItsOrder() throws IOException {
        int logBefore = server.log().length();
        SshConfig config = config(ed25519() + "  PreferredAuthentications password,publickey\n");

        try (SshClient client = new SshClient()) {
            client.connect("box", ConnectOptions.builder().sshConfig(config).password("not-the-password").build());
            assertThat(client.run("echo keyed").stdout()).isEqualTo("keyed\n");
        }
        String log = server.log().substring(logBefore);
        assertThat(log.indexOf("method password")).isNotNegative().isLessThan(log.indexOf("method publickey"));
    }

    @Test
    void hashKnownHostsMakesAcceptNewWriteAHashedNameThatSshKeygenFinds() throws Exception {
        Path knownHosts = dir.resolve("hashed_known_hosts");
        SshConfig config = SshConfig.fromText("Host box\n  HostName " + server.host() + "\n  Port " + server.port()
                + "\n  User " + server.user() + "\n" + ed25519() + "  IdentityAgent none\n  UserKnownHostsFile "
                + knownHosts + "\n  GlobalKnownHostsFile none\n  StrictHostKeyChecking accept-new\n  HashKnownHosts yes\n");
        try (SshClient client = new SshClient()) {
            client.connect("box", ConnectOptions.builder().sshConfig(config).build());
        }

        String name = "[" + server.host() + "]:" + server.port();
        assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain(server.host());
        ExternalCommand.Result found = ExternalCommand.of("ssh-keygen", "-F", name, "-f", knownHosts.toString()).run();
        assertThat(found.exitCode()).isZero();
        assertThat(found.stdout()).contains("found");
    }

    @Test
    void aLocalForwardFromTheConfigCarriesAConnectionThroughTheServer() throws IOException {
        int port = freePort();
        try (SshClient client = connected(ed25519() + "  LocalForward " + port + " 127.0.0.1:" + server.port() + "\n");
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            assertThat(bannerThrough(socket)).startsWith("SSH-2.0-");
        }
    }

    @Test
    void aRemoteForwardFromTheConfigListensOnTheServer() throws IOException {
        int port = freePort();
        try (SshClient client = connected(ed25519() + "  RemoteForward " + port + " 127.0.0.1:" + server.port() + "\n");
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS); // sshd's listener, same machine
            assertThat(bannerThrough(socket)).startsWith("SSH-2.0-");
        }
    }

    @Test
    void aRemoteForwardFromTheConfigCanListenOnAUnixSocketOfTheServer() throws Exception {
        Path socketPath = dir.resolve("remote.sock");
        try (SshClient client = connected(ed25519() + "  RemoteForward " + socketPath + " 127.0.0.1:" + server.port() + "\n");
                SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socketPath))) {
            // a Unix socket channel has no read timeout: the read is bounded from outside
            Future<String> banner = CompletableFuture.supplyAsync(() -> {
                try {
                    return firstLine(Channels.newInputStream(channel));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(banner.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).startsWith("SSH-2.0-");
        }
    }

    @Test
    void aDynamicForwardFromTheConfigIsASocksProxy() throws IOException {
        int port = freePort();
        try (SshClient client = connected(ed25519() + "  DynamicForward " + port + "\n");
                Socket socket = new Socket(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", port)))) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), TIMEOUT_MILLIS);
            assertThat(bannerThrough(socket)).startsWith("SSH-2.0-");
        }
    }

    @Test
    void aForwardThatCannotListenIsLeftOutAndTheConnectionGoesOn() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SshClient client = connected(ed25519() + "  LocalForward " + taken.getLocalPort() + " 127.0.0.1:22\n")) {
            assertThat(client.run("echo still-connected").stdout()).isEqualTo("still-connected\n");
        }
    }

    @Test
    void exitOnForwardFailureMakesAForwardThatCannotListenFailTheConnect() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String extra = ed25519() + "  LocalForward " + taken.getLocalPort() + " 127.0.0.1:22\n  ExitOnForwardFailure yes\n";

            assertThatThrownBy(() -> connected(extra)).isInstanceOf(SshException.class)
                    .hasMessageContaining("LocalForward " + taken.getLocalPort()).hasMessageContaining("ExitOnForwardFailure");
        }
    }

    @Test
    void aMalformedLocalForwardIsRefusedNamingIt() {
        SshConfig config = config(ed25519() + "  LocalForward 8080\n");

        assertThatThrownBy(() -> PlanResolver.resolve("box", ConnectOptions.builder().sshConfig(config).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalForward '8080'");
    }

    @Test
    void aForwardingJavamikoCannotOpenFailsTheConnectUnderExitOnForwardFailure() throws IOException {
        String extra = ed25519() + "  RemoteForward " + freePort() + "\n  ExitOnForwardFailure yes\n"; // SOCKS on the server

        assertThatThrownBy(() -> connected(extra)).isInstanceOf(SshException.class)
                .hasMessageContaining("RemoteForward").hasMessageContaining("not supported");
    }

    @Test
    void closingTheClientClosesTheConfiguredForwards() throws IOException {
        int port = freePort();
        SshClient client = connected(ed25519() + "  LocalForward " + port + " 127.0.0.1:" + server.port() + "\n");
        // sshd's banner through the port: the listener is ours (a port taken by something else
        // between freePort and the bind would otherwise pass for one left open)
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            assertThat(bannerThrough(socket)).startsWith("SSH-2.0-");
        }

        client.close();

        // at once: close returns only when the listening socket is gone (LocalListener.close waits
        // for its accepting thread; before, a connect right after it still got through)
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void gssapiAuthenticationFromTheConfigIsNotTriedWhereTheServerDoesNotOfferIt() throws IOException {
        int logBefore = server.log().length();

        try (SshClient client = connected(ed25519() + "  GSSAPIAuthentication yes\n")) {
            assertThat(client.run("echo no-kerberos").stdout()).isEqualTo("no-kerberos\n");
        }
        assertThat(server.log().substring(logBefore)).contains("method none").doesNotContain("method gssapi-with-mic");
    }

    @Test
    void aHostKeyAliasIsTheKnownHostsNameAsWrittenWhateverThePortAsInSsh() throws Exception {
        Path knownHosts = dir.resolve("alias_known_hosts");
        SshConfig aliased = SshConfig.fromText("Host box\n  HostName " + server.host() + "\n  Port " + server.port()
                + "\n  User " + server.user() + "\n  IdentityFile " + server.clientKeys().ed25519()
                + "\n  IdentityAgent none\n  HostKeyAlias box-key\n  UserKnownHostsFile " + knownHosts
                + "\n  GlobalKnownHostsFile none\n  StrictHostKeyChecking accept-new\n");
        assertThat(PlanResolver.resolve("box", ConnectOptions.builder().sshConfig(aliased).build()).knownName())
                .isEqualTo("box-key");

        try (SshClient client = new SshClient()) {
            client.connect("box", ConnectOptions.builder().sshConfig(aliased).build());
        }
        // what accept-new saved is found under the alias itself, as ssh saves and finds it
        String found = ExternalCommand.of("ssh-keygen", "-F", "box-key", "-f", knownHosts.toString()).run()
                .requireSuccess().stdout();
        assertThat(found).contains("box-key ssh-");
    }

    @Test
    void theGssapiKeywordsBecomeThePlansGssChoices() {
        ConnectionPlan plan = PlanResolver.resolve("box", ConnectOptions.builder().sshConfig(config(
                "  GSSAPIAuthentication yes\n  GSSAPIDelegateCredentials yes\n  GSSAPIKeyExchange yes\n  GSSAPITrustDns yes\n"))
                .build());

        assertThat(plan.gss()).isEqualTo(new ConnectionPlan.Gss(true, true, true, true));
    }

    @Test
    void theBuildersGssChoicesWinOverTheConfigs() {
        ConnectionPlan plan = PlanResolver.resolve("box", ConnectOptions.builder().sshConfig(config(
                "  GSSAPIAuthentication yes\n  GSSAPIDelegateCredentials yes\n  GSSAPIKeyExchange yes\n  GSSAPITrustDns yes\n"))
                .gssAuth(false).gssDelegCreds(false).gssKex(false).gssTrustDns(false).build());

        assertThat(plan.gss()).isEqualTo(new ConnectionPlan.Gss(false, false, false, false));
    }

    @Test
    void withAConfigNeitherIsTheTicketDelegatedNorDnsTrustedUnlessItSaysSo() {
        ConnectionPlan plan = PlanResolver.resolve("box", ConnectOptions.builder().sshConfig(config(
                "  GSSAPIAuthentication yes\n")).build());

        assertThat(plan.gss()).isEqualTo(new ConnectionPlan.Gss(true, false, false, false));
    }

    /** The first line an sshd sends, read through whatever carries the socket. */
    private static String bannerThrough(Socket socket) throws IOException {
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return firstLine(socket.getInputStream());
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < 255; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
