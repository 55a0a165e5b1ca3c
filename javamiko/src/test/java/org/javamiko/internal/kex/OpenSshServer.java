package org.javamiko.internal.kex;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private OpenSSH sshd on 127.0.0.1 for the key-exchange tests: its own config and ECDSA host
 * key in a temp dir, run in the foreground so the test owns the process. Kept minimal and local
 * to this package; the shared fixture of the test suite may replace it.
 */
final class OpenSshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH = Path.of("/usr/bin/ssh");

    private final Path dir;
    private final Process process;
    private final int port;

    private OpenSshServer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** @return whether sshd and ssh-keygen are installed */
    static boolean isInstalled() {
        return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
    }

    /**
     * @return the key-exchange methods this OpenSSH knows, from {@code ssh -Q kex} (same package
     *         version as sshd), or an empty list when the client is not installed
     */
    static List<String> knownKexMethods() throws IOException, InterruptedException {
        if (!Files.isExecutable(SSH)) {
            return List.of();
        }
        Process q = new ProcessBuilder(SSH.toString(), "-Q", "kex").redirectErrorStream(true).start();
        String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!q.waitFor(10, TimeUnit.SECONDS) || q.exitValue() != 0) {
            return List.of();
        }
        return Arrays.stream(out.split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Starts sshd and waits until it sends its banner.
     *
     * @param kexAlgorithms the methods it may negotiate (all must be known to it)
     */
    static OpenSshServer start(List<String> kexAlgorithms) throws IOException, InterruptedException {
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory
        Path dir = Files.createTempDirectory("javamiko-kex-sshd");
        Path hostKey = dir.resolve("host_ecdsa");
        run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", hostKey.toString());
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "HostKey " + hostKey,
                "HostKeyAlgorithms " + PlainKexClient.HOST_KEY_ALGORITHM,
                "KexAlgorithms " + String.join(",", kexAlgorithms),
                "ListenAddress 127.0.0.1",
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "StrictModes no",
                "LogLevel DEBUG3",
                ""));
        int port = freePort();
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString(), "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        OpenSshServer server = new OpenSshServer(dir, process, port);
        try {
            server.awaitBanner();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** @return the port sshd listens on, on 127.0.0.1 */
    int port() {
        return port;
    }

    /** @return sshd's log so far, for a failure message */
    String log() throws IOException {
        Path log = dir.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    private void awaitBanner() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] head = in.readNBytes(4);
                if (Arrays.equals(head, "SSH-".getBytes(StandardCharsets.US_ASCII))) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(50); // bounded wait for a process we just started; no event to wait on
        }
        throw new IOException("sshd did not answer within 15 s:\n" + log(), last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
