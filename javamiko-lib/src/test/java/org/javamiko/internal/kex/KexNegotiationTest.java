package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each method negotiated alone by the real client, end to end (keys derived, NEWKEYS, login, a
 * command), against MINA SSHD and OpenSSH sshd. The transport's AlgorithmNegotiationTest covers
 * OpenSSH's default methods too; this class covers every method we implement, aliases included.
 */
class KexNegotiationTest {
    private static final List<String> KNOWN_TO_SSHD = SshdKexMethods.known();

    @RegisterExtension
    static final MinaServer mina = MinaServer.builder()
            .kexAlgorithms(KexMethods.supported().toArray(String[]::new))
            .build();

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder()
            .option("KexAlgorithms", String.join(",", SshdKexMethods.ours()))
            .build();

    @TempDir
    static Path dir;

    static List<String> methods() {
        return KexMethods.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void negotiatesWithMina(String method) throws IOException {
        assertRunsACommandWith(mina, method);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void negotiatesWithOpenSsh(String method) throws IOException {
        assumeTrue(KNOWN_TO_SSHD.contains(method), "this sshd does not implement " + method);
        assertRunsACommandWith(sshd, method);
    }

    private static void assertRunsACommandWith(SshTestServer server, String method) throws IOException {
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys(server.writeKnownHosts(Files.createTempFile(dir, "known_hosts", "")));
            client.connect(server.host(), ConnectOptions.builder().port(server.port()).username(server.user())
                    .keyFilename(KeySet.clientKeys().ed25519()).lookForKeys(false).allowAgent(false)
                    .preferredAlgorithms(Map.of("kex", List.of(method))).build());

            assertThat(client.getTransport().getNegotiated().kex()).isEqualTo(method);
            assertThat(client.run("echo ok").stdout()).isEqualTo("ok\n");
        }
    }
}
