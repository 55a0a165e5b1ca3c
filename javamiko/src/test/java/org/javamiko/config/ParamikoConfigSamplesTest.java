package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.javamiko.SshException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ssh_config sample of paramiko's test suite, looked up for a handful of host names, against
 * OpenSSH's own resolution ({@code ssh -G}) on this machine.
 *
 * <p>ssh -G prints every setting, defaults included; we return only what the file set. So each key
 * we return must have ssh's value, and each keyword the file mentions that we do not return must
 * have ssh's default value (what it prints for an empty configuration). Where ssh refuses a file,
 * we must refuse it too, except for unknown keywords, which paramiko and javamiko keep.
 */
class ParamikoConfigSamplesTest {
    static final Path DIR = locate();
    private static final List<String> HOSTS = List.of("www", "WWW", "www.paramiko.org", "target", "remote",
            "goof", "finally", "sub.www");
    private static final Pattern UNKNOWN_KEYWORD = Pattern.compile("Bad configuration option: (\\S+)");
    private static final Set<String> NOT_SETTINGS = Set.of("host", "match", "include");

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/testdata/paramiko-ssh-configs");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/testdata/paramiko-ssh-configs");
    }

    @BeforeAll
    static void needsSsh() {
        SshG.assumeInstalled();
    }

    static Stream<Arguments> samples() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.sorted().toList()) {
                if (!file.getFileName().toString().endsWith(".md")) {
                    HOSTS.forEach(host -> cases.add(Arguments.of(file.getFileName().toString(), host)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("samples")
    void resolvesLikeOpenSsh(String sample, String host) throws IOException {
        Path file = DIR.resolve(sample);
        SshG.Result ssh = SshG.resolve(file, host);
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
        if (!unknownToSsh.isEmpty()) {
            Path tolerant = Files.createTempFile("ssh-config-", ".conf");
            try {
                Files.writeString(tolerant, "IgnoreUnknown " + String.join(",", unknownToSsh) + "\n"
                        + Files.readString(file));
                ssh = SshG.resolve(tolerant, host);
            } finally {
                Files.delete(tolerant);
            }
        }
        assertThat(ssh.exitCode()).as(ssh.stderr()).isZero();

        SshConfigDict ours = SshConfig.fromPath(file).lookup(host);
        for (String key : ours.asMap().keySet()) {
            if (unknownToSsh.contains(key)) {
                continue;
            }
            assertThat(ssh.settings()).as("ssh -G does not print %s, which we return", key).containsKey(key);
            assertThat(normalized(key, ours.getList(key)))
                    .as("%s for %s", key, host)
                    .isEqualTo(normalized(key, sshValue(key, ssh.settings().get(key))));
        }
        SshG.Result defaults = SshG.resolve(Path.of("/dev/null"), host);
        for (String keyword : keywordsOf(file)) {
            if (!ours.containsKey(keyword) && !unknownToSsh.contains(keyword) && ssh.settings().containsKey(keyword)) {
                assertThat(ssh.settings().get(keyword))
                        .as("%s is set for %s by ssh but not by us", keyword, host)
                        .isEqualTo(defaults.settings().get(keyword));
            }
        }
    }

    /** ssh -G prints IdentityFile and CertificateFile before ~ is expanded; we expand it. */
    private static List<String> sshValue(String key, List<String> printed) {
        if (!SshConfigDict.MULTI_VALUED.contains(key)) {
            return List.of(String.join(" ", printed));
        }
        String home = System.getProperty("user.home");
        return printed.stream().map(v -> v.startsWith("~/") ? home + v.substring(1) : v).toList();
    }

    /** Case and yes/true, no/false are spelled differently by ssh -G; the meaning is what counts. */
    private static List<String> normalized(String key, List<String> values) {
        return values.stream().map(v -> {
            String lower = v.toLowerCase(Locale.ROOT);
            return lower.equals("true") ? "yes" : lower.equals("false") ? "no" : lower;
        }).toList();
    }

    private static Set<String> keywordsOf(Path file) throws IOException {
        Set<String> keywords = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String keyword = trimmed.split("[\\s=]", 2)[0].toLowerCase(Locale.ROOT);
                if (!NOT_SETTINGS.contains(keyword)) {
                    keywords.add(keyword);
                }
            }
        }
        return keywords;
    }
}
