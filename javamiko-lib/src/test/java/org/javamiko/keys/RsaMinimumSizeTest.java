package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.TimeUnit;

import org.javamiko.AutoAddPolicy;
import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSA keys under 1024 bits are refused wherever they come from, as OpenSSH does. */
class RsaMinimumSizeTest {
    @TempDir
    Path dir;

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static byte[] publicBlob(RSAPublicKey key) {
        return new SshBuffer(key.getModulus().bitLength() / 8 + 64).putString("ssh-rsa")
                .putMpint(key.getPublicExponent()).putMpint(key.getModulus()).toByteArray();
    }

    @Test
    void aHostKeyUnder1024BitsEndsTheConnectionWithAClearMessage() throws Exception {
        try (MinaServer server = MinaServer.builder().hostKeys(rsa(768)).start();
             SshClient client = new SshClient()) {
            client.setMissingHostKeyPolicy(new AutoAddPolicy());
            assertThatThrownBy(() -> client.connect(server.host(), Connect.withKey(server, KeySet.clientKeys().ed25519()).build()))
                    .isInstanceOf(SshException.class).hasStackTraceContaining("768 bits")
                    .hasStackTraceContaining("under the 1024");
        }
    }

    @Test
    void aUserKeyFileUnder1024BitsIsRefused() throws Exception {
        Path key = dir.resolve("id_rsa_768");
        Process openssl = new ProcessBuilder("openssl", "genrsa", "-traditional", "-out", key.toString(), "768")
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isZero();
        assertThatThrownBy(() -> PKey.fromPath(key)).isInstanceOf(SshException.class)
                .hasStackTraceContaining("768 bits");
    }

    @Test
    void aPublicKeyUnder1024BitsIsRefusedAsACaOrKnownHostsKeyWouldBe() throws Exception {
        byte[] blob = publicBlob((RSAPublicKey) rsa(768).getPublic());
        assertThatThrownBy(() -> PKey.fromBlob(blob)).isInstanceOf(SshException.class).hasMessageContaining("768 bits");
    }

    @Test
    void a1024BitKeyIsStillAccepted() throws Exception {
        RSAPublicKey pub = (RSAPublicKey) rsa(1024).getPublic();
        assertThat(PKey.fromBlob(publicBlob(pub)).getBits()).isEqualTo(1024);
    }
}
