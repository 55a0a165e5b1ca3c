package org.javamiko.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.kex.KexMethods;
import org.javamiko.transport.Negotiated;
import org.junit.jupiter.api.Test;

/**
 * RFC 4462 §5 and RFC 4253 §7.1: the {@code null} host key algorithm goes only with a GSS-API key
 * exchange, and a method that needs a host key signature is not chosen when no signing host key
 * algorithm is shared. (Debian's sshd without host keys, the real peer for this, corrupts the
 * connection right after its NEWKEYS for OpenSSH's own client too, so the choice is checked here.)
 */
class NullHostKeyNegotiationTest {
    private static final String GSS = KexMethods.gssOrder().get(0);

    private static KexInit init(List<String> kex, List<String> hostKeys) {
        List<String> ciphers = List.of("aes128-ctr");
        List<String> macs = List.of("hmac-sha2-256");
        List<String> none = List.of("none");
        return new KexInit(kex, hostKeys, ciphers, ciphers, macs, macs, none, none, false);
    }

    @Test
    void aKeylessServerGetsTheGssMethodWithTheNullHostKey() throws SshException {
        Negotiated n = Negotiation.negotiate(init(List.of("curve25519-sha256", GSS), List.of("ssh-ed25519", "null")),
                init(List.of("curve25519-sha256", GSS), List.of("null")));
        assertEquals(GSS, n.kex());
        assertEquals("null", n.hostKeyAlgorithm());
    }

    @Test
    void aServerWithHostKeysGetsARealHostKeyAlgorithmEvenForGss() throws SshException {
        Negotiated n = Negotiation.negotiate(init(List.of(GSS), List.of("ssh-ed25519", "null")),
                init(List.of(GSS), List.of("ssh-ed25519", "null")));
        assertEquals("ssh-ed25519", n.hostKeyAlgorithm());
    }

    @Test
    void anOrdinaryMethodNeverTakesTheNullHostKey() {
        assertThrows(SshException.class, () -> Negotiation.negotiate(
                init(List.of("curve25519-sha256"), List.of("ssh-ed25519", "null")),
                init(List.of("curve25519-sha256"), List.of("null"))));
    }
}
