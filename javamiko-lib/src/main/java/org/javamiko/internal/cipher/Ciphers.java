package org.javamiko.internal.cipher;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.javamiko.SshException;

/**
 * The cipher algorithms javamiko implements, each constant naming itself as on the wire, in the
 * client's default order of preference. There is deliberately no CBC, 3DES or RC4.
 *
 * <p>{@code none} is not in this table, so it can never be negotiated: it is only the state
 * before the first NEWKEYS, available as {@link #none()}.
 */
public enum Ciphers implements CipherFactory {
    /** {@code chacha20-poly1305@openssh.com} (OpenSSH PROTOCOL.chacha20poly1305). */
    CHACHA20_POLY1305("chacha20-poly1305@openssh.com", 64, 0, true, "ChaCha20",
            (self, encrypt, key, iv, mac, macKey) -> new ChaCha20Poly1305Cipher(encrypt, key)),
    /** {@code aes128-gcm@openssh.com} (RFC 5647). */
    AES128_GCM("aes128-gcm@openssh.com", 16, 12, true, "AES/GCM/NoPadding",
            (self, encrypt, key, iv, mac, macKey) -> new AesGcmCipher(self.wireName(), encrypt, key, iv)),
    /** {@code aes256-gcm@openssh.com} (RFC 5647). */
    AES256_GCM("aes256-gcm@openssh.com", 32, 12, true, "AES/GCM/NoPadding",
            (self, encrypt, key, iv, mac, macKey) -> new AesGcmCipher(self.wireName(), encrypt, key, iv)),
    /** {@code aes128-ctr} (RFC 4344), with a negotiated MAC. */
    AES128_CTR("aes128-ctr", 16),
    /** {@code aes192-ctr} (RFC 4344), with a negotiated MAC. */
    AES192_CTR("aes192-ctr", 24),
    /** {@code aes256-ctr} (RFC 4344), with a negotiated MAC. */
    AES256_CTR("aes256-ctr", 32);

    private final String wireName;
    private final int keyLength;
    private final int ivLength;
    private final boolean aead;
    private final String jcaTransformation;
    private final Maker maker;
    private volatile Boolean runnable;

    Ciphers(String wireName, int keyLength, int ivLength, boolean aead, String jcaTransformation, Maker maker) {
        this.wireName = wireName;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.aead = aead;
        this.jcaTransformation = jcaTransformation;
        this.maker = maker;
    }

    Ciphers(String wireName, int keyLength) {
        this(wireName, keyLength, 16, false, "AES/CTR/NoPadding", (self, encrypt, key, iv, mac, macKey) -> {
            if (mac == null) {
                throw new IllegalArgumentException(self.wireName() + " needs a MAC");
            }
            return new AesCtrCipher(self.wireName(), key, iv, mac, macKey);
        });
    }

    /**
     * @param name an algorithm name as on the wire
     * @return its factory, or empty when javamiko does not implement it
     */
    public static Optional<CipherFactory> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).map(c -> (CipherFactory) c).findFirst();
    }

    /**
     * @return every cipher javamiko implements, most preferred first; a client offers all of them
     *     (that the Java runtime can run) unless configured otherwise
     */
    public static List<CipherFactory> supported() {
        return List.of(values());
    }

    /** @return the wire names a client offers unless configured otherwise, best first */
    public static List<String> defaults() {
        return Arrays.stream(values()).filter(Ciphers::offeredByDefault).filter(Ciphers::isRunnable)
                .map(Ciphers::wireName).toList();
    }

    /** @return the cipher state of both directions before the first NEWKEYS: no encryption, no MAC */
    public static PacketCipher none() {
        return NoneCipher.INSTANCE;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    @Override
    public int ivLength() {
        return ivLength;
    }

    @Override
    public boolean isAead() {
        return aead;
    }

    /** @return true: every cipher here is strong enough to offer */
    public boolean offeredByDefault() {
        return true;
    }

    /** @return whether the Java runtime has the primitive (asked once) */
    public boolean isRunnable() {
        Boolean r = runnable;
        if (r == null) {
            r = Jca.has(jcaTransformation);
            runnable = r;
        }
        return r;
    }

    @Override
    public PacketCipher create(boolean encrypt, byte[] key, byte[] iv, MacFactory mac, byte[] macKey)
            throws SshException {
        requireLength("key", key, keyLength);
        requireLength("IV", iv, ivLength);
        return maker.make(this, encrypt, key, iv, mac, macKey);
    }

    private void requireLength(String what, byte[] bytes, int expected) {
        int actual = bytes == null ? 0 : bytes.length;
        if (actual != expected) {
            throw new IllegalArgumentException(wireName + " needs a " + expected + "-byte " + what + ", got " + actual);
        }
    }

    @Override
    public String toString() {
        return wireName;
    }

    /** Makes the keyed cipher once the lengths have been checked. */
    @FunctionalInterface
    private interface Maker {
        PacketCipher make(Ciphers self, boolean encrypt, byte[] key, byte[] iv, MacFactory mac, byte[] macKey)
                throws SshException;
    }
}
