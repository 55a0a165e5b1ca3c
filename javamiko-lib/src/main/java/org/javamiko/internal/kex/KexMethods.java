package org.javamiko.internal.kex;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.javamiko.internal.crypto.EcCurves;

/**
 * The key-exchange methods we implement, each constant naming itself as on the wire, in the
 * order a client offers them by default.
 *
 * <p>The methods not offered by default come last: the sntrup761 hybrids (their key generation
 * costs ~150 ms per connect in Bouncy Castle) and {@code diffie-hellman-group14-sha1}, which relies
 * on SHA-1 and is offered only when the user names it (e.g. in preferred algorithms), and the
 * GSS-API (Kerberos) methods, which the session offers first when GSS key exchange is on.
 */
public enum KexMethods implements KexFactory {
    /** ML-KEM-768 with X25519 (post-quantum, as OpenSSH 9.9+ prefers it; about as cheap as X25519). */
    MLKEM768X25519_SHA256("mlkem768x25519-sha256", true, () -> new HybridKemKex(MlKem768::generate, "SHA-256")),
    /** X25519 (RFC 8731). */
    CURVE25519_SHA256("curve25519-sha256", true, Curve25519Kex::new),
    /** X25519 under its libssh name. */
    CURVE25519_SHA256_LIBSSH("curve25519-sha256@libssh.org", true, Curve25519Kex::new),
    /** ECDH on P-256 (RFC 5656). */
    ECDH_NISTP256("ecdh-sha2-nistp256", true, () -> new EcdhKex(EcCurves.NISTP256)),
    /** ECDH on P-384. */
    ECDH_NISTP384("ecdh-sha2-nistp384", true, () -> new EcdhKex(EcCurves.NISTP384)),
    /** ECDH on P-521. */
    ECDH_NISTP521("ecdh-sha2-nistp521", true, () -> new EcdhKex(EcCurves.NISTP521)),
    /** Group exchange (RFC 4419) with the default bounds; {@link #groupExchange} sets others. */
    DH_GROUP_EXCHANGE_SHA256("diffie-hellman-group-exchange-sha256", true,
            () -> new DhGroupExchangeKex(KexMethods.GEX_MIN, KexMethods.GEX_PREFERRED, KexMethods.GEX_MAX)),
    /** The 4096-bit group (RFC 8268). */
    DH_GROUP16_SHA512("diffie-hellman-group16-sha512", true, () -> new DhGroupKex(DhGroups.GROUP16, "SHA-512")),
    /** The 8192-bit group (RFC 8268). */
    DH_GROUP18_SHA512("diffie-hellman-group18-sha512", true, () -> new DhGroupKex(DhGroups.GROUP18, "SHA-512")),
    /** The 2048-bit group with SHA-256 (RFC 8268). */
    DH_GROUP14_SHA256("diffie-hellman-group14-sha256", true, () -> new DhGroupKex(DhGroups.GROUP14, "SHA-256")),
    /** sntrup761 with X25519, OpenSSH's name; not offered by default (slow key generation). */
    SNTRUP761X25519_SHA512_OPENSSH("sntrup761x25519-sha512@openssh.com", false,
            () -> new HybridKemKex(Sntrup761KeyPair::new, "SHA-512")),
    /** sntrup761 with X25519, the IETF name; not offered by default. */
    SNTRUP761X25519_SHA512("sntrup761x25519-sha512", false, () -> new HybridKemKex(Sntrup761KeyPair::new, "SHA-512")),
    /** The 2048-bit group with SHA-1: only when the user names it. */
    DH_GROUP14_SHA1("diffie-hellman-group14-sha1", false, () -> new DhGroupKex(DhGroups.GROUP14, "SHA-1")),
    /** GSS-API (Kerberos) key exchange over X25519 (RFC 8732): only with gssKex, offered first then. */
    GSS_CURVE25519_SHA256(KexMethods.GSS_PREFIX + "curve25519-sha256-" + GssKex.KERBEROS_SUFFIX, false,
            () -> new GssKex(new Curve25519Kex())),
    /** GSS-API key exchange over the 4096-bit group (RFC 8732). */
    GSS_GROUP16_SHA512(KexMethods.GSS_PREFIX + "group16-sha512-" + GssKex.KERBEROS_SUFFIX, false,
            () -> new GssKex(new DhGroupKex(DhGroups.GROUP16, "SHA-512"))),
    /** GSS-API key exchange over the 2048-bit group with SHA-256 (RFC 8732). */
    GSS_GROUP14_SHA256(KexMethods.GSS_PREFIX + "group14-sha256-" + GssKex.KERBEROS_SUFFIX, false,
            () -> new GssKex(new DhGroupKex(DhGroups.GROUP14, "SHA-256")));

    /** How the GSS-API key exchange names begin (RFC 4462 §2.3); the Kerberos OID hash ends them. */
    public static final String GSS_PREFIX = "gss-";

    /** RFC 4419 §3 and OpenSSH's client: ask for at least 2048 bits, prefer 3072, accept up to 8192. */
    public static final int GEX_MIN = 2048;
    /** The group size a group exchange asks for by default. */
    public static final int GEX_PREFERRED = 3072;
    /** The largest group a group exchange accepts by default. */
    public static final int GEX_MAX = 8192;

    private final String wireName;
    private final boolean offeredByDefault;
    private final Supplier<KeyExchange> maker;

    KexMethods(String wireName, boolean offeredByDefault, Supplier<KeyExchange> maker) {
        this.wireName = wireName;
        this.offeredByDefault = offeredByDefault;
        this.maker = maker;
    }

    /**
     * @param name a method name as on the wire
     * @return its factory, or empty when we do not implement it
     */
    public static Optional<KexFactory> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).map(m -> (KexFactory) m).findFirst();
    }

    /**
     * The methods a client offers unless told otherwise, most preferred first: the ML-KEM/X25519
     * hybrid, X25519, the NIST curves, then finite-field Diffie-Hellman with SHA-2. Every method
     * here runs on the JDK or on the Bouncy Castle the library requires.
     *
     * @return the names, immutable
     */
    public static List<String> defaultOrder() {
        return Arrays.stream(values()).filter(m -> m.offeredByDefault).map(KexMethods::wireName).toList();
    }

    /**
     * @return every method name we implement that runs without Kerberos, the default ones first;
     *         immutable (the GSS-API methods, which need a ticket and gssKex, are {@link #gssOrder})
     */
    public static List<String> supported() {
        return Arrays.stream(values()).map(KexMethods::wireName).filter(n -> !isGss(n)).toList();
    }

    /**
     * The GSS-API key exchange methods, most preferred first: X25519, then the 4096- and 2048-bit
     * groups (OpenSSH's client prefers group14; X25519 is cheaper and as strong).
     *
     * @return the names, immutable
     */
    public static List<String> gssOrder() {
        return Arrays.stream(values()).map(KexMethods::wireName).filter(KexMethods::isGss).toList();
    }

    /**
     * @param name a method name as on the wire
     * @return whether it is a GSS-API key exchange, which authenticates the server with Kerberos
     */
    public static boolean isGss(String name) {
        return name.startsWith(GSS_PREFIX);
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
        return new KexFactory() {
            @Override
            public String wireName() {
                return DH_GROUP_EXCHANGE_SHA256.wireName;
            }

            @Override
            public KeyExchange create() {
                return new DhGroupExchangeKex(min, preferred, max);
            }
        };
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @return whether a client offers it when the user changes nothing */
    public boolean offeredByDefault() {
        return offeredByDefault;
    }

    @Override
    public KeyExchange create() {
        return maker.get();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
