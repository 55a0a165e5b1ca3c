package org.javamiko.transport;

import java.util.Locale;

/**
 * The kinds of algorithm a user can restrict or reorder, named as paramiko's
 * {@code disabled_algorithms} names them.
 */
public enum AlgorithmKind {
    /** Key-exchange methods. */
    KEX("kex"),
    /** Server host key (signature) algorithms. */
    KEYS("keys"),
    /** Ciphers, both directions. */
    CIPHERS("ciphers"),
    /** MACs, both directions (unused with AEAD ciphers). */
    MACS("macs"),
    /** Compression, both directions. */
    COMPRESSION("compression"),
    /** Signature algorithms for our own public-key authentication. */
    PUBKEYS("pubkeys");

    private final String key;

    AlgorithmKind(String key) {
        this.key = key;
    }

    /** @return the name used in option maps, e.g. {@code ciphers} */
    public String key() {
        return key;
    }

    /**
     * @param key a kind's name as in {@code disabledAlgorithms}
     * @return the kind
     * @throws IllegalArgumentException naming the kinds there are, for an unknown name
     */
    public static AlgorithmKind fromKey(String key) {
        for (AlgorithmKind k : values()) {
            if (k.key.equals(key.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown algorithm kind '" + key
                + "'; use one of kex, keys, ciphers, macs, compression, pubkeys");
    }
}
