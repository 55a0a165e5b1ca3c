package org.javamiko.config;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.javamiko.testing.ExternalCommand;

/** OpenSSH's own answer: {@code ssh -G -F file host} prints every resolved setting, one per line. */
final class SshG {
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

    /** Writes text to a temporary file for ssh to read. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
