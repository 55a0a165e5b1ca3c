package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.compression.BuiltinCompressions;
import org.javamiko.ConnectOptions;
import org.javamiko.ExecStreams;
import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** zlib@openssh.com and zlib, both directions and across rekeys, against OpenSSH's sshd and MINA SSHD. */
class CompressionTest {
    private static final int LINES = 600_000;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().option("Compression", "yes")
            .option("RekeyLimit", "1M").build();

    @RegisterExtension
    static final MinaServer mina = MinaServer.builder().configure(server -> server.setCompressionFactories(
            List.of(BuiltinCompressions.delayedZlib, BuiltinCompressions.zlib, BuiltinCompressions.none))).build();

    @TempDir
    static Path dir;

    private static ConnectOptions.Builder compressed(OpenSshServer server) {
        return Connect.withKey(server, KeySet.clientKeys().ed25519()).compress(true);
    }

    @Test
    void compressTrueNegotiatesDelayedZlibWithSshd() throws IOException {
        try (SshClient client = Connect.trusting(sshd, dir)) {
            client.connect(sshd.host(), compressed(sshd).build());
            assertThat(client.getTransport().getNegotiated().compressionOut()).isEqualTo("zlib@openssh.com");
            assertThat(client.getTransport().getNegotiated().compressionIn()).isEqualTo("zlib@openssh.com");
            assertThat(client.run("echo compressed").stdout()).isEqualTo("compressed\n");
        }
    }

    @Test
    void severalMebibytesBothWaysSurviveTheServersRekeys() throws Exception {
        try (SshClient client = Connect.trusting(sshd, dir)) {
            client.connect(sshd.host(), compressed(sshd).build());
            assertUploadAndDownloadArrive(client);
        }
    }

    @Test
    void anExplicitCompressionListWinsOverCompressTrue() throws IOException {
        try (SshClient client = Connect.trusting(sshd, dir)) {
            client.connect(sshd.host(), compressed(sshd).preferredAlgorithms(Map.of("compression", List.of("none"))).build());
            assertThat(client.getTransport().getNegotiated().compressionOut()).isEqualTo("none");
        }
    }

    @Test
    void withoutCompressTrueNothingIsCompressed() throws IOException {
        try (SshClient client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519())) {
            assertThat(client.getTransport().getNegotiated().compressionOut()).isEqualTo("none");
        }
    }

    @Test
    void minaSshdSpeaksBothZlibMethodsAcrossOurRekeys() throws Exception {
        for (String method : List.of("zlib@openssh.com", "zlib")) {
            try (SshClient client = Connect.trusting(mina, dir)) {
                client.connect(mina.host(), ConnectOptions.builder().port(mina.port()).username(mina.user())
                        .password(mina.password()).lookForKeys(false).allowAgent(false)
                        .preferredAlgorithms(Map.of("compression", List.of(method))).build());
                assertThat(client.getTransport().getNegotiated().compressionIn()).isEqualTo(method);
                client.getTransport().setRekeyLimits(1024 * 1024, java.time.Duration.ofHours(1));
                assertUploadAndDownloadArrive(client);
            }
        }
    }

    /** seq's output one way (compressible, several MiB), its SHA-256 computed by the server the other way. */
    private static void assertUploadAndDownloadArrive(SshClient client) throws Exception {
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            expected.append(i).append('\n');
        }
        byte[] lines = expected.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(client.run("seq 1 " + LINES).stdout()).isEqualTo(expected.toString());
        ExecStreams exec = client.execCommand("sha256sum");
        try (OutputStream in = exec.stdin()) {
            in.write(lines);
        }
        String answer = new String(exec.stdout().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(answer.split(" ")[0]).isEqualTo(sha256(lines));
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
