package org.javamiko.internal.hostkeys;

import java.util.Optional;

/** The optional first field of a {@code known_hosts} line. */
public enum Marker {
    /** An ordinary host key line. */
    NONE(""),
    /** The key is a certificate authority trusted to sign host certificates for the hosts. */
    CERT_AUTHORITY("@cert-authority"),
    /** The key is revoked for the hosts: it must never be accepted. */
    REVOKED("@revoked");

    private final String text;

    Marker(String text) {
        this.text = text;
    }

    /** @return the marker as written in the file; empty for {@link #NONE} */
    public String text() {
        return text;
    }

    /**
     * @param token a field starting with {@code @}
     * @return the marker it names, or empty when OpenSSH does not know it either
     */
    public static Optional<Marker> fromToken(String token) {
        for (Marker marker : values()) {
            if (marker != NONE && marker.text.equals(token)) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }
}
