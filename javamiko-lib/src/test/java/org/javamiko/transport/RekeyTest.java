package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import org.javamiko.CommandResult;
import org.javamiko.ExecOptions;
import org.javamiko.ExecStreams;
import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key re-exchange while data flows, started by the server (its RekeyLimit) and by us: not a byte
 * lost or reordered, and channels that close during a re-exchange close cleanly.
 */
class RekeyTest {
    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("RekeyLimit", "1M").build();

    @TempDir
    Path dir;

    private SshClient connect() throws IOException {
        return Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
    }

    @Test
    void sixtyFourMegabytesDownloadedAcrossServerRekeysKeepTheirChecksum() throws Exception {
        try (SshClient client = connect();
             ExecStreams s = client.execCommand("{ head -c 67108864 /dev/urandom | tee /dev/fd/3 | sha256sum >&2; } 3>&1",
                     ExecOptions.builder().timeout(Duration.ofSeconds(120)).build())) {
            String local = sha256(s.stdout());
            String remote = new String(s.stderr().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(remote).startsWith(local);
            assertThat(s.channel().recvExitStatus(Duration.ofSeconds(30))).isZero();
        }
        assertThat(sshd.log()).contains("rekeying");
    }

    @Test
    void sixtyFourMegabytesUploadedAcrossOurOwnRekeysKeepTheirChecksum() throws Exception {
        try (SshClient client = connect()) {
            client.getTransport().setRekeyLimits(MIB, Duration.ofHours(1));
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[MIB];
            Random random = new Random(7);
            try (ExecStreams s = client.execCommand("sha256sum", ExecOptions.builder().timeout(Duration.ofSeconds(120)).build())) {
                OutputStream stdin = s.stdin();
                for (int i = 0; i < 64; i++) {
                    random.nextBytes(chunk);
                    sent.update(chunk);
                    stdin.write(chunk);
                }
                stdin.close();
                String remote = new String(s.stdout().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(remote).startsWith(HexFormat.of().formatHex(sent.digest()));
            }
        }
    }

    @Test
    void channelsClosingWhileKeysAreRenewedCloseCleanly() throws IOException {
        try (SshClient client = connect()) {
            client.getTransport().setRekeyLimits(64 * 1024, Duration.ofHours(1));
            ExecOptions bounded = ExecOptions.builder().timeout(Duration.ofSeconds(30)).build();
            for (int i = 0; i < 40; i++) {
                CommandResult r = client.run("head -c 200000 /dev/zero | tr '\\0' x; echo " + i, bounded);
                assertThat(r.stdout()).hasSize(200000 + Integer.toString(i).length() + 1).endsWith("x" + i + "\n");
                assertThat(r.exitStatus()).isZero();
            }
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
