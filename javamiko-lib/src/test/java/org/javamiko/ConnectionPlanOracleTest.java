package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.internal.connect.ForwardSpec;
import org.javamiko.internal.connect.JumpSpec;
import org.javamiko.config.SshConfig;
import org.javamiko.testing.ExternalCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle: for every alias of every config in the corpus, what the plan would connect with
 * (host, port, user, identity files in order, algorithms, proxies, certificate files,
 * IdentitiesOnly, PreferredAuthentications, HashKnownHosts, the GSS-API keywords and the
 * forwardings) equals what {@code ssh -G -F file alias} prints.
 */
class ConnectionPlanOracleTest {
    private static final Map<String, String> ALGORITHMS = Map.of("ciphers", "ciphers", "macs", "macs",
            "kexalgorithms", "kex", "hostkeyalgorithms", "keys", "pubkeyacceptedalgorithms", "pubkeys");

    static Stream<Arguments> aliases() throws IOException, URISyntaxException {
        Path dir = Path.of(ConnectionPlanOracleTest.class.getResource("/org/javamiko/internal/connect/configs").toURI());
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String first = Files.readAllLines(file).get(0);
                for (String alias : first.substring("# aliases:".length()).trim().split(" ")) {
                    cases.add(Arguments.of(file.getFileName().toString(), alias, file));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("aliases")
    void planMatchesSshG(String name, String alias, Path file) throws IOException {
        Map<String, String> ssh = sshG(file, alias);
        ConnectionPlan plan = PlanResolver.resolve(alias,
                ConnectOptions.builder().sshConfig(SshConfig.fromPath(file)).build());

        assertThat(plan.hostName()).isEqualTo(ssh.get("hostname"));
        assertThat(plan.port()).isEqualTo(Integer.parseInt(ssh.get("port")));
        assertThat(plan.user()).isEqualTo(ssh.get("user"));
        assertThat(plan.identityFiles().stream().map(Path::toString).toList())
                .isEqualTo(List.of(ssh.get("identityfile").split("\n")).stream().map(f -> expand(f, plan)).toList());
        ALGORITHMS.forEach((keyword, kind) -> {
            if (plan.algorithms().containsKey(kind)) {
                assertThat(String.join(",", plan.algorithms().get(kind))).as(keyword).isEqualTo(ssh.get(keyword));
            }
        });
        String jump = ssh.get("proxyjump");
        List<JumpSpec> hops = jump == null ? List.of() : JumpSpec.parseList(jump);
        assertThat(plan.jumps()).hasSameSizeAs(hops);
        for (int i = 0; i < hops.size(); i++) {
            JumpSpec spec = hops.get(i);
            ConnectionPlan hop = plan.jumps().get(i);
            assertThat(hop.alias()).isEqualTo(spec.host());
            if (spec.port() > 0) {
                assertThat(hop.port()).isEqualTo(spec.port());
            }
            if (spec.user() != null) {
                assertThat(hop.user()).isEqualTo(spec.user());
            }
        }
        assertThat(plan.certificateFiles().stream().map(Path::toString).toList()).isEqualTo(
                lines(ssh, "certificatefile").stream().map(f -> expand(f, plan)).toList());
        assertThat(plan.identitiesOnly()).isEqualTo(yes(ssh, "identitiesonly"));
        if (!plan.preferredAuthentications().isEmpty()) {
            assertThat(String.join(",", plan.preferredAuthentications())).isEqualTo(ssh.get("preferredauthentications"));
        }
        assertThat(plan.hashKnownHosts()).isEqualTo(yes(ssh, "hashknownhosts"));
        assertThat(plan.gss()).isEqualTo(new ConnectionPlan.Gss(yes(ssh, "gssapiauthentication"),
                yes(ssh, "gssapidelegatecredentials"), yes(ssh, "gssapikeyexchange"), yes(ssh, "gssapitrustdns")));
        assertThat(plan.exitOnForwardFailure()).isEqualTo(yes(ssh, "exitonforwardfailure"));
        for (String keyword : List.of("localforward", "remoteforward", "dynamicforward")) {
            assertThat(plan.forwardings().stream().map(ForwardSpec::describe).filter(d -> d.startsWith(keyword + " "))
                    .toList()).as(keyword).isEqualTo(lines(ssh, keyword).stream().map(v -> keyword + " " + v).toList());
        }
        String command = ssh.get("proxycommand");
        assertThat(plan.proxyCommand()).isEqualTo(command == null || !plan.jumps().isEmpty() ? null
                : command.replace("%h", plan.hostName()).replace("%p", String.valueOf(plan.port()))
                        .replace("%r", plan.user()).replace("%n", alias));
    }

    private static List<String> lines(Map<String, String> ssh, String keyword) {
        String value = ssh.get(keyword);
        return value == null ? List.of() : List.of(value.split("\n"));
    }

    private static boolean yes(Map<String, String> ssh, String keyword) {
        return "yes".equals(ssh.get(keyword));
    }

    /** ssh -G prints IdentityFile before expanding its tokens; ssh expands them when it uses them. */
    private static String expand(String file, ConnectionPlan plan) {
        return file.replace("%d", System.getProperty("user.home")).replace("%u", System.getProperty("user.name"))
                .replace("%h", plan.hostName()).replace("%r", plan.user()).replace("%n", plan.alias())
                .replace("%p", String.valueOf(plan.port()));
    }

    private static Map<String, String> sshG(Path file, String alias) throws IOException {
        ExternalCommand.Result run;
        try {
            run = ExternalCommand.of("ssh", "-G", "-F", file.toString(), alias).timeout(Duration.ofSeconds(30)).run();
        } catch (IOException e) {
            assumeTrue(false, "OpenSSH's ssh client is not installed");
            throw e;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String home = System.getProperty("user.home");
        for (String line : run.stdout().split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                String value = line.substring(space + 1);
                value = value.startsWith("~/") ? home + value.substring(1) : value;
                settings.merge(line.substring(0, space), value, (a, b) -> a + "\n" + b);
            }
        }
        return settings;
    }
}
