package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.javamiko.SshException;
import org.javamiko.testing.ExternalCommand;

/** OpenSSH's own answer: {@code ssh -G -F file host} prints every resolved setting, one per line. */
final class SshG {
    private static final Pattern UNKNOWN_KEYWORD = Pattern.compile("Bad configuration option: (\\S+)");
    /**
     * Printed by ssh -G but not settings of the file: the Host argument, IgnoreUnknown (added by
     * {@link #resolveIgnoring}) and UpdateHostKeys (ssh's default depends on UserKnownHostsFile).
     */
    private static final Set<String> NOT_SETTINGS = Set.of("host", "ignoreunknown", "updatehostkeys");
    /** Keywords ssh -G prints before expanding ~ (ssh expands them when it uses them). */
    private static final Set<String> TILDE_LATER = Set.of("identityfile", "certificatefile", "revokedhostkeys");

    private SshG() {
    }

    /** Skips the calling test when OpenSSH's client is not installed. */
    static void assumeInstalled() {
        boolean installed;
        try {
            installed = ExternalCommand.of("ssh", "-V").timeout(Duration.ofSeconds(20)).run().exitCode() == 0;
        } catch (IOException e) {
            installed = false;
        }
        assumeTrue(installed, "OpenSSH's ssh client is not installed");
    }

    /** ssh -G's verdict: exit code, settings (each keyword with all the lines it printed), errors. */
    record Result(int exitCode, Map<String, List<String>> settings, String stderr) {
    }

    static Result resolve(Path config, String host) throws IOException {
        ExternalCommand.Result run = ExternalCommand.of("ssh", "-G", "-F", config.toString(), host)
                .timeout(Duration.ofSeconds(30)).run();
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (String line : run.stdout().split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                settings.computeIfAbsent(line.substring(0, space).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(space + 1));
            }
        }
        return new Result(run.exitCode(), settings, run.stderr());
    }

    /**
     * Looks {@code host} up in {@code file} with SshConfig and with ssh -G, and requires the same
     * answer.
     *
     * <p>ssh -G prints every setting, defaults included; we return only what the file set. So each key
     * we return must have ssh's value, and every setting ssh prints that we do not return must
     * have ssh's default value (what it prints for an empty configuration). Where ssh refuses a file,
     * we must refuse it too, except for unknown keywords, which paramiko and javamiko keep (ssh is
     * then asked again with IgnoreUnknown for them).
     */
    static void assertResolvesLikeSsh(Path file, String host) throws IOException {
        Result ssh = resolve(file, host);
        Set<String> unknownToSsh = new TreeSet<>();
        Matcher unknown = UNKNOWN_KEYWORD.matcher(ssh.stderr());
        while (unknown.find()) {
            unknownToSsh.add(unknown.group(1).toLowerCase(Locale.ROOT));
        }
        if (ssh.exitCode() != 0 && unknownToSsh.isEmpty()) {
            assertThatThrownBy(() -> SshConfig.fromPath(file).lookup(host))
                    .as("ssh refused it: %s", ssh.stderr())
                    .isInstanceOfAny(SshException.class, UncheckedIOException.class);
            return;
        }
        Result tolerant = unknownToSsh.isEmpty() ? ssh : resolveIgnoring(file, host, unknownToSsh);
        assertThat(tolerant.exitCode()).as(tolerant.stderr()).isZero();

        SshConfigDict ours = SshConfig.fromPath(file).lookup(host);
        for (String key : ours.asMap().keySet()) {
            if (unknownToSsh.contains(key)) {
                continue;
            }
            if (ours.get(key).equalsIgnoreCase("none") && !tolerant.settings().containsKey(key)) {
                continue; // ssh -G leaves out some keywords set to none (ControlPath, for one)
            }
            assertThat(tolerant.settings()).as("ssh -G does not print %s, which we return", key).containsKey(key);
            assertThat(normalized(ours.getList(key)))
                    .as("%s for %s", key, host)
                    .isEqualTo(normalized(sshValue(key, tolerant.settings().get(key), ours, host)));
        }
        Result defaults = resolve(Path.of("/dev/null"), host);
        for (Map.Entry<String, List<String>> printed : tolerant.settings().entrySet()) {
            String key = printed.getKey();
            if (!ours.containsKey(key) && !NOT_SETTINGS.contains(key)) {
                assertThat(printed.getValue())
                        .as("ssh sets %s for %s but we do not", key, host)
                        .isEqualTo(defaults.settings().get(key));
            }
        }
    }

    private static Result resolveIgnoring(Path file, String host, Set<String> unknown) throws IOException {
        Path copy = Files.createTempFile("ssh-config-", ".conf");
        try {
            Files.writeString(copy, "IgnoreUnknown " + String.join(",", unknown) + "\n" + Files.readString(file));
            return resolve(copy, host);
        } finally {
            Files.delete(copy);
        }
    }

    /**
     * What ssh -G printed, in the form we return it: with ~ expanded where ssh expands it only when
     * it uses the value, with the proxy tokens expanded (proxyCommandTokensAreThoseSshRuns checks those
     * against the command ssh really runs), and forwarding addresses without the brackets ssh adds.
     */
    private static List<String> sshValue(String key, List<String> printed, SshConfigDict ours, String host) {
        String home = System.getProperty("user.home");
        List<String> values = printed;
        if (TILDE_LATER.contains(key)) {
            values = values.stream().map(v -> v.startsWith("~/") ? home + v.substring(1) : v).toList();
        } else if (TokenExpander.PROXY_KEYWORDS.contains(key)) {
            Map<Character, Supplier<String>> tokens = Map.of('h', () -> ours.get("hostname"), 'n', () -> host,
                    'p', () -> ours.getOrDefault("port", "22"),
                    'r', () -> ours.getOrDefault("user", System.getProperty("user.name")));
            values = values.stream().map(v -> TokenExpander.percent(v, tokens, key)).toList();
        } else if (key.endsWith("forward")) {
            values = values.stream().map(v -> v.replace("[", "").replace("]", "")).toList();
        }
        return SshConfigDict.MULTI_VALUED.contains(key) ? values : List.of(String.join(" ", values));
    }

    /** ssh -G prints yes as "true" for some keywords and no as "false"; the meaning is what counts. */
    private static List<String> normalized(List<String> values) {
        return values.stream().map(v -> {
            String lower = v.toLowerCase(Locale.ROOT);
            return lower.equals("true") || lower.equals("yes") ? "yes"
                    : lower.equals("false") || lower.equals("no") ? "no" : v;
        }).toList();
    }
}
