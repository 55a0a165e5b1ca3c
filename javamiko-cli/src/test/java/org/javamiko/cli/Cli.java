package org.javamiko.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.javamiko.testing.OpenSshServer;

/** Runs {@code javamiko} in this JVM with captured streams, and writes the files a test connects with. */
final class Cli {
    private Cli() {
    }

    /** What one run printed and returned. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    static Result run(String... args) {
        return runWithInput(null, args);
    }

    /** @param stdin piped to the command (stdin then is not a terminal); null: a terminal with nothing typed */
    static Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] in = stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8);
        Io io = new Io(new ByteArrayInputStream(in), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stdin == null, false, Map.of("TERM", "xterm"));
        int status = Main.run(io, args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * An ssh_config naming the server {@code target} (and {@code target2}): its port, our user, the
     * client's Ed25519 key only, no agent, a known_hosts pinning its keys, StrictHostKeyChecking yes.
     */
    static Path config(OpenSshServer sshd, Path dir) {
        try {
            Path knownHosts = sshd.writeKnownHosts(dir.resolve("known_hosts"));
            Path config = dir.resolve("ssh_config");
            Files.write(config, List.of(
                    "Host target target2",
                    "  HostName " + sshd.host(),
                    "  Port " + sshd.port(),
                    "  User " + sshd.user(),
                    "  IdentityFile " + sshd.clientKeys().ed25519(),
                    "  IdentitiesOnly yes",
                    "  IdentityAgent none",
                    "  UserKnownHostsFile " + knownHosts,
                    "  GlobalKnownHostsFile none",
                    "  StrictHostKeyChecking yes"));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code java -cp <this test's class path> org.javamiko.cli.Main ARGS}, quoted for sh: the
     * command as a process of its own, for tests that run it on a terminal.
     */
    static String processCommand(String... args) {
        List<String> words = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        words.addAll(List.of(args));
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            s.append(s.length() == 0 ? "" : " ").append("'").append(w.replace("'", "'\\''")).append("'");
        }
        return s.toString();
    }
}
