package org.javamiko.internal.hostkeys;

import java.util.Base64;

/**
 * One usable {@code known_hosts} line: optional marker, host patterns, key type, base64 key blob
 * and optional comment. The key blob is known to be valid base64 and to name {@link #keyType()}
 * in its first field; whether the rest of it is a valid key is for the key parser to say.
 */
public final class KnownHostsEntry {
    private final Marker marker;
    private final HostPatternList hosts;
    private final String keyType;
    private final String base64Key;
    private final String comment;

    /**
     * @param marker the marker, {@link Marker#NONE} for an ordinary host key
     * @param hosts the host field
     * @param keyType the key type field, e.g. {@code ssh-ed25519}
     * @param base64Key the key blob in base64
     * @param comment the rest of the line after the key, empty when none
     */
    public KnownHostsEntry(Marker marker, HostPatternList hosts, String keyType, String base64Key, String comment) {
        this.marker = marker;
        this.hosts = hosts;
        this.keyType = keyType;
        this.base64Key = base64Key;
        this.comment = comment;
    }

    /** @return the marker */
    public Marker marker() {
        return marker;
    }

    /** @return the host patterns */
    public HostPatternList hosts() {
        return hosts;
    }

    /** @return the key type as written */
    public String keyType() {
        return keyType;
    }

    /** @return the key blob in base64, as written */
    public String base64Key() {
        return base64Key;
    }

    /** @return the key blob in SSH wire format */
    public byte[] keyBlob() {
        return Base64.getDecoder().decode(base64Key);
    }

    /** @return the comment after the key, empty when there is none */
    public String comment() {
        return comment;
    }

    /**
     * The same line with another key, as {@code add} writes it when a host's key is replaced.
     *
     * @param newKeyType the new key's type
     * @param newBase64Key the new key's blob in base64
     * @return the new entry; marker, hosts and comment unchanged
     */
    public KnownHostsEntry withKey(String newKeyType, String newBase64Key) {
        return new KnownHostsEntry(marker, hosts, newKeyType, newBase64Key, comment);
    }

    /**
     * Two entries with the same identity say the same thing, however they are spaced or commented;
     * loading and merging use it so the same entry is not kept twice.
     *
     * @return marker, hosts, key type and key, space-separated
     */
    public String identity() {
        return marker.text() + " " + hosts.text() + " " + keyType + " " + base64Key;
    }

    /** @return the line in canonical form: single spaces, no marker field when there is none */
    public String toLine() {
        StringBuilder line = new StringBuilder();
        if (marker != Marker.NONE) {
            line.append(marker.text()).append(' ');
        }
        line.append(hosts.text()).append(' ').append(keyType).append(' ').append(base64Key);
        if (!comment.isEmpty()) {
            line.append(' ').append(comment);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return toLine();
    }
}
