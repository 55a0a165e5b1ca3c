package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshTestServer;
import org.javamiko.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP over our own SSH transport: {@link SftpClient#fromTransport} against OpenSSH's sshd
 * ({@code internal-sftp}) and MINA SSHD. Both serve the real file system, so paths are absolute.
 */
class SftpOverSshTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @RegisterExtension
    static final MinaServer mina = MinaServer.builder().build();

    @TempDir
    Path dir;

    private SshClient connect(SshTestServer server) throws IOException {
        SshClient client = new SshClient();
        client.loadSystemHostKeys(server.writeKnownHosts(Files.createTempFile(dir, "known_hosts", "")));
        client.connect(server.host(), ConnectOptions.builder().port(server.port()).username(server.user())
                .keyFilename(KeySet.clientKeys().ed25519()).lookForKeys(false).allowAgent(false).build());
        return client;
    }

    private void roundTrip64MiB(SshTestServer server) throws Exception {
        Path src = dir.resolve("src.bin");
        try (OutputStream out = Files.newOutputStream(src)) {
            Random r = new Random(42);
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                r.nextBytes(block);
                out.write(block);
            }
        }
        String remote = dir.resolve("remote.bin").toString();
        Path back = dir.resolve("back.bin");
        try (SshClient client = connect(server); SftpClient sftp = SftpClient.fromTransport(client.getTransport())) {
            assertThat(sftp.put(src, remote, null, true).getSize()).isEqualTo(64L << 20);
            List<Long> seen = new ArrayList<>();
            sftp.get(remote, back, (t, total) -> seen.add(t));
            assertThat(seen.get(seen.size() - 1)).isEqualTo(64L << 20);
        }
        assertThat(SftpClientContract.sha256(back)).isEqualTo(SftpClientContract.sha256(src));
    }

    @Test
    void roundTrip64MiBThroughOpenSshSshd() throws Exception {
        roundTrip64MiB(sshd);
    }

    @Test
    void roundTrip64MiBThroughMinaSshd() throws Exception {
        roundTrip64MiB(mina);
    }

    /**
     * Several threads share one client over one SSH channel: uploads, downloads, stats and
     * listings interleave on the wire, and each thread gets exactly its own answers.
     */
    private void concurrentUse(SshTestServer server) throws Exception {
        String base = dir.toRealPath().toString();
        int threads = 6;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SshClient client = connect(server); SftpClient sftp = client.openSftp()) {
            for (int t = 0; t < threads; t++) {
                int n = t;
                Thread w = new Thread(() -> {
                    try {
                        byte[] data = SftpClientContract.randomBytes(700_000 + n * 1001, n);
                        String mine = base + "/t" + n;
                        sftp.mkdir(mine, 0755);
                        for (int round = 0; round < 3; round++) {
                            String name = mine + "/f" + round;
                            sftp.putfo(new java.io.ByteArrayInputStream(data), name, data.length, null, true);
                            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                            sftp.getfo(name, out, null);
                            assertThat(out.toByteArray()).isEqualTo(data);
                            try (SftpFile f = sftp.open(name, "r")) {
                                byte[] part = new byte[100];
                                f.seek(1000 + n);
                                assertThat(f.read(part, 0, part.length)).isEqualTo(part.length);
                                assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(data, 1000 + n, 1100 + n));
                            }
                        }
                        assertThat(sftp.listdir(mine)).containsExactlyInAnyOrder("f0", "f1", "f2");
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join(120_000);
                assertThat(w.isAlive()).as("worker finished").isFalse();
            }
        }
        assertThat(failures).isEmpty();
        for (int t = 0; t < threads; t++) {
            byte[] expected = SftpClientContract.randomBytes(700_000 + t * 1001, t);
            assertThat(Files.readAllBytes(dir.resolve("t" + t + "/f2"))).isEqualTo(expected);
        }
    }

    @Test
    void concurrentUseFromSeveralThreadsThroughOpenSshSshd() throws Exception {
        concurrentUse(sshd);
    }

    @Test
    void concurrentUseFromSeveralThreadsThroughMinaSshd() throws Exception {
        concurrentUse(mina);
    }

    @Test
    void operationsAndErrorsThroughOpenSshSshdViaOpenSftp() throws Exception {
        try (SshClient client = connect(sshd); SftpClient sftp = client.openSftp()) {
            String d = dir.toRealPath().toString();
            sftp.mkdir(d + "/sub", 0755);
            sftp.symlink("sub", d + "/link");
            assertThat(sftp.listdir(d)).contains("sub", "link");
            assertThat(sftp.lstat(d + "/link").isSymlink()).isTrue();
            assertThat(sftp.normalize(d + "/sub/..")).isEqualTo(d);
            assertThatThrownBy(() -> sftp.stat(d + "/missing")).isInstanceOf(NoSuchFileException.class);
            assertThat(sftp.hasExtension("limits@openssh.com")).isTrue();
        }
    }

    @Test
    void overAnSshChannelNoThreadIsStartedForReplies() throws Exception {
        try (SshClient client = connect(mina)) {
            java.util.Set<Thread> before = SftpClientContract.readerThreads();
            try (SftpClient sftp = SftpClient.fromTransport(client.getTransport())) {
                assertThat(sftp.stat(dir.toString()).isDirectory()).isTrue();
                java.util.Set<Thread> started = SftpClientContract.readerThreads();
                started.removeAll(before);
                assertThat(started).isEmpty();
            }
        }
    }

    @Test
    void connectionLostMidDownloadFailsTheTransferAndLeavesNoFile() throws Exception {
        Path src = dir.resolve("big.bin");
        Files.write(src, SftpClientContract.randomBytes(32 << 20, 9));
        Path target = dir.resolve("copy.bin");
        try (SshClient client = connect(sshd); SftpClient sftp = SftpClient.fromTransport(client.getTransport())) {
            assertThatThrownBy(() -> sftp.get(src.toString(), target, (t, total) -> {
                if (t > (4 << 20)) {
                    // the per-connection sshd processes: our connection ends mid-transfer
                    ProcessHandle.of(sshd.pid()).orElseThrow().children().forEach(ProcessHandle::destroyForcibly);
                }
            })).isInstanceOf(IOException.class).hasMessageContaining("SFTP");
            assertThat(target).doesNotExist();
            assertThatThrownBy(() -> sftp.stat(src.toString())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void closingTheClientMidDownloadEndsItAndLeavesTheTransportUsable() throws Exception {
        Path src = dir.resolve("big2.bin");
        Files.write(src, SftpClientContract.randomBytes(32 << 20, 11));
        Path target = dir.resolve("copy2.bin");
        try (SshClient client = connect(sshd)) {
            SftpClient sftp = SftpClient.fromTransport(client.getTransport());
            // replies keep arriving on the reader thread while this thread closes the session
            assertThatThrownBy(() -> sftp.get(src.toString(), target, (t, total) -> {
                if (t > (4 << 20)) {
                    sftp.close();
                }
            })).isInstanceOf(IOException.class).hasMessageContaining("closed");
            assertThat(target).doesNotExist();
            assertThat(client.getTransport().isActive()).isTrue();
            try (SftpClient again = SftpClient.fromTransport(client.getTransport())) {
                assertThat(again.stat(src.toString()).getSize()).isEqualTo(32L << 20);
            }
        }
    }

    @Test
    void closingTheClientLeavesTheTransportUsable() throws Exception {
        try (SshClient client = connect(sshd)) {
            Transport transport = client.getTransport();
            java.util.Set<Thread> before = SftpClientContract.readerThreads();
            SftpClient first = SftpClient.fromTransport(transport);
            java.util.Set<Thread> started = SftpClientContract.readerThreads();
            started.removeAll(before);
            first.close();
            for (Thread reader : started) {
                reader.join(10_000);
                assertThat(reader.isAlive()).as("reader thread ended").isFalse();
            }
            assertThat(transport.isActive()).isTrue();
            try (SftpClient second = SftpClient.fromTransport(transport)) {
                assertThat(second.stat(dir.toString()).isDirectory()).isTrue();
            }
        }
    }
}
