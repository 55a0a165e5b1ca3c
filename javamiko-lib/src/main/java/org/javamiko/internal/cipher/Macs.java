package org.javamiko.internal.cipher;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The MAC algorithms javamiko implements (used with the AES-CTR ciphers only; AEAD ciphers
 * ignore the negotiated MAC), each constant naming itself as on the wire. SHA-1 MACs are
 * supported but not offered by default, so a user has to enable them.
 */
public enum Macs implements MacFactory {
    /** {@code hmac-sha2-256-etm@openssh.com}: HMAC-SHA-256 over the ciphertext. */
    HMAC_SHA2_256_ETM("hmac-sha2-256-etm@openssh.com", "HmacSHA256", 32, 32, true, true),
    /** {@code hmac-sha2-512-etm@openssh.com}: HMAC-SHA-512 over the ciphertext. */
    HMAC_SHA2_512_ETM("hmac-sha2-512-etm@openssh.com", "HmacSHA512", 64, 64, true, true),
    /** {@code hmac-sha2-256} (RFC 6668): HMAC-SHA-256 over the plaintext. */
    HMAC_SHA2_256("hmac-sha2-256", "HmacSHA256", 32, 32, false, true),
    /** {@code hmac-sha2-512} (RFC 6668): HMAC-SHA-512 over the plaintext. */
    HMAC_SHA2_512("hmac-sha2-512", "HmacSHA512", 64, 64, false, true),
    /** {@code hmac-sha1} (RFC 4253): only when the user enables it. */
    HMAC_SHA1("hmac-sha1", "HmacSHA1", 20, 20, false, false),
    /** {@code hmac-sha1-etm@openssh.com}: only when the user enables it. */
    HMAC_SHA1_ETM("hmac-sha1-etm@openssh.com", "HmacSHA1", 20, 20, true, false);

    private final String wireName;
    private final String jcaName;
    private final int keyLength;
    private final int length;
    private final boolean encryptThenMac;
    private final boolean offeredByDefault;
    private volatile Boolean runnable;

    Macs(String wireName, String jcaName, int keyLength, int length, boolean encryptThenMac, boolean offeredByDefault) {
        this.wireName = wireName;
        this.jcaName = jcaName;
        this.keyLength = keyLength;
        this.length = length;
        this.encryptThenMac = encryptThenMac;
        this.offeredByDefault = offeredByDefault;
    }

    /**
     * @param name an algorithm name as on the wire
     * @return its factory, or empty when javamiko does not implement it
     */
    public static Optional<MacFactory> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).map(m -> (MacFactory) m).findFirst();
    }

    /** @return the wire names a client offers unless configured otherwise, most preferred first */
    public static List<String> defaults() {
        return Arrays.stream(values()).filter(m -> m.offeredByDefault).filter(Macs::isRunnable)
                .map(Macs::wireName).toList();
    }

    /** @return every MAC javamiko implements: the default ones first, then those a user must enable */
    public static List<MacFactory> supported() {
        return List.of(values());
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public String jcaName() {
        return jcaName;
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean encryptThenMac() {
        return encryptThenMac;
    }

    /** @return whether a client offers it when the user changes nothing (no SHA-1) */
    public boolean offeredByDefault() {
        return offeredByDefault;
    }

    /** @return whether the Java runtime has the HMAC (asked once) */
    public boolean isRunnable() {
        Boolean r = runnable;
        if (r == null) {
            r = Jca.hasMac(jcaName);
            runnable = r;
        }
        return r;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
