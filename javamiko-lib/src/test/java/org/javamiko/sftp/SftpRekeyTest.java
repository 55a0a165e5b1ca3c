package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 256 MiB SFTP round trip over our SSH transport to OpenSSH's sshd while keys are renewed every
 * megabyte, by the server ({@code RekeyLimit 1M}) and by us ({@link org.javamiko.transport.Transport#setRekeyLimits}),
 * so that key exchanges started by either side, and both at once, run under a full window of data.
 * The data is generated and hashed on the fly: only the server's copy touches the disk.
 */
class SftpRekeyTest {
    private static final long SIZE = 256L << 20;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("RekeyLimit", "1M").build();

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void roundTrip256MiBAcrossForcedRekeysKeepsTheContent() throws Exception {
        String remote = dir.resolve("big.bin").toString();
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long kexBefore = serverKeyExchanges();
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys(sshd.writeKnownHosts(dir.resolve("known_hosts")));
            client.connect(sshd.host(), ConnectOptions.builder().port(sshd.port()).username(sshd.user())
                    .keyFilename(KeySet.clientKeys().ed25519()).lookForKeys(false).allowAgent(false).build());
            client.getTransport().setRekeyLimits(1L << 20, Duration.ofHours(1));
            try (SftpClient sftp = client.openSftp()) {
                try (InputStream in = new DigestInputStream(new PseudoRandomStream(SIZE, 256), sent)) {
                    assertThat(sftp.putfo(in, remote, SIZE, null, true).getSize()).isEqualTo(SIZE);
                }
                try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), received)) {
                    assertThat(sftp.getfo(remote, out, null)).isEqualTo(SIZE);
                }
            }
        }
        assertThat(received.digest()).isEqualTo(sent.digest());
        assertThat(Files.size(Path.of(remote))).isEqualTo(SIZE);
        // 512 MiB crossed the connection: hundreds of key exchanges, not a handful
        assertThat(serverKeyExchanges() - kexBefore).isGreaterThan(200);
    }

    /** Completed key exchanges in the sshd log (DEBUG3 notes each NEWKEYS it receives). */
    private static long serverKeyExchanges() {
        Matcher m = Pattern.compile("SSH2_MSG_NEWKEYS received").matcher(sshd.log());
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** {@code size} reproducible pseudo-random bytes, made as they are read. */
    private static final class PseudoRandomStream extends InputStream {
        private final SplittableRandom random;
        private long left;

        PseudoRandomStream(long size, long seed) {
            this.random = new SplittableRandom(seed);
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long v = random.nextLong();
                for (int k = 0; k < 8; k++) {
                    b[off + i + k] = (byte) (v >>> (8 * k));
                }
            }
            if (i < n) {
                long v = random.nextLong();
                for (; i < n; i++) {
                    b[off + i] = (byte) v;
                    v >>>= 8;
                }
            }
            left -= n;
            return n;
        }
    }
}
