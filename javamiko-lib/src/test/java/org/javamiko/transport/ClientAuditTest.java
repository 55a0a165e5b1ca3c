package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.javamiko.AutoAddPolicy;
import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh-audit in client-audit mode grades what javamiko offers by default: no {@code [fail]} but
 * the NIST-curve marks it also gives OpenSSH's own client.
 */
class ClientAuditTest {
    private static final Path SSH_AUDIT = Path.of("/usr/bin/ssh-audit");

    @TempDir
    Path dir;

    @Test
    void theDefaultOfferHasNoFailingAlgorithmButTheNistCurves() throws Exception {
        assertThat(SSH_AUDIT).as("ssh-audit (Debian package ssh-audit; .ci/run installs it)").isExecutable();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process audit = new ProcessBuilder(SSH_AUDIT.toString(), "-c", "-p", Integer.toString(port), "-n", "-b")
                .redirectErrorStream(true).start();
        try {
            awaitListening(port);
            try (SshClient client = new SshClient()) {
                client.setMissingHostKeyPolicy(new AutoAddPolicy());
                // ssh-audit reads our KEXINIT and hangs up: connect fails, as it should
                assertThatThrownBy(() -> client.connect("127.0.0.1", ConnectOptions.builder().port(port)
                        .username("audit").password("x").lookForKeys(false).allowAgent(false)
                        .bannerTimeout(Duration.ofSeconds(20)).authTimeout(Duration.ofSeconds(20)).build()))
                        .isInstanceOf(IOException.class);
            }
            assertThat(audit.waitFor(60, TimeUnit.SECONDS)).as("ssh-audit ends after one client").isTrue();
            List<String> report = new String(audit.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(report).as("ssh-audit saw our algorithms").anyMatch(line -> line.startsWith("(kex)"));
            assertThat(report.stream().filter(line -> line.contains("[fail]")))
                    .allMatch(line -> line.contains("weak elliptic curves"));
        } finally {
            audit.destroyForcibly();
        }
    }

    /** Waits for the listening socket in /proc/net (a probe connection would be taken for the client to audit). */
    private static void awaitListening(int port) throws InterruptedException, IOException {
        String hexPort = String.format(":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && (f[1] + " ").endsWith(hexPort) && f[3].equals("0A")) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("ssh-audit did not listen on port " + port + " within 30 s");
    }
}
