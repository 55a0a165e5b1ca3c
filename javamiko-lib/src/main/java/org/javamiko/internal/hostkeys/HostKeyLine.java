package org.javamiko.internal.hostkeys;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.javamiko.keys.PKey;

/**
 * One line of a host key set: the bytes written on save, and for a usable entry its parsed
 * fields and decoded key. Comments, blank lines and unusable lines have no entry and are only
 * carried along, so that saving writes them back unchanged.
 */
public final class HostKeyLine {
    private final RawLine raw;
    private final KnownHostsEntry entry;
    private final PKey key;
    /** {@link #identity()}, computed on first use; a benign race, as String's hash. */
    private String identity;

    private HostKeyLine(RawLine raw, KnownHostsEntry entry, PKey key) {
        this.raw = raw;
        this.entry = entry;
        this.key = key;
    }

    /**
     * @param raw a comment, a blank line or a line we cannot use
     * @return a line that is only written back
     */
    public static HostKeyLine passThrough(RawLine raw) {
        return new HostKeyLine(raw, null, null);
    }

    /**
     * @param raw the line as read, written back unchanged
     * @param entry its parsed fields
     * @param key its decoded key
     * @return a usable line
     */
    public static HostKeyLine loaded(RawLine raw, KnownHostsEntry entry, PKey key) {
        return new HostKeyLine(raw, entry, key);
    }

    /**
     * @param entry the fields of a new line
     * @param key its key
     * @return a usable line written in canonical form
     */
    public static HostKeyLine created(KnownHostsEntry entry, PKey key) {
        return new HostKeyLine(RawLine.of(entry.toLine()), entry, key);
    }

    /** @return the line as it will be written */
    public RawLine raw() {
        return raw;
    }

    /** @return the parsed entry; empty for comments, blank and unusable lines */
    public Optional<KnownHostsEntry> entry() {
        return Optional.ofNullable(entry);
    }

    /** @return the decoded key; only call when {@link #entry()} is present */
    public PKey key() {
        return key;
    }

    /**
     * @param marker the kind of entry wanted
     * @param host the host being looked up
     * @return true for a usable entry with this marker whose host patterns match the host
     */
    public boolean matches(Marker marker, HostQuery host) {
        return entry != null && entry.marker() == marker && entry.hosts().matches(host);
    }

    /**
     * The same entry with another key, written in canonical form (the original spacing of a
     * replaced line is not kept; its comment is).
     *
     * @param newKey the new key
     * @return the new line
     */
    public HostKeyLine withKey(PKey newKey) {
        return created(entry.withKey(newKey.getName(), newKey.getBase64()), newKey);
    }

    /**
     * Lines with equal identities say the same: entries compare by marker, hosts and key (not
     * spacing or comment), other lines by their bytes.
     *
     * @return the identity
     */
    public String identity() {
        String id = identity;
        if (id == null) {
            // made once: a line read from a file is shared by every client that loads the file,
            // and each keeps the identities it has seen (a thousand clients, a thousand lines)
            id = entry != null ? "entry " + entry.identity() : "text " + new String(raw.bytes(), StandardCharsets.ISO_8859_1);
            identity = id;
        }
        return id;
    }

    @Override
    public String toString() {
        return raw.toString();
    }
}
