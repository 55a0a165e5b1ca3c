package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.transport.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Commands over one connection to a real OpenSSH sshd. */
class SshClientExecTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("AcceptEnv", "LANG").build();

    @TempDir
    static Path dir;

    static SshClient client;

    @BeforeAll
    static void connect() throws IOException {
        client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void runReturnsStdoutStderrAndExitStatus() throws IOException {
        CommandResult r = client.run("echo out; echo err >&2; exit 3");

        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.exitStatus()).isEqualTo(3);
    }

    @Test
    void execCommandPipesStdinToTheCommand() throws IOException {
        try (ExecStreams s = client.execCommand("tr a-z A-Z")) {
            s.stdin().write("hello ssh".getBytes(StandardCharsets.UTF_8));
            s.stdin().close();

            assertThat(new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("HELLO SSH");
            assertThat(s.channel().recvExitStatus()).isZero();
        }
    }

    @Test
    void aCommandKilledByASignalReportsTheSignal() throws IOException {
        try (ExecStreams s = client.execCommand("kill -TERM $$")) {
            assertThat(s.channel().recvExitStatus(Duration.ofSeconds(20))).isEqualTo(-1);
            assertThat(s.channel().getExitSignal()).isEqualTo("TERM");
        }
    }

    @Test
    void fiftyMegabytesOnStdoutAndStderrAtOnceDoNotDeadlockWhenReadOneAfterTheOther() throws Exception {
        String cmd = "head -c 52428800 /dev/zero | tr '\\0' o & head -c 52428800 /dev/zero | tr '\\0' e >&2; wait";
        try (ExecStreams s = client.execCommand(cmd, ExecOptions.builder().timeout(Duration.ofSeconds(60)).build())) {
            long out = count(s.stdout(), 'o');
            long err = count(s.stderr(), 'e');

            assertThat(out).isEqualTo(52428800L);
            assertThat(err).isEqualTo(52428800L);
            assertThat(s.channel().recvExitStatus(Duration.ofSeconds(30))).isZero();
        }
    }

    /** @return how many bytes the stream held, all of which must be {@code expected} */
    private static long count(InputStream in, char expected) throws IOException {
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] != (byte) expected) {
                    throw new AssertionError("byte " + (total + i) + " is " + buf[i] + ", not '" + expected + "'");
                }
            }
            total += n;
        }
        return total;
    }

    @Test
    void stdinOfManyMegabytesArrivesIntact() throws Exception {
        byte[] chunk = new byte[1 << 20];
        new java.util.Random(42).nextBytes(chunk);
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        try (ExecStreams s = client.execCommand("sha256sum")) {
            OutputStream in = s.stdin();
            for (int i = 0; i < 16; i++) {
                in.write(chunk);
                sent.update(chunk);
            }
            in.close();
            String remote = new String(s.stdout().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(remote).startsWith(HexFormat.of().formatHex(sent.digest()));
        }
    }

    @Test
    void manyChannelsFromManyThreadsRunAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String cmd = "echo " + i;
                results.add(pool.submit(() -> client.run(cmd)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().stdout()).isEqualTo(i + "\n");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readTimeoutThrowsSocketTimeoutException() throws IOException {
        try (ExecStreams s = client.execCommand("sleep 5", ExecOptions.builder().timeout(Duration.ofMillis(200)).build())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.stdout().read())
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void runTimeoutBoundsTheWholeCommand() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        client.run("sleep 10", ExecOptions.builder().timeout(Duration.ofMillis(300)).build()))
                .isInstanceOf(java.net.SocketTimeoutException.class);
    }

    @Test
    void runRefusesToHoldMoreStdoutThanTheBufferSize() {
        ExecOptions small = ExecOptions.builder().bufferSize(2 * 1024 * 1024).build();
        assertThatThrownBy(() -> client.run("head -c 3000000 /dev/zero", small))
                .isInstanceOf(SshException.class).hasMessageContaining("stdout").hasMessageContaining("execCommand");
    }

    @Test
    void runRefusesToHoldMoreStderrThanTheBufferSize() {
        ExecOptions small = ExecOptions.builder().bufferSize(2 * 1024 * 1024).build();
        assertThatThrownBy(() -> client.run("head -c 3000000 /dev/zero >&2", small))
                .isInstanceOf(SshException.class).hasMessageContaining("stderr");
    }

    @Test
    void runHoldsOutputUpToTheBufferSize() throws IOException {
        ExecOptions small = ExecOptions.builder().bufferSize(2 * 1024 * 1024).build();
        assertThat(client.run("head -c 2000000 /dev/zero | tr '\\0' x", small).stdout()).hasSize(2_000_000);
    }

    @Test
    void shellWithPtyEchoesACommandsOutput() throws IOException {
        Channel shell = client.invokeShell();
        try {
            shell.setTimeout(Duration.ofSeconds(20));
            shell.getOutputStream().write("echo $((6*7)); exit\n".getBytes(StandardCharsets.UTF_8));
            String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).contains("42");
        } finally {
            shell.close();
        }
    }

    @Test
    void aResizedPtyReportsItsNewSize() throws IOException {
        Channel shell = client.invokeShell(PtyOptions.builder().term("xterm").width(100).height(30).build());
        try {
            shell.setTimeout(Duration.ofSeconds(20));
            shell.getOutputStream().write("stty size\n".getBytes(StandardCharsets.UTF_8));
            readUntil(shell.getInputStream(), "30 100");
            shell.resizePty(132, 43, 0, 0);
            shell.getOutputStream().write("stty size; exit\n".getBytes(StandardCharsets.UTF_8));
            readUntil(shell.getInputStream(), "43 132");
        } finally {
            shell.close();
        }
    }

    /** Reads until {@code expected} appears; the channel's timeout bounds each read. */
    private static void readUntil(InputStream in, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        int n;
        while (seen.indexOf(expected) < 0 && (n = in.read(buf)) > 0) {
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(seen.toString()).contains(expected);
    }

    @Test
    void environmentVariablesAcceptedByTheServerReachTheCommand() throws IOException {
        CommandResult r = client.run("echo \"$LANG\"", ExecOptions.builder().environment(java.util.Map.of("LANG", "C.UTF-8")).build());
        assertThat(r.stdout()).isEqualTo("C.UTF-8\n");
    }
}
