package org.javamiko.internal.cipher;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.javamiko.SshException;

/** One negotiable cipher (with its MAC when not AEAD), keyed for both directions, for tests. */
record CipherSuite(CipherFactory cipher, MacFactory mac, byte[] key, byte[] iv, byte[] macKey) {

    /** Every cipher × MAC combination javamiko supports, with keys from a fixed seed. */
    static List<CipherSuite> all() {
        Random random = new Random(42);
        List<CipherSuite> suites = new ArrayList<>();
        for (CipherFactory cipher : Ciphers.supported()) {
            if (cipher.isAead()) {
                suites.add(keyed(cipher, null, random));
            } else {
                for (MacFactory mac : Macs.supported()) {
                    suites.add(keyed(cipher, mac, random));
                }
            }
        }
        return suites;
    }

    private static CipherSuite keyed(CipherFactory cipher, MacFactory mac, Random random) {
        return new CipherSuite(cipher, mac, bytes(random, cipher.keyLength()), bytes(random, cipher.ivLength()),
                mac == null ? null : bytes(random, mac.keyLength()));
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    PacketCipher encrypter() throws SshException {
        return cipher.create(true, key, iv, mac, macKey);
    }

    PacketCipher decrypter() throws SshException {
        return cipher.create(false, key, iv, mac, macKey);
    }

    @Override
    public String toString() {
        return mac == null ? cipher.wireName() : cipher.wireName() + " + " + mac.wireName();
    }
}
