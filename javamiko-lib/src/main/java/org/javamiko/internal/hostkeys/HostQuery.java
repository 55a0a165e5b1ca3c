package org.javamiko.internal.hostkeys;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.crypto.Mac;

/**
 * One host name being looked up, prepared once for matching against many {@code known_hosts}
 * lines: its lower-case form for patterns, and one HMAC-SHA1 instance reused for every hashed
 * name (creating a {@link Mac} per line would dominate a lookup in a large file).
 *
 * <p>Not thread-safe: make one per lookup.
 */
public final class HostQuery {
    private final String name;
    private final String lowerCaseName;
    private Mac mac;

    /** @param name the host as the client names it: {@code host}, or {@code [host]:port} off port 22 */
    public HostQuery(String name) {
        this.name = name;
        this.lowerCaseName = name.toLowerCase(Locale.ROOT);
    }

    /** @return the name as given */
    public String name() {
        return name;
    }

    /** @return the name in lower case: host names compare case-insensitively, as in OpenSSH */
    public String lowerCaseName() {
        return lowerCaseName;
    }

    /**
     * Whether a hashed name was made from this host. OpenSSH hashes the lower-cased name;
     * paramiko hashes the name as given, so both forms are tried.
     *
     * @param salt the salt (the HMAC key)
     * @param expectedHash the HMAC-SHA1 stored in the file
     * @return true when one form of this name hashes to expectedHash
     */
    boolean hashesTo(byte[] salt, byte[] expectedHash) {
        if (mac == null) {
            mac = HashedHostName.newHmacSha1();
        }
        if (HashedHostName.hashEquals(mac, salt, lowerCaseName.getBytes(StandardCharsets.UTF_8), expectedHash)) {
            return true;
        }
        return !lowerCaseName.equals(name)
                && HashedHostName.hashEquals(mac, salt, name.getBytes(StandardCharsets.UTF_8), expectedHash);
    }
}
