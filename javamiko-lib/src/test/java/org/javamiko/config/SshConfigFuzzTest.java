package org.javamiko.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * ssh_config text, parsed and looked up. The documented refusals are an IOException, an
 * {@link IllegalArgumentException} naming the bad line or token (never a bare
 * NumberFormatException), and an {@link UncheckedIOException}; {@code Match exec} runs
 * /bin/false here, so no fuzzed command is ever executed.
 */
class SshConfigFuzzTest {
    private static final Fuzzing.Target PARSE_AND_LOOK_UP = bytes -> {
        Path home = Files.createTempDirectory("fuzz-home");
        try {
            LocalEnvironment local = new LocalEnvironment("alice", home,
                    Map.of("HOME", home.toString(), "SHELL", "/bin/false"), name -> false);
            Path file = Files.write(home.resolve("config"), bytes);
            SshConfig config = SshConfig.fromPath(file, local);
            for (String host : new String[] {"example.com", "web1", "*", "host.example.org"}) {
                config.lookup(host);
            }
            config.getHostnames();
        } catch (NumberFormatException e) {
            throw e;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IOException("refused: " + e.getMessage(), e);
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    };

    @FuzzTest
    void fuzz(byte[] config) {
        Fuzzing.check(PARSE_AND_LOOK_UP, config);
    }

    @Test
    void mutatedConfigsAreRefusedCleanly() {
        Fuzzing.mutateAndCheck(PARSE_AND_LOOK_UP, Fuzzing.corpus(SshConfigFuzzTest.class));
    }
}
