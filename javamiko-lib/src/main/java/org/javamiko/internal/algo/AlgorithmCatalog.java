package org.javamiko.internal.algo;

import java.util.List;

import org.javamiko.internal.cipher.CipherFactory;
import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.cipher.MacFactory;
import org.javamiko.internal.cipher.Macs;
import org.javamiko.internal.kex.KexMethods;
import org.javamiko.transport.AlgorithmKind;

/**
 * What this library implements for each {@link AlgorithmKind}, and what it offers by default
 * (in preference order, like OpenSSH 9's client). Algorithms implemented but weak (SHA-1) are
 * supported, so a user can enable them, but never offered by default.
 */
public final class AlgorithmCatalog {
    private AlgorithmCatalog() {
    }

    private static final List<String> HOST_KEYS_DEFAULT = List.of(
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "rsa-sha2-512", "rsa-sha2-256");
    private static final List<String> HOST_KEYS_SUPPORTED = List.of(
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");

    /** @return the algorithms offered when the user changes nothing, best first */
    public static List<String> defaults(AlgorithmKind kind) {
        return switch (kind) {
            case KEX -> KexMethods.defaultOrder();
            case KEYS -> HOST_KEYS_DEFAULT;
            case CIPHERS -> Ciphers.supported().stream().map(CipherFactory::name).toList();
            case MACS -> Macs.defaultOrder().stream().map(MacFactory::name).toList();
            case COMPRESSION -> List.of("none");
            case PUBKEYS -> HOST_KEYS_DEFAULT; // the same signature algorithms, for our own keys
        };
    }

    /** @return true when this library implements the algorithm, offered by default or not */
    public static boolean isSupported(AlgorithmKind kind, String name) {
        return switch (kind) {
            case KEX -> KexMethods.byName(name).isPresent();
            case KEYS -> HOST_KEYS_SUPPORTED.contains(name);
            case CIPHERS -> Ciphers.byName(name).isPresent();
            case MACS -> Macs.byName(name).isPresent();
            case COMPRESSION -> name.equals("none");
            case PUBKEYS -> HOST_KEYS_SUPPORTED.contains(name) || name.endsWith("-cert-v01@openssh.com");
        };
    }
}
