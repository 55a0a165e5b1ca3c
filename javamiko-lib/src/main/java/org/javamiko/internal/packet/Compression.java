package org.javamiko.internal.packet;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The compression methods javamiko implements (RFC 4253 §6.2), each constant naming itself as on
 * the wire, in the order {@code compress(true)} offers them (as OpenSSH's {@code Compression yes}).
 * Only {@code none} is offered by default. zlib runs on the JDK's {@link java.util.zip.Deflater}.
 */
public enum Compression {
    /** {@code zlib@openssh.com}: zlib from the successful authentication on. */
    ZLIB_DELAYED("zlib@openssh.com", false, true),
    /** {@code zlib}: zlib from NEWKEYS on. */
    ZLIB("zlib", false, false),
    /** {@code none}. */
    NONE("none", true, false);

    private final String wireName;
    private final boolean offeredByDefault;
    private final boolean afterAuthentication;

    Compression(String wireName, boolean offeredByDefault, boolean afterAuthentication) {
        this.wireName = wireName;
        this.offeredByDefault = offeredByDefault;
        this.afterAuthentication = afterAuthentication;
    }

    /**
     * @param name a method name as on the wire
     * @return the method, or empty when javamiko does not implement it
     */
    public static Optional<Compression> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }

    /** @return the names offered when the user changes nothing: {@code none} */
    public static List<String> defaults() {
        return Arrays.stream(values()).filter(c -> c.offeredByDefault).map(Compression::wireName).toList();
    }

    /** @return what {@code compress(true)} offers, best first: every method */
    public static List<String> withZlib() {
        return Arrays.stream(values()).map(Compression::wireName).toList();
    }

    /** @return the name as on the wire */
    public String wireName() {
        return wireName;
    }

    /** @return whether a client offers it when the user changes nothing */
    public boolean offeredByDefault() {
        return offeredByDefault;
    }

    /** @return true: the JDK's zlib runs every method */
    public boolean isRunnable() {
        return true;
    }

    /** @return whether it starts only once the user is authenticated ({@code zlib@openssh.com}) */
    public boolean afterAuthentication() {
        return afterAuthentication;
    }

    /** @return whether data is compressed at all */
    public boolean compresses() {
        return this != NONE;
    }
}
