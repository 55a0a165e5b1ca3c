package org.javamiko.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configurations put together at random (from a fixed seed, so every run is the same) out of Host
 * and Match blocks, Includes, patterns, tokens, quoting and the keywords with special rules, each compared with ssh -G
 * for a few host names. Catches combinations nobody thought to write a test for.
 */
class RandomConfigsAgainstSshTest {
    private static final int CONFIGS = 60;
    private static final List<String> HOSTS = List.of("a", "b.x", "B");
    private static final String[] PATTERNS = {"a", "b", "b.x", "*.x", "!b.x", "*", "?", "a*", "!a", "B"};
    private static final String[] CRITERIA = {"host a,b*", "!host *.x", "originalhost B", "user u1",
        "!user u2", "canonical", "!canonical", "final", "localuser root,!nobody", "exec true", "!exec true",
        "exec \"test %h = a\"", "host \"*\""};
    private static final String[] SETTINGS = {"User u1", "User u2", "Port 2201", "Port 2202",
        "HostName %h.x", "HostName real-%h", "IdentityFile /k/one", "IdentityFile ~/k/two", "CertificateFile /k/c",
        "SendEnv LANG LC_*", "SendEnv -LC_*", "CanonicalizeHostname yes", "CanonicalizeHostname always",
        "CanonicalizeHostname no", "CanonicalDomains invalid", "CanonicalizeMaxDots 0",
        "ProxyJump jump", "ProxyCommand nc %h %p", "ProxyCommand none", "ControlPath /tmp/%C-%h-%n",
        "Compression yes", "Compression=no", "ForwardAgent yes", "RemoteCommand echo %r@%h",
        "LocalForward 1234 localhost:22", "User = \"u3\"", "Port=2203", "IdentityFile \"/k/with space\" # c"};

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSsh() {
        SshG.assumeInstalled();
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, CONFIGS).boxed();
    }

    @ParameterizedTest(name = "random config #{0}")
    @MethodSource("seeds")
    void resolvesLikeOpenSsh(int seed) throws IOException {
        Random random = new Random(seed);
        Files.writeString(dir.resolve("inc-1.conf"), randomConfig(random, null));
        Files.writeString(dir.resolve("inc-2.conf"), randomConfig(random, null));
        Path file = dir.resolve("config-" + seed);
        Files.writeString(file, randomConfig(random, dir));
        for (String host : HOSTS) {
            SshG.assertResolvesLikeSsh(file, host);
        }
    }

    /** @param includeDir where inc-1.conf and inc-2.conf are, or null for no Include lines */
    private static String randomConfig(Random random, Path includeDir) {
        StringBuilder config = new StringBuilder();
        int lines = 4 + random.nextInt(14);
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(11);
            if (kind == 10 && includeDir != null) {
                config.append("  Include ").append(includeDir).append(random.nextBoolean() ? "/inc-*.conf\n" : "/inc-2.conf\n");
            } else if (kind == 0) {
                config.append("Host ").append(pick(random, PATTERNS));
                if (random.nextBoolean()) {
                    config.append(' ').append(pick(random, PATTERNS));
                }
                config.append('\n');
            } else if (kind == 1) {
                config.append("Match ").append(pick(random, CRITERIA));
                if (random.nextBoolean()) {
                    config.append(' ').append(pick(random, CRITERIA));
                }
                config.append('\n');
            } else {
                config.append("  ").append(pick(random, SETTINGS)).append('\n');
            }
        }
        return config.toString();
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
