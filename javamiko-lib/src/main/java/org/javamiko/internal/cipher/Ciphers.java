package org.javamiko.internal.cipher;

import java.util.List;
import java.util.Optional;

import org.javamiko.SshException;

/**
 * The cipher algorithms javamiko implements, each entry naming itself as on the wire, in the
 * client's default order of preference. There is deliberately no CBC, 3DES or RC4.
 *
 * <p>{@code none} is not in this table, so it can never be negotiated: it is only the state
 * before the first NEWKEYS, available as {@link #none()}.
 */
public final class Ciphers {
    /** {@code chacha20-poly1305@openssh.com} (OpenSSH PROTOCOL.chacha20poly1305). */
    public static final CipherFactory CHACHA20_POLY1305 = new Entry("chacha20-poly1305@openssh.com", 64, 0, true,
            (encrypt, key, iv, mac, macKey) -> new ChaCha20Poly1305Cipher(encrypt, key));
    /** {@code aes128-gcm@openssh.com} (RFC 5647). */
    public static final CipherFactory AES128_GCM = new Entry("aes128-gcm@openssh.com", 16, 12, true,
            (encrypt, key, iv, mac, macKey) -> new AesGcmCipher("aes128-gcm@openssh.com", encrypt, key, iv));
    /** {@code aes256-gcm@openssh.com} (RFC 5647). */
    public static final CipherFactory AES256_GCM = new Entry("aes256-gcm@openssh.com", 32, 12, true,
            (encrypt, key, iv, mac, macKey) -> new AesGcmCipher("aes256-gcm@openssh.com", encrypt, key, iv));
    /** {@code aes128-ctr} (RFC 4344), with a negotiated MAC. */
    public static final CipherFactory AES128_CTR = ctr("aes128-ctr", 16);
    /** {@code aes192-ctr} (RFC 4344), with a negotiated MAC. */
    public static final CipherFactory AES192_CTR = ctr("aes192-ctr", 24);
    /** {@code aes256-ctr} (RFC 4344), with a negotiated MAC. */
    public static final CipherFactory AES256_CTR = ctr("aes256-ctr", 32);

    private static final List<CipherFactory> ALL =
            List.of(CHACHA20_POLY1305, AES128_GCM, AES256_GCM, AES128_CTR, AES192_CTR, AES256_CTR);

    private Ciphers() {
    }

    /**
     * @param name an algorithm name as on the wire
     * @return its factory, or empty when javamiko does not implement it
     */
    public static Optional<CipherFactory> byName(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * @return every cipher javamiko implements, most preferred first; a client offers all of them
     *     unless configured otherwise
     */
    public static List<CipherFactory> supported() {
        return ALL;
    }

    /** @return the cipher state of both directions before the first NEWKEYS: no encryption, no MAC */
    public static PacketCipher none() {
        return NoneCipher.INSTANCE;
    }

    private static CipherFactory ctr(String name, int keyLength) {
        return new Entry(name, keyLength, 16, false, (encrypt, key, iv, mac, macKey) -> {
            if (mac == null) {
                throw new IllegalArgumentException(name + " needs a MAC");
            }
            return new AesCtrCipher(name, key, iv, mac, macKey);
        });
    }

    /** Makes the keyed cipher once the lengths have been checked. */
    @FunctionalInterface
    private interface Maker {
        PacketCipher make(boolean encrypt, byte[] key, byte[] iv, MacFactory mac, byte[] macKey) throws SshException;
    }

    /** One table entry: the facts about an algorithm and how to key it. */
    private record Entry(String name, int keyLength, int ivLength, boolean isAead, Maker maker)
            implements CipherFactory {

        @Override
        public PacketCipher create(boolean encrypt, byte[] key, byte[] iv, MacFactory mac, byte[] macKey)
                throws SshException {
            requireLength("key", key, keyLength);
            requireLength("IV", iv, ivLength);
            return maker.make(encrypt, key, iv, mac, macKey);
        }

        private void requireLength(String what, byte[] bytes, int expected) {
            int actual = bytes == null ? 0 : bytes.length;
            if (actual != expected) {
                throw new IllegalArgumentException(name + " needs a " + expected + "-byte " + what + ", got " + actual);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
