package org.javamiko.internal.session;

import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.cipher.CipherFactory;
import org.javamiko.internal.cipher.MacFactory;
import org.javamiko.internal.cipher.Macs;
import org.javamiko.internal.kex.KexMethods;
import org.javamiko.transport.Negotiated;

/**
 * Picks each algorithm as RFC 4253 §7.1 says: the first one on the client's list that the
 * server also lists.
 */
final class Negotiation {
    static final String AEAD_MAC = "<implicit>";
    /** RFC 4462 §5: no host key; only a GSS-API key exchange, which authenticates the server itself, may use it. */
    static final String NULL_HOST_KEY = "null";

    private Negotiation() {
    }

    static Negotiated negotiate(KexInit client, KexInit server) throws SshException {
        List<String> signingKeys = client.hostKeys().stream().filter(n -> !n.equals(NULL_HOST_KEY)).toList();
        boolean canSign = signingKeys.stream().anyMatch(server.hostKeys()::contains);
        // RFC 4253 §7.1: a method that needs a host key signature is chosen only when a signing host key algorithm is shared.
        List<String> kexCandidates = withoutPseudo(client.kex()).stream().filter(n -> canSign || KexMethods.isGss(n)).toList();
        String kex = pick("key exchange", kexCandidates.isEmpty() ? withoutPseudo(client.kex()) : kexCandidates,
                server.kex());
        String hostKey = pick("host key", KexMethods.isGss(kex) ? client.hostKeys() : signingKeys, server.hostKeys());
        String cipherOut = pick("cipher (client to server)", client.ciphersC2s(), server.ciphersC2s());
        String cipherIn = pick("cipher (server to client)", client.ciphersS2c(), server.ciphersS2c());
        String macOut = isAead(cipherOut) ? AEAD_MAC : pick("MAC (client to server)", client.macsC2s(), server.macsC2s());
        String macIn = isAead(cipherIn) ? AEAD_MAC : pick("MAC (server to client)", client.macsS2c(), server.macsS2c());
        String zOut = pick("compression (client to server)", client.compressionC2s(), server.compressionC2s());
        String zIn = pick("compression (server to client)", client.compressionS2c(), server.compressionS2c());
        return new Negotiated(kex, hostKey, cipherOut, cipherIn, macOut, macIn, zOut, zIn);
    }

    static boolean isAead(String cipher) {
        return Ciphers.byName(cipher).map(CipherFactory::isAead).orElse(false);
    }

    static CipherFactory cipher(String name) throws SshException {
        return Ciphers.byName(name).orElseThrow(() -> new SshException("Unknown cipher " + name));
    }

    static MacFactory mac(String name) throws SshException {
        return AEAD_MAC.equals(name) ? null : Macs.byName(name).orElseThrow(() -> new SshException("Unknown MAC " + name));
    }

    private static List<String> withoutPseudo(List<String> kex) {
        return kex.stream().filter(n -> !Pseudo.isPseudo(n)).toList();
    }

    private static String pick(String what, List<String> ours, List<String> theirs) throws SshException {
        for (String n : ours) {
            if (theirs.contains(n)) {
                return n;
            }
        }
        throw new SshException("No matching " + what + " algorithm: we offer " + String.join(",", ours)
                + "; the server offers " + String.join(",", theirs));
    }
}
