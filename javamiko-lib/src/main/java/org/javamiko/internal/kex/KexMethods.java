package org.javamiko.internal.kex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.javamiko.internal.crypto.EcCurves;

/**
 * The key-exchange methods we implement, by wire name, and the order a client offers them in by
 * default.
 *
 * <p>{@link #supported()} also lists methods left out of {@link #defaultOrder()}: the
 * post-quantum hybrids (see the order's Javadoc) and {@code diffie-hellman-group14-sha1}, which
 * relies on SHA-1 and is offered only when the user names it (e.g. in preferred algorithms).
 */
public final class KexMethods {
    /** RFC 4419 §3 and OpenSSH's client: ask for at least 2048 bits, prefer 3072, accept up to 8192. */
    public static final int GEX_MIN = 2048;
    /** The group size a group exchange asks for by default. */
    public static final int GEX_PREFERRED = 3072;
    /** The largest group a group exchange accepts by default. */
    public static final int GEX_MAX = 8192;

    private static final List<String> DEFAULT_ORDER = List.of(
            "mlkem768x25519-sha256",
            "curve25519-sha256",
            "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256",
            "ecdh-sha2-nistp384",
            "ecdh-sha2-nistp521",
            "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512",
            "diffie-hellman-group18-sha512",
            "diffie-hellman-group14-sha256");

    private static final Map<String, KexFactory> METHODS = buildTable();

    private KexMethods() {
    }

    private static Map<String, KexFactory> buildTable() {
        Map<String, KexFactory> m = new LinkedHashMap<>();
        add(m, "mlkem768x25519-sha256", () -> new HybridKemKex(MlKem768::generate, "SHA-256"));
        add(m, "curve25519-sha256", Curve25519Kex::new);
        add(m, "curve25519-sha256@libssh.org", Curve25519Kex::new);
        add(m, "ecdh-sha2-nistp256", () -> new EcdhKex(EcCurves.NISTP256));
        add(m, "ecdh-sha2-nistp384", () -> new EcdhKex(EcCurves.NISTP384));
        add(m, "ecdh-sha2-nistp521", () -> new EcdhKex(EcCurves.NISTP521));
        m.put("diffie-hellman-group-exchange-sha256", groupExchange(GEX_MIN, GEX_PREFERRED, GEX_MAX));
        add(m, "diffie-hellman-group16-sha512", () -> new DhGroupKex(DhGroups.GROUP16, "SHA-512"));
        add(m, "diffie-hellman-group18-sha512", () -> new DhGroupKex(DhGroups.GROUP18, "SHA-512"));
        add(m, "diffie-hellman-group14-sha256", () -> new DhGroupKex(DhGroups.GROUP14, "SHA-256"));
        add(m, "sntrup761x25519-sha512@openssh.com", () -> new HybridKemKex(Sntrup761KeyPair::new, "SHA-512"));
        add(m, "sntrup761x25519-sha512", () -> new HybridKemKex(Sntrup761KeyPair::new, "SHA-512"));
        add(m, "diffie-hellman-group14-sha1", () -> new DhGroupKex(DhGroups.GROUP14, "SHA-1"));
        return m;
    }

    private static void add(Map<String, KexFactory> table, String name, Supplier<KeyExchange> maker) {
        table.put(name, new NamedFactory(name, maker));
    }

    /**
     * @param name a method name as on the wire
     * @return its factory, or empty when we do not implement it
     */
    public static Optional<KexFactory> byName(String name) {
        return Optional.ofNullable(METHODS.get(name));
    }

    /**
     * The methods a client offers unless told otherwise, most preferred first: the ML-KEM/X25519
     * hybrid (post-quantum, as OpenSSH 9.9+ prefers it; about as cheap as X25519, and older
     * servers simply fall through to it), X25519, the NIST curves, then finite-field
     * Diffie-Hellman with SHA-2. sntrup761x25519 is supported but not offered by default: its key
     * generation costs ~150 ms per connect in Bouncy Castle.
     *
     * @return the names, immutable
     */
    public static List<String> defaultOrder() {
        return DEFAULT_ORDER;
    }

    /** @return every method name we implement, the default ones first; immutable */
    public static List<String> supported() {
        return List.copyOf(METHODS.keySet());
    }

    /**
     * A group exchange with other size bounds than the defaults.
     *
     * @param min the smallest group accepted, in bits (at least 1024)
     * @param preferred the size asked for
     * @param max the largest group accepted (at most 8192)
     * @return a factory named {@code diffie-hellman-group-exchange-sha256}
     * @throws IllegalArgumentException unless {@code 1024 <= min <= preferred <= max <= 8192}
     */
    public static KexFactory groupExchange(int min, int preferred, int max) {
        DhGroupExchangeKex.checkBounds(min, preferred, max);
        return new NamedFactory("diffie-hellman-group-exchange-sha256",
                () -> new DhGroupExchangeKex(min, preferred, max));
    }

    private record NamedFactory(String name, Supplier<KeyExchange> maker) implements KexFactory {
        @Override
        public KeyExchange create() {
            return maker.get();
        }
    }
}
