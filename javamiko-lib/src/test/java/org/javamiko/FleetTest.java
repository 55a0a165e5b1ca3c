package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.javamiko.config.SshConfig;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of "hosts" made of two real sshd instances, one of them also under an ssh_config alias,
 * and a port where nothing listens.
 */
class FleetTest {
    @RegisterExtension
    static final OpenSshServer a = OpenSshServer.builder().build();
    @RegisterExtension
    static final OpenSshServer b = OpenSshServer.builder().build();

    @TempDir
    static Path dir;

    static Path knownHosts;
    static SshConfig config;
    static String hostA;
    static String hostB;
    static String unreachable;

    @TempDir
    Path work;

    @BeforeAll
    static void hosts() throws IOException {
        List<String> lines = new ArrayList<>(a.knownHostsLines());
        lines.addAll(b.knownHostsLines());
        knownHosts = Files.write(dir.resolve("known_hosts"), lines);
        config = SshConfig.fromText("Host web-a\n    HostName 127.0.0.1\n    Port " + a.port() + "\n");
        hostA = "127.0.0.1:" + a.port();
        hostB = a.user() + "@127.0.0.1:" + b.port();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            unreachable = "127.0.0.1:" + s.getLocalPort(); // closed again: connections are refused
        }
    }

    static Fleet.Builder fleet() {
        return Fleet.builder()
                .connectOptions(() -> ConnectOptions.builder().username(a.user()).keyFilename(KeySet.clientKeys().ed25519())
                        .lookForKeys(false).allowAgent(false).sshConfig(config))
                .clientSetup((host, client) -> client.loadSystemHostKeys(knownHosts));
    }

    /** The port of the sshd a command ran under: the 4th field of SSH_CONNECTION. */
    static final String SERVER_PORT = "$(echo $SSH_CONNECTION | cut -d' ' -f4)";

    @Test
    void aCommandRunsOnEveryHostAndAnUnreachableOneFailsAlone() throws Exception {
        try (Fleet fleet = fleet().build()) {
            List<FleetResult> results = fleet.run(List.of(hostA, hostB, "web-a", unreachable),
                    "echo " + SERVER_PORT + "; echo warn >&2").awaitAll();

            assertThat(results).extracting(r -> r.host().spec()).containsExactly(hostA, hostB, "web-a", unreachable);
            assertThat(results.get(0).stdout()).isEqualTo(a.port() + "\n");
            assertThat(results.get(1).stdout()).isEqualTo(b.port() + "\n");
            assertThat(results.get(2).stdout()).isEqualTo(a.port() + "\n");
            assertThat(results.subList(0, 3)).allSatisfy(r -> {
                assertThat(r.ok()).as(r.toString()).isTrue();
                assertThat(r.stderr()).isEqualTo("warn\n");
                assertThat(r.duration()).isPositive();
            });
            FleetResult down = results.get(3);
            assertThat(down.ok()).isFalse();
            assertThat(down.exitStatus()).isEqualTo(-1);
            assertThat(down.error()).get().isInstanceOf(IOException.class);
            assertThat(down.describeFailure()).isNotBlank();
        }
    }

    @Test
    void aFailingCommandFailsOnlyItsHost() throws Exception {
        try (Fleet fleet = fleet().build()) {
            FleetRun run = fleet.run(List.of(hostA, hostB), "test " + SERVER_PORT + " != " + a.port() + " || exit 7");
            Map<String, Integer> status = run.awaitAll().stream()
                    .collect(Collectors.toMap(r -> r.host().spec(), FleetResult::exitStatus));

            assertThat(status).containsEntry(hostA, 7).containsEntry(hostB, 0);
            assertThat(run.allOk()).isFalse();
        }
    }

    @Test
    void aHostPastTheTimeoutIsReportedAtOnceAfterTheOthersAndDoesNotHoldThemUp() throws Exception {
        try (Fleet fleet = fleet().timeout(Duration.ofSeconds(10)).parallelism(1).build()) {
            // hostA sleeps far past the timeout; with one worker, hostB (after it) must still run
            FleetRun run = fleet.run(List.of(hostA, hostB),
                    "if [ " + SERVER_PORT + " = " + a.port() + " ]; then sleep 120; fi; echo done");
            List<FleetResult> inOrder = new ArrayList<>();
            run.forEach(inOrder::add);

            assertThat(inOrder).hasSize(2);
            FleetResult slow = inOrder.stream().filter(r -> r.host().spec().equals(hostA)).findFirst().orElseThrow();
            assertThat(slow.error()).get().isInstanceOf(SocketTimeoutException.class);
            assertThat(slow.duration()).isLessThan(Duration.ofSeconds(60));
            FleetResult fast = inOrder.stream().filter(r -> r.host().spec().equals(hostB)).findFirst().orElseThrow();
            assertThat(fast.ok()).as(fast.toString()).isTrue();
            assertThat(fast.stdout()).isEqualTo("done\n");

            // the timed-out connection was closed; the next task on that host connects afresh
            FleetResult again = fleet.run(List.of(hostA), "echo again").awaitAll().get(0);
            assertThat(again.ok()).as(again.toString()).isTrue();
            assertThat(again.stdout()).isEqualTo("again\n");
        }
    }

    @Test
    void connectionsAreKeptForTheNextTaskOnTheSameHost() throws Exception {
        try (Fleet fleet = fleet().build()) {
            String clientPort = "echo $SSH_CONNECTION | cut -d' ' -f2";
            Map<String, String> first = byHost(fleet.run(List.of(hostA, hostB), clientPort).awaitAll());
            assertThat(fleet.openConnections()).isEqualTo(2);
            Map<String, String> second = byHost(fleet.run(List.of(hostA, hostB), clientPort).awaitAll());

            assertThat(second).isEqualTo(first);
            assertThat(fleet.openConnections()).isEqualTo(2);
        }
        try (Fleet fleet = fleet().keepConnections(false).build()) {
            fleet.run(List.of(hostA), "true").awaitAll();
            assertThat(fleet.openConnections()).isZero();
        }
    }

    @Test
    void oneHostSpelledTwoWaysSharesOneConnection() throws Exception {
        try (Fleet fleet = fleet().build()) {
            String clientPort = "echo $SSH_CONNECTION | cut -d' ' -f2";
            List<FleetResult> results = fleet.run(List.of(hostA, "web-a"), clientPort).awaitAll();

            assertThat(results).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
            assertThat(results.get(0).stdout()).isEqualTo(results.get(1).stdout());
            assertThat(fleet.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void concurrencyStaysWithinTheBoundAndEveryTaskRuns() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> hosts = Collections.nCopies(8, hostA);
        try (Fleet fleet = fleet().parallelism(3).build()) {
            FleetRun run = fleet.submit(hosts, "count", (host, client, left) -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    return client.run("echo x");
                } finally {
                    inFlight.decrementAndGet();
                }
            });

            assertThat(run.awaitAll()).hasSize(8).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
            assertThat(most.get()).isBetween(1, 3);
            assertThat(fleet.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void outputLinesReachTheListenerAsTheyArriveTaggedWithTheirHost() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Fleet fleet = fleet()
                .outputListener((host, stderr, line) -> lines.add(host.spec() + (stderr ? " E " : " O ") + line))
                .captureOutput(false).build()) {
            FleetResult r = fleet.run(List.of(hostB), "printf 'a\\nb\\n'; printf 'e\\n' >&2; printf tail")
                    .awaitAll().get(0);

            assertThat(r.ok()).isTrue();
            assertThat(r.stdout()).isEmpty();
            assertThat(lines).containsExactlyInAnyOrder(hostB + " O a", hostB + " O b", hostB + " O tail",
                    hostB + " E e");
            assertThat(lines.indexOf(hostB + " O a")).isLessThan(lines.indexOf(hostB + " O b"));
        }
    }

    @Test
    void filesGoOutAndComeBackBySftp() throws Exception {
        Path local = Files.writeString(work.resolve("motd"), "welcome\n");
        Path remote = work.resolve("remote-motd");
        try (Fleet fleet = fleet().build()) {
            List<FleetResult> up = fleet.put(List.of(hostA, unreachable), local, remote.toString()).awaitAll();
            assertThat(up.get(0).ok()).as(up.get(0).toString()).isTrue();
            assertThat(up.get(0).stdout()).isEqualTo("8");
            assertThat(up.get(1).ok()).isFalse();
            assertThat(remote).hasContent("welcome");

            Function<FleetHost, Path> copyOf = h -> work.resolve("copy-" + h.port());
            List<FleetResult> down = fleet.get(List.of(hostA, hostB), remote.toString(), copyOf).awaitAll();
            assertThat(down).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
            assertThat(work.resolve("copy-" + a.port())).hasContent("welcome");
            assertThat(work.resolve("copy-" + b.port())).hasContent("welcome");
        }
    }

    @Test
    void cancellingEndsTheHostsStillRunning() throws Exception {
        try (Fleet fleet = fleet().build()) {
            FleetRun run = fleet.run(List.of(hostA), "echo started; sleep 60");
            run.cancel();
            FleetResult r = run.awaitAll().get(0);

            assertThat(r.error()).get().isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void virtualThreadsAreUsedWhenTheJdkHasThem() {
        boolean jdk21 = Runtime.version().feature() >= 21;
        assertThat(Fleet.virtualThreadsAvailable()).isEqualTo(jdk21);
        try (Fleet fleet = fleet().build()) {
            assertThat(fleet.usesVirtualThreads()).isEqualTo(jdk21);
        }
        try (Fleet fleet = fleet().virtualThreads(false).build()) {
            assertThat(fleet.usesVirtualThreads()).isFalse();
        }
    }

    @Test
    void hostSpecsAreParsedAsPsshTakesThem() {
        assertThat(FleetHost.parse("deploy@web-1:2222")).isEqualTo(new FleetHost("deploy@web-1:2222", "deploy", "web-1", 2222));
        assertThat(FleetHost.parse("web-1")).isEqualTo(new FleetHost("web-1", null, "web-1", -1));
        assertThat(FleetHost.parse("[::1]:22")).isEqualTo(new FleetHost("[::1]:22", null, "::1", 22));
        assertThat(FleetHost.parse("::1")).isEqualTo(new FleetHost("::1", null, "::1", -1));
        for (String bad : List.of("", "@h", "h:0", "h:x", "[::1", "u@")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FleetHost.parse(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Map<String, String> byHost(List<FleetResult> results) {
        Map<String, String> map = new ConcurrentHashMap<>();
        results.forEach(r -> map.put(r.host().spec(), r.ok() ? r.stdout() : r.describeFailure()));
        return map;
    }
}
