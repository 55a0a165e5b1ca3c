package org.javamiko.internal.kex;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Supplier;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The hybrid post-quantum methods as OpenSSH specifies them: {@code sntrup761x25519-sha512}
 * (OpenSSH 8.5+) and {@code mlkem768x25519-sha256} (OpenSSH 9.9+,
 * draft-kampanakis-curdle-ssh-pq-ke).
 *
 * <ul>
 * <li>The client sends one string: the KEM public key, then its X25519 public value.</li>
 * <li>The server answers with one string: the KEM ciphertext, then its X25519 public value.</li>
 * <li>K is {@code HASH(kem_secret || x25519_secret)} encoded as a <em>string</em>, not an mpint,
 *     with the raw 32-byte X25519 output.</li>
 * </ul>
 */
final class HybridKemKex extends SingleRoundKex {
    private final Supplier<KemKeyPair> kemFactory;
    private KemKeyPair kem;
    private X25519KeyPair x25519;

    /**
     * @param kemFactory makes a fresh KEM key pair
     * @param hashAlgorithm the method's JCA hash name
     */
    HybridKemKex(Supplier<KemKeyPair> kemFactory, String hashAlgorithm) {
        super(hashAlgorithm);
        this.kemFactory = kemFactory;
    }

    @Override
    void writeClientValue(SshBuffer msg, KexContext ctx) {
        kem = kemFactory.get();
        x25519 = ctx.x25519KeyPair();
        byte[] kemKey = kem.publicKey();
        byte[] xKey = x25519.publicValue();
        msg.putInt(kemKey.length + xKey.length).putRaw(kemKey).putRaw(xKey);
    }

    @Override
    byte[] readServerValue(SshBuffer reply) throws SshException {
        byte[] blob = reply.getString();
        int ctLength = kem.ciphertextLength();
        if (blob.length != ctLength + X25519KeyPair.LENGTH) {
            throw new SshException("Server sent a hybrid key-exchange reply of " + blob.length
                    + " bytes; expected " + (ctLength + X25519KeyPair.LENGTH)
                    + " (KEM ciphertext and X25519 public value)");
        }
        byte[] kemSecret = kem.decapsulate(Arrays.copyOfRange(blob, 0, ctLength));
        byte[] xSecret = x25519.agree(Arrays.copyOfRange(blob, ctLength, blob.length));
        MessageDigest md = ExchangeHash.digest(hashAlgorithm());
        md.update(kemSecret);
        md.update(xSecret);
        byte[] k = md.digest();
        Arrays.fill(kemSecret, (byte) 0);
        Arrays.fill(xSecret, (byte) 0);
        return SecretEncoding.string(k);
    }
}
