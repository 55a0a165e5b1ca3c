package org.javamiko.internal.kex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.javamiko.testing.ExternalCommand;

/** Which of our key-exchange methods the installed OpenSSH implements. */
final class SshdKexMethods {
    private static final Path SSH = Path.of("/usr/bin/ssh");

    private SshdKexMethods() {
    }

    /**
     * @return the names from {@code ssh -Q kex} (the client and sshd come from the same OpenSSH
     *         release), or an empty list when ssh is not installed
     */
    static List<String> known() {
        if (!Files.isExecutable(SSH)) {
            return List.of();
        }
        try {
            String out = ExternalCommand.of(SSH.toString(), "-Q", "kex").run().requireSuccess().stdout();
            return Arrays.stream(out.split("\\s+")).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return our methods this sshd knows, in our order; never empty, sshd needs at least one */
    static List<String> ours() {
        List<String> known = known();
        List<String> ours = KexMethods.supported().stream().filter(known::contains).toList();
        return ours.isEmpty() ? KexMethods.defaultOrder() : ours;
    }
}
