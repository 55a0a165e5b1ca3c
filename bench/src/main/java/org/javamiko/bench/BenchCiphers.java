package org.javamiko.bench;

import java.util.List;

/** The ciphers the suite measures, and the MAC that goes with the non-AEAD one. */
public final class BenchCiphers {
    /** The MAC paired with aes128-ctr; AEAD ciphers ignore it. */
    public static final String MAC = "hmac-sha2-256-etm@openssh.com";

    /** The ciphers, in table order. */
    public static final List<String> ALL =
            List.of("aes128-gcm@openssh.com", "aes128-ctr", "chacha20-poly1305@openssh.com");

    private BenchCiphers() {
    }

    /** @return gcm, ctr+etm or chacha */
    public static String shortName(String cipher) {
        if (cipher.startsWith("aes128-gcm")) {
            return "gcm";
        }
        if (cipher.startsWith("aes128-ctr")) {
            return "ctr+etm";
        }
        if (cipher.startsWith("chacha20")) {
            return "chacha";
        }
        return cipher;
    }
}
