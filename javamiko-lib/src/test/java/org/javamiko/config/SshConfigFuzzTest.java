package org.javamiko.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * ssh_config text, parsed and looked up. The documented refusals are an IOException, an
 * {@link IllegalArgumentException} naming the bad line or token (never a bare
 * NumberFormatException), and an {@link UncheckedIOException}; {@code Match exec} runs
 * /bin/false here, so no fuzzed command is ever executed.
 */
class SshConfigFuzzTest {
    /** One home for every input: a relative Include or IdentityFile resolves there. */
    @TempDir
    static Path home;

    private static final Fuzzing.Target PARSE_AND_LOOK_UP = bytes -> {
        LocalEnvironment local = new LocalEnvironment("alice", home,
                Map.of("HOME", home.toString(), "SHELL", "/bin/false"), name -> false);
        try {
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
        }
    };

    @FuzzTest
    void fuzz(byte[] config) {
        Fuzzing.check(PARSE_AND_LOOK_UP, config);
    }

    @Test
    void mutatedConfigsAreRefusedCleanly() {
        // fifty configs: fewer mutants of each keep the regular build quick
        Fuzzing.mutateAndCheck(PARSE_AND_LOOK_UP, Fuzzing.corpus(SshConfigFuzzTest.class), Fuzzing.ROUNDS / 6);
    }
}
