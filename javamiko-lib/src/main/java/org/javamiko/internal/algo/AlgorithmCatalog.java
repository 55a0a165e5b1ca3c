package org.javamiko.internal.algo;

import java.util.List;

import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.cipher.Macs;
import org.javamiko.internal.kex.KexMethods;
import org.javamiko.internal.packet.Compression;
import org.javamiko.transport.AlgorithmKind;

/**
 * What this library implements for each {@link AlgorithmKind}, and what it offers by default
 * (in preference order, like OpenSSH 9's client), read from the registry of each kind:
 * {@link KexMethods}, {@link HostKeyAlgorithms}, {@link Ciphers}, {@link Macs} and
 * {@link Compression}. Algorithms implemented but weak (SHA-1) are supported, so a user can
 * enable them, but never offered by default.
 */
public final class AlgorithmCatalog {
    private AlgorithmCatalog() {
    }

    /** @return the algorithms offered when the user changes nothing, best first */
    public static List<String> defaults(AlgorithmKind kind) {
        return switch (kind) {
            case KEX -> KexMethods.defaultOrder();
            case KEYS, PUBKEYS -> HostKeyAlgorithms.defaults(); // the same signature algorithms, for our own keys
            case CIPHERS -> Ciphers.defaults();
            case MACS -> Macs.defaults();
            case COMPRESSION -> Compression.defaults();
        };
    }

    /** @return true when this library implements the algorithm, offered by default or not */
    public static boolean isSupported(AlgorithmKind kind, String name) {
        return switch (kind) {
            case KEX -> KexMethods.byName(name).isPresent();
            case KEYS -> HostKeyAlgorithms.byName(name).isPresent() || HostKeyAlgorithms.certifies(name);
            case CIPHERS -> Ciphers.byName(name).isPresent();
            case MACS -> Macs.byName(name).isPresent();
            case COMPRESSION -> Compression.byName(name).isPresent();
            case PUBKEYS -> HostKeyAlgorithms.byName(name).isPresent() || name.endsWith(HostKeyAlgorithms.CERT_SUFFIX);
        };
    }
}
