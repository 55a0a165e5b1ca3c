package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code javamiko run} on several "hosts" (aliases of one private sshd, and a dead one). */
class RunCommandTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;
    Path config;
    int closedPort;

    @BeforeEach
    void setUp() throws Exception {
        config = Cli.config(sshd, dir);
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Files.writeString(config, "\nHost dead\n  HostName 127.0.0.1\n  Port " + closedPort + "\n", StandardOpenOption.APPEND);
    }

    @Test
    void everyLineIsPrefixedWithItsHostThenASummary() {
        Cli.Result r = Cli.run("run", "-F", config.toString(), "-H", "target,target2", "--", "echo", "hello;",
                "echo oops >&2");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains(": hello")).toList())
                .containsExactlyInAnyOrder("target: hello", "target2: hello");
        assertThat(r.err().lines().toList()).containsExactlyInAnyOrder("target: oops", "target2: oops");
        assertThat(r.out()).containsPattern("(?m)^HOST +STATUS +TIME$").containsPattern("(?m)^target +0 +\\d+\\.\\d\\ds$")
                .containsPattern("(?m)^target2 +0 +\\d+\\.\\d\\ds$").contains("2 of 2 hosts succeeded");
    }

    @Test
    void aDeadHostFailsAloneAndTheStatusIs255() {
        Cli.Result r = Cli.run("run", "-F", config.toString(), "-H", "dead", "-H", "target", "--", "echo", "up");
        assertThat(r.status()).as(r.toString()).isEqualTo(255);
        assertThat(r.out()).contains("target: up").containsPattern("(?m)^dead +error .*Connection refused$")
                .contains("1 of 2 hosts succeeded");
        assertThat(r.err()).contains("dead: connect to host 127.0.0.1 port " + closedPort + ": Connection refused")
                .doesNotContain("\tat ");
    }

    @Test
    void aFailedCommandMakesTheStatus1() {
        Cli.Result r = Cli.run("run", "-F", config.toString(), "-H", "target,target2", "--", "exit 3");
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^target +3 ").contains("0 of 2 hosts succeeded");
    }

    @Test
    void groupPrintsEachHostsOutputTogether() throws Exception {
        Path hosts = Files.write(dir.resolve("hosts"), List.of("# the fleet", "target", "", "target2"));
        Cli.Result r = Cli.run("run", "-F", config.toString(), "-f", hosts.toString(), "--group", "--parallel", "1",
                "--", "echo one; echo two");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("=== target: exit 0 in \\d+\\.\\d\\ds ===\none\ntwo\n")
                .containsPattern("=== target2: exit 0 in \\d+\\.\\d\\ds ===\none\ntwo\n");
    }

    @Test
    void theTimeoutBoundsEachHost() {
        long start = System.nanoTime();
        Cli.Result r = Cli.run("run", "-F", config.toString(), "-H", "target", "--timeout", "1s", "--", "sleep 30");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
        assertThat(r.status()).as(r.toString()).isEqualTo(255);
        assertThat(r.out()).containsPattern("(?m)^target +error .*timed out after 1\\.00s$");
    }

    @Test
    void noHostsIsAUsageError() {
        Cli.Result r = Cli.run("run", "-F", config.toString(), "--", "true");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no hosts");
        assertThat(Cli.run("run", "-H", "target", "--timeout", "soon", "--", "true").status()).isEqualTo(2);
    }
}
