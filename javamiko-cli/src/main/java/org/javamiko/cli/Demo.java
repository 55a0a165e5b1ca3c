package org.javamiko.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import org.javamiko.AutoAddPolicy;
import org.javamiko.CommandResult;
import org.javamiko.ConnectOptions;
import org.javamiko.ExecStreams;
import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;

/**
 * Walks through what a paramiko user does first, against an embedded server: an unknown host is
 * refused, trust on first use saves its key, a reconnect is checked against it, then commands.
 */
final class Demo {
    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("javamiko-demo");
        Path knownHosts = work.resolve("known_hosts");
        try (EmbeddedServer server = new EmbeddedServer()) {
            out.printf("Embedded SSH server (Apache MINA SSHD) listening on 127.0.0.1:%d%n%n", server.port());
            ConnectOptions options = ConnectOptions.builder().port(server.port()).username(EmbeddedServer.USER)
                    .password(EmbeddedServer.PASSWORD).lookForKeys(false).allowAgent(false)
                    .timeout(Duration.ofSeconds(10)).build();

            step("1. Connect with the default RejectPolicy: the host is unknown, so it is refused");
            try (SshClient client = new SshClient()) {
                client.connect("127.0.0.1", options);
                out.println("   connected?! (this should not happen)");
            } catch (SshException e) {
                out.println("   refused: " + e.getMessage());
            }

            step("2. Trust on first use with AutoAddPolicy; the key is saved to " + knownHosts);
            try (SshClient client = new SshClient()) {
                client.loadHostKeys(knownHosts);
                client.setMissingHostKeyPolicy(new AutoAddPolicy());
                client.connect("127.0.0.1", options);
                out.println("   known_hosts now holds: " + Files.readString(knownHosts).strip());
            }

            step("3. Reconnect with RejectPolicy: the saved key matches, so it connects");
            try (SshClient client = new SshClient()) {
                client.loadHostKeys(knownHosts);
                client.connect("127.0.0.1", options);
                var negotiated = client.getTransport().getNegotiated();
                out.printf("   connected: kex %s, host key %s, cipher %s%n", negotiated.kex(),
                        negotiated.hostKeyAlgorithm(), negotiated.cipherOut());
                out.println("   server key " + client.getTransport().getRemoteServerKey().fingerprint());
                commands(client);
            }
        } finally {
            Files.deleteIfExists(knownHosts);
            Files.deleteIfExists(work);
        }
    }

    private void commands(SshClient client) throws IOException {
        step("4. run(): a command to its end, stdout and stderr apart, with its exit status");
        CommandResult r = client.run("echo hello from $(uname -s); echo 'this goes to stderr' >&2; exit 3");
        out.printf("   stdout: %s%n   stderr: %s%n   exit status: %d%n", r.stdout().strip(), r.stderr().strip(),
                r.exitStatus());

        step("5. execCommand(): streams, as paramiko's exec_command; stdin piped to the command");
        try (ExecStreams s = client.execCommand("tr a-z A-Z")) {
            s.stdin().write("piped through tr\n".getBytes(StandardCharsets.UTF_8));
            s.stdin().close();
            out.print("   " + new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8));
            out.println("   exit status " + s.channel().recvExitStatus(Duration.ofSeconds(10)));
        }
        sftp(client);
        out.println();
        out.println("Done.");
    }

    private void sftp(SshClient client) throws IOException {
        step("6. SFTP: upload and download 8 MiB with a progress bar, then compare checksums");
        Path local = Files.createTempFile("javamiko-demo", ".bin");
        Path back = Files.createTempFile("javamiko-demo", ".back");
        String remote = local.getParent().resolve(local.getFileName() + ".remote").toString();
        try (SftpClient sftp = client.openSftp()) {
            byte[] data = new byte[8 * 1024 * 1024];
            new SecureRandom().nextBytes(data);
            Files.write(local, data);
            SftpAttributes sent = sftp.put(local, remote, new ProgressBar(out, "   put"), true);
            sftp.get(remote, back, new ProgressBar(out, "   get"));
            out.printf("   remote size %d bytes; SHA-256 equal after the round trip: %s%n", sent.getSize(),
                    sha256(local).equals(sha256(back)));
            sftp.remove(remote);
        } finally {
            Files.deleteIfExists(local);
            Files.deleteIfExists(back);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void step(String text) {
        out.println();
        out.println(text);
    }
}
