package org.javamiko.keys;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSH's ssh-keygen as the oracle; tests skip (not fail) where it is not installed. */
final class SshKeygen {
    private SshKeygen() {
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/ssh-keygen")) || onPath("ssh-keygen");
    }

    static void assumeAvailable() {
        assumeTrue(available(), "ssh-keygen is not installed");
    }

    static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command with the given stdin, bounded to 60 seconds. */
    static Result run(byte[] stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("keygen", ".out");
        Path err = Files.createTempFile("keygen", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result keygen(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("ssh-keygen");
        cmd.addAll(List.of(args));
        return run(null, cmd.toArray(String[]::new));
    }

    /** Runs ssh-keygen and fails with its stderr when it exits non-zero. */
    static String keygenOk(String... args) throws IOException, InterruptedException {
        Result r = keygen(args);
        if (r.exit() != 0) {
            throw new IOException("ssh-keygen " + String.join(" ", args) + " exited " + r.exit() + ": " + r.stderr());
        }
        return r.stdout();
    }

    /** @return the {@code SHA256:…} fingerprint ssh-keygen -lf reports */
    static String fingerprint(Path file) throws IOException, InterruptedException {
        return keygenOk("-l", "-E", "sha256", "-f", file.toString()).split("\\s+")[1];
    }
}
