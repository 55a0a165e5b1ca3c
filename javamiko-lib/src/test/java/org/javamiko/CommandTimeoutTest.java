package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.javamiko.testing.Connect;
import org.javamiko.testing.ExternalCommand;
import org.javamiko.testing.FaultProxy;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.transport.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command whose timeout passes, or whose streams are closed, is gone from sshd's process list,
 * not left running. Each command is a {@code sleep} of a unique length (600.NNNNNN s), which is
 * what {@code pgrep -f} looks for: the shell and the sleep both carry it in their command line.
 *
 * <p>The commands run as the unprivileged PAM user (logged in with the test key): sshd refuses
 * the {@code signal} request for root logins, which have no privilege separation after login.
 */
class CommandTimeoutTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    /** How long a command may take to disappear after it was ended. */
    private static final long GONE_WITHIN_SECONDS = 15;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().pam().build();

    @TempDir
    static Path dir;

    static SshClient client;

    @BeforeAll
    static void connect() throws IOException {
        client = Connect.trusting(sshd, dir);
        client.connect(sshd.host(), Connect.withKey(sshd, KeySet.clientKeys().ed25519())
                .username(sshd.pamUser().name()).build());
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void runTimeoutEndsTheCommandOnTheServer() throws IOException {
        String marker = marker();

        assertThatThrownBy(() -> client.run("sleep " + marker + "; echo after",
                ExecOptions.builder().timeout(ONE_SECOND).build()))
                .isInstanceOfSatisfying(CommandTimeoutException.class, e -> {
                    assertThat(e.endConfirmed()).isTrue();
                    assertThat(e.exitSignal()).isEqualTo("TERM");
                    assertThat(e.timeout()).isEqualTo(ONE_SECOND);
                })
                .hasMessageContaining("did not finish within its timeout");
        assertGone(marker);
    }

    @Test
    void runTimeoutEndsTheCommandUnderAPty() throws IOException {
        String marker = marker();

        assertThatThrownBy(() -> client.run("sleep " + marker + "; echo after",
                ExecOptions.builder().timeout(ONE_SECOND).getPty(true).build()))
                .isInstanceOf(CommandTimeoutException.class);
        assertGone(marker);
    }

    @Test
    void runTimeoutKeepsTheOutputPrintedBeforeIt() {
        String marker = marker();

        assertThatThrownBy(() -> client.run("echo started; sleep " + marker,
                ExecOptions.builder().timeout(ONE_SECOND).build()))
                .isInstanceOfSatisfying(CommandTimeoutException.class,
                        e -> assertThat(e.stdout()).isEqualTo("started\n"));
    }

    @Test
    void aCommandIgnoringTermIsKilledAfterTheGrace() throws IOException {
        String marker = marker();

        assertThatThrownBy(() -> client.run("trap '' TERM; sleep " + marker + "; echo after",
                ExecOptions.builder().timeout(ONE_SECOND).terminateGrace(Duration.ofMillis(300)).build()))
                .isInstanceOfSatisfying(CommandTimeoutException.class,
                        e -> assertThat(e.exitSignal()).isEqualTo("KILL"));
        assertGone(marker);
    }

    @Test
    void closingExecStreamsEndsTheCommand() throws IOException {
        String marker = marker();
        ExecStreams streams = client.execCommand("sleep " + marker + "; echo after");
        assertRunning(marker);

        streams.close();

        assertThat(streams.channel().getExitSignal()).isEqualTo("TERM");
        assertGone(marker);
    }

    @Test
    void closingAPtyChannelHangsUpItsCommand() throws IOException {
        String marker = marker();
        Channel channel = client.getTransport().openSession();
        channel.getPty(PtyOptions.defaults());
        channel.execCommand("sleep " + marker + "; echo after");
        assertRunning(marker);

        channel.close(); // no signal request: sshd closes the pty, the kernel sends SIGHUP

        assertGone(marker);
    }

    @Test
    void aRefusedSignalIsNamedInTheTimeout() throws IOException {
        String marker = marker();
        try (SshClient root = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519())) {
            assertThatThrownBy(() -> root.run("sleep " + marker, ExecOptions.builder().timeout(ONE_SECOND)
                    .getPty(true).build()))
                    .isInstanceOfSatisfying(CommandTimeoutException.class,
                            e -> assertThat(e.endConfirmed()).isFalse())
                    .hasMessageContaining("refused the signal request");
        }
        assertGone(marker); // the pty's hang-up
    }

    @Test
    void closingStreamsOfAStalledConnectionReturns() throws Exception {
        try (FaultProxy proxy = new FaultProxy(sshd.port()); Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 5000);
            try (SshClient stalled = Connect.trusting(sshd, dir)) {
                stalled.connect(sshd.host(), Connect.withKey(sshd, KeySet.clientKeys().ed25519())
                        .username(sshd.pamUser().name()).sock(socket).build());
                ExecStreams streams = stalled.execCommand("sleep " + marker(),
                        ExecOptions.builder().terminateGrace(Duration.ofMillis(200)).build());
                proxy.stall();

                CompletableFuture.runAsync(streams::close).get(GONE_WITHIN_SECONDS, TimeUnit.SECONDS);

                assertThat(streams.channel().isClosed()).isTrue();
            }
        }
    }

    /** @return a sleep length no other test or run uses, e.g. {@code 600.123456} */
    private static String marker() {
        return String.format("600.%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static void assertRunning(String marker) throws IOException {
        assertThat(waitFor(marker, true)).as("`sleep %s` started on the server", marker).isTrue();
    }

    private static void assertGone(String marker) throws IOException {
        assertThat(waitFor(marker, false)).as("`sleep %s` gone from the server's processes within %d s",
                marker, GONE_WITHIN_SECONDS).isTrue();
    }

    /** Polls {@code pgrep -f} until a process carrying the marker is (or is no longer) there, within a bound. */
    private static boolean waitFor(String marker, boolean present) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GONE_WITHIN_SECONDS);
        do {
            boolean found = ExternalCommand.of("pgrep", "-f", "sleep " + marker).run().exitCode() == 0;
            if (found == present) {
                return true;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        return false;
    }
}
