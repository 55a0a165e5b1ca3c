package org.javamiko.internal.cipher;

import java.util.List;
import java.util.Optional;

/**
 * The MAC algorithms javamiko implements (used with the AES-CTR ciphers only; AEAD ciphers
 * ignore the negotiated MAC), each entry naming itself as on the wire. SHA-1 MACs are supported
 * but left out of the default order, so a user has to enable them.
 */
public final class Macs {
    /** {@code hmac-sha2-256-etm@openssh.com}: HMAC-SHA-256 over the ciphertext. */
    public static final MacFactory HMAC_SHA2_256_ETM =
            new Entry("hmac-sha2-256-etm@openssh.com", "HmacSHA256", 32, 32, true);
    /** {@code hmac-sha2-512-etm@openssh.com}: HMAC-SHA-512 over the ciphertext. */
    public static final MacFactory HMAC_SHA2_512_ETM =
            new Entry("hmac-sha2-512-etm@openssh.com", "HmacSHA512", 64, 64, true);
    /** {@code hmac-sha2-256} (RFC 6668): HMAC-SHA-256 over the plaintext. */
    public static final MacFactory HMAC_SHA2_256 = new Entry("hmac-sha2-256", "HmacSHA256", 32, 32, false);
    /** {@code hmac-sha2-512} (RFC 6668): HMAC-SHA-512 over the plaintext. */
    public static final MacFactory HMAC_SHA2_512 = new Entry("hmac-sha2-512", "HmacSHA512", 64, 64, false);
    /** {@code hmac-sha1} (RFC 4253): only when the user enables it. */
    public static final MacFactory HMAC_SHA1 = new Entry("hmac-sha1", "HmacSHA1", 20, 20, false);
    /** {@code hmac-sha1-etm@openssh.com}: only when the user enables it. */
    public static final MacFactory HMAC_SHA1_ETM = new Entry("hmac-sha1-etm@openssh.com", "HmacSHA1", 20, 20, true);

    private static final List<MacFactory> DEFAULT_ORDER =
            List.of(HMAC_SHA2_256_ETM, HMAC_SHA2_512_ETM, HMAC_SHA2_256, HMAC_SHA2_512);
    private static final List<MacFactory> ALL = List.of(HMAC_SHA2_256_ETM, HMAC_SHA2_512_ETM, HMAC_SHA2_256,
            HMAC_SHA2_512, HMAC_SHA1, HMAC_SHA1_ETM);

    private Macs() {
    }

    /**
     * @param name an algorithm name as on the wire
     * @return its factory, or empty when javamiko does not implement it
     */
    public static Optional<MacFactory> byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** @return the MACs a client offers unless configured otherwise, most preferred first */
    public static List<MacFactory> defaultOrder() {
        return DEFAULT_ORDER;
    }

    /** @return every MAC javamiko implements: the default order, then those a user must enable */
    public static List<MacFactory> supported() {
        return ALL;
    }

    /** One table entry. */
    private record Entry(String name, String jcaName, int keyLength, int length, boolean encryptThenMac)
            implements MacFactory {
        @Override
        public String toString() {
            return name;
        }
    }
}
