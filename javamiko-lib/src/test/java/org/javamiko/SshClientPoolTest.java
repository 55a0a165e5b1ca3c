package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.javamiko.sftp.SftpClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.FaultProxy;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link SshClientPool} against a real OpenSSH sshd: sharing, idle close, a dead connection replaced. */
class SshClientPoolTest {
    private static final long BOUND_SECONDS = 15;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private SshClientPool.Builder poolTrusting(int port) throws IOException {
        Path knownHosts = Files.write(dir.resolve("known_hosts"), sshd.hostPublicKeys().stream()
                .map(key -> "[" + sshd.host() + "]:" + port + " " + key).toList());
        return SshClientPool.builder().clientSetup((host, client) -> client.loadSystemHostKeys(knownHosts));
    }

    private static ConnectOptions options(int port) {
        return Connect.withKey(sshd, KeySet.clientKeys().ed25519()).port(port).build();
    }

    @Test
    void callersShareOneConnection() throws IOException {
        try (SshClientPool pool = poolTrusting(sshd.port()).build()) {
            Transport first = transportOf(pool, sshd.port());

            assertThat(pool.run(sshd.host(), options(sshd.port()), "echo one").stdout()).isEqualTo("one\n");
            assertThat(pool.run(sshd.host(), options(sshd.port()), "echo two").stdout()).isEqualTo("two\n");

            assertThat(transportOf(pool, sshd.port())).isSameAs(first);
            assertThat(pool.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void sftpRunsOverAPooledConnection() throws IOException {
        try (SshClientPool pool = poolTrusting(sshd.port()).build();
                SshClientPool.Lease lease = pool.lease(sshd.host(), options(sshd.port()));
                SftpClient sftp = lease.openSftp()) {
            assertThat(sftp.normalize(".")).startsWith("/");
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (SshClientPool pool = poolTrusting(sshd.port()).idleTimeout(Duration.ofMillis(200)).build()) {
            pool.run(sshd.host(), options(sshd.port()), "true");

            assertThat(within(() -> pool.openConnections() == 0)).as("idle connection closed").isTrue();
        }
    }

    @Test
    void aLeasedConnectionIsNotClosedForIdleness() throws IOException {
        try (SshClientPool pool = poolTrusting(sshd.port()).idleTimeout(Duration.ofMillis(100)).build()) {
            CommandResult r = pool.run(sshd.host(), options(sshd.port()), "sleep 1; echo done");

            assertThat(r.stdout()).isEqualTo("done\n");
        }
    }

    @Test
    void aKilledConnectionIsReplacedForTheNextCaller() throws IOException {
        try (FaultProxy proxy = new FaultProxy(sshd.port());
                SshClientPool pool = poolTrusting(proxy.port()).build()) {
            Transport first = transportOf(pool, proxy.port());

            proxy.reset();
            CommandResult r = pool.run(sshd.host(), options(proxy.port()), "echo again");

            assertThat(r.stdout()).isEqualTo("again\n");
            assertThat(transportOf(pool, proxy.port())).isNotSameAs(first);
            assertThat(first.isActive()).isFalse();
        }
    }

    @Test
    void aConnectedSocketIsRefused() throws IOException {
        try (SshClientPool pool = SshClientPool.builder().build(); Socket socket = new Socket()) {
            ConnectOptions withSocket = Connect.withKey(sshd, KeySet.clientKeys().ed25519()).sock(socket).build();

            assertThatThrownBy(() -> pool.lease(sshd.host(), withSocket))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("serves one connection only");
        }
    }

    private static Transport transportOf(SshClientPool pool, int port) throws IOException {
        try (SshClientPool.Lease lease = pool.lease(sshd.host(), options(port))) {
            return lease.client().getTransport();
        }
    }

    private static boolean within(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
