package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.keys.PKey;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.javamiko.testing.SshKeygen;
import org.javamiko.testing.SshTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key exchange, cipher, MAC and host key algorithm we offer, negotiated alone against a
 * real OpenSSH sshd that accepts them all, with a command run over the result.
 */
class AlgorithmNegotiationTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder()
            .option("KexAlgorithms", "+diffie-hellman-group14-sha1")
            .option("MACs", "+hmac-sha1,hmac-sha1-etm@openssh.com")
            .option("HostKeyAlgorithms", "+ssh-rsa")
            .build();

    @TempDir
    static Path dir;

    static Stream<Arguments> algorithms() {
        Stream<Arguments> kex = Stream.of("curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256",
                "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
                "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256",
                "diffie-hellman-group14-sha1", "sntrup761x25519-sha512@openssh.com")
                .map(a -> Arguments.of("kex", a));
        Stream<Arguments> ciphers = Stream.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com",
                "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr")
                .map(a -> Arguments.of("ciphers", a));
        Stream<Arguments> macs = Stream.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
                "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1", "hmac-sha1-etm@openssh.com")
                .map(a -> Arguments.of("macs", a));
        Stream<Arguments> keys = Stream.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa")
                .map(a -> Arguments.of("keys", a));
        return Stream.of(kex, ciphers, macs, keys).flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("algorithms")
    void negotiatesAndRunsACommand(String kind, String algorithm) throws IOException {
        Map<String, List<String>> only = kind.equals("macs")
                ? Map.of("macs", List.of(algorithm), "ciphers", List.of("aes128-ctr"))
                : Map.of(kind, List.of(algorithm));
        try (SshClient client = trusting(sshd)) {
            client.connect(sshd.host(), options(sshd).preferredAlgorithms(only).build());

            assertThat(client.run("echo ok").stdout()).isEqualTo("ok\n");
            assertThat(chosen(client.getTransport().getNegotiated(), kind)).isEqualTo(algorithm);
        }
    }

    @Test
    void strictKeyExchangeIsAgreedWithOpenSsh() throws IOException {
        try (SshClient client = trusting(sshd)) {
            client.connect(sshd.host(), options(sshd).build());
            assertThat(client.run("true").exitStatus()).isZero();
        }
        assertThat(sshd.log()).contains("will use strict KEX ordering");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largerCurves")
    void ecdsaHostKeysOnLargerCurves(SshKeygen.KeyType type, String algorithm) throws IOException {
        Path hostKey = SshKeygen.generate(type, dir.resolve("host_" + algorithm), "host");
        try (OpenSshServer server = OpenSshServer.builder().option("HostKey", hostKey.toString())
                .option("HostKeyAlgorithms", algorithm).start();
             SshClient client = new SshClient()) {
            PKey key = PKey.fromPublicKeyLine(Files.readString(SshKeygen.publicKeyFile(hostKey)));
            client.getHostKeys().add("[" + server.host() + "]:" + server.port(), key.getName(), key);
            client.connect(server.host(), options(server).build());

            assertThat(client.getTransport().getNegotiated().hostKeyAlgorithm()).isEqualTo(algorithm);
            assertThat(client.getTransport().getRemoteServerKey()).isEqualTo(key);
        }
    }

    static Stream<Arguments> largerCurves() {
        return Stream.of(Arguments.of(SshKeygen.KeyType.ECDSA_384, "ecdsa-sha2-nistp384"),
                Arguments.of(SshKeygen.KeyType.ECDSA_521, "ecdsa-sha2-nistp521"));
    }

    private static SshClient trusting(SshTestServer server) {
        return Connect.trusting(server, dir);
    }

    private static ConnectOptions.Builder options(SshTestServer server) {
        return Connect.withKey(server, KeySet.clientKeys().ed25519());
    }

    private static String chosen(Negotiated n, String kind) {
        return switch (kind) {
            case "kex" -> n.kex();
            case "ciphers" -> n.cipherOut() + (n.cipherIn().equals(n.cipherOut()) ? "" : " / " + n.cipherIn());
            case "macs" -> n.macOut() + (n.macIn().equals(n.macOut()) ? "" : " / " + n.macIn());
            case "keys" -> n.hostKeyAlgorithm();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
