package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Pins the lists a client offers when nobody configures anything, so that moving the algorithm
 * tables around can never change what goes on the wire unnoticed.
 */
class DefaultOfferTest {
    private final SecurityOptions options = new SecurityOptions();

    @Test
    void kexOfferStartsWithMlkemAndKeepsTodaysOrder() {
        assertThat(options.get(AlgorithmKind.KEX)).containsExactly(
                "mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org",
                "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
                "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512",
                "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");
    }

    @Test
    void hostKeyOfferKeepsTodaysOrder() {
        assertThat(options.get(AlgorithmKind.KEYS)).containsExactly(
                "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                "rsa-sha2-512", "rsa-sha2-256");
    }

    @Test
    void cipherOfferKeepsTodaysOrder() {
        assertThat(options.get(AlgorithmKind.CIPHERS)).containsExactly(
                "chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
                "aes128-ctr", "aes192-ctr", "aes256-ctr");
    }

    @Test
    void macOfferKeepsTodaysOrderWithoutSha1() {
        assertThat(options.get(AlgorithmKind.MACS)).containsExactly(
                "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256",
                "hmac-sha2-512");
    }

    @Test
    void compressionOfferIsNoneOnly() {
        assertThat(options.get(AlgorithmKind.COMPRESSION)).containsExactly("none");
    }

    @Test
    void pubkeyOfferMatchesTheHostKeyOffer() {
        assertThat(options.get(AlgorithmKind.PUBKEYS)).containsExactly(
                "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                "rsa-sha2-512", "rsa-sha2-256");
    }

    @Test
    void kindIsUsableByItsPublicName() {
        options.disable(AlgorithmKind.fromKey("ciphers"), List.of("aes128-ctr"));
        assertThat(options.get(AlgorithmKind.CIPHERS)).doesNotContain("aes128-ctr").contains("aes256-ctr");
    }
}
