package org.javamiko.internal.hostkeys;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's {@code ssh-keygen}, run as the oracle for known_hosts files. Tests using it are
 * skipped (by {@code assumeTrue(SshKeygen.available())}) where it is not installed.
 */
public final class SshKeygen {
    private static final long TIMEOUT_SECONDS = 30;

    private SshKeygen() {
    }

    /** What a run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** @return true when {@code ssh-keygen} is on the PATH */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "ssh-keygen"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code ssh-keygen} with arguments, bounded in time.
     *
     * @param args the arguments
     * @return exit code and output
     */
    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("ssh-keygen");
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ssh-keygen", ".out");
        Path err = Files.createTempFile("ssh-keygen", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ssh-keygen " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Makes a fresh Ed25519 key pair with {@code ssh-keygen -t ed25519 -N ''}.
     *
     * @param dir where to write it
     * @param name the private key file's name; the public key goes to {@code name.pub}
     * @return the public key as {@code ssh-ed25519 AAAA…}, without comment
     */
    public static String newEd25519PublicKey(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Result result = run("-q", "-t", "ed25519", "-N", "", "-C", "", "-f", key.toString());
        if (result.exitCode() != 0) {
            throw new IOException("ssh-keygen could not make a key: " + result.stderr());
        }
        String[] fields = Files.readString(dir.resolve(name + ".pub")).trim().split(" ");
        return fields[0] + " " + fields[1];
    }
}
