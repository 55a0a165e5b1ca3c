package org.javamiko.internal.hostkeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A hashed host name as OpenSSH's {@code HashKnownHosts} writes it:
 * {@code |1|base64(salt)|base64(HMAC-SHA1(key = salt, data = host name))}.
 * It matches exactly one name; patterns cannot be hashed.
 */
public final class HashedHostName implements HostPattern {
    /** The prefix of every hashed name: version 1, the only one there is. */
    public static final String MAGIC = "|1|";
    /** The salt length OpenSSH writes and requires: one SHA-1 output. */
    public static final int SALT_LENGTH = 20;
    private static final int HASH_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final byte[] salt;
    private final byte[] hash;

    private HashedHostName(String text, byte[] salt, byte[] hash) {
        this.text = text;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a host name with a fresh random 20-byte salt.
     *
     * @param hostname the name, e.g. {@code host} or {@code [host]:2222}
     * @return the hashed name
     */
    public static HashedHostName hash(String hostname) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return hash(hostname, salt);
    }

    /**
     * Hashes a host name with the given salt.
     *
     * @param hostname the name, hashed as given (UTF-8), as paramiko does
     * @param salt the HMAC key; OpenSSH only reads 20-byte salts
     * @return the hashed name
     * @throws IllegalArgumentException when the salt is empty (HMAC needs a key)
     */
    public static HashedHostName hash(String hostname, byte[] salt) {
        if (salt.length == 0) {
            throw new IllegalArgumentException("the salt of a hashed host name must not be empty");
        }
        byte[] saltCopy = salt.clone();
        Mac mac = newHmacSha1();
        byte[] hash = hmac(mac, saltCopy, hostname.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return new HashedHostName(MAGIC + b64.encodeToString(saltCopy) + "|" + b64.encodeToString(hash), saltCopy, hash);
    }

    /**
     * @param text one element of a host field
     * @return true when it is written as a hashed name (starts with {@code |})
     */
    public static boolean looksHashed(String text) {
        return text.startsWith("|");
    }

    /**
     * Parses a hashed name.
     *
     * @param text e.g. {@code |1|BMsIC6cUIP2zBuXR3t2LRcJYjzM=|hpkJMysjTk/+zzUUzxQEa2ieq6c=}
     * @return the parsed name
     * @throws MalformedKnownHostsLineException when it is not {@code |1|salt|hash} with a non-empty
     *     base64 salt and a 20-byte base64 hash
     */
    public static HashedHostName parse(String text) throws MalformedKnownHostsLineException {
        if (!text.startsWith(MAGIC)) {
            throw new MalformedKnownHostsLineException("hashed host name does not start with " + MAGIC);
        }
        String rest = text.substring(MAGIC.length());
        int bar = rest.indexOf('|');
        if (bar < 0) {
            throw new MalformedKnownHostsLineException("hashed host name has no '|' between salt and hash");
        }
        byte[] salt = decode(rest.substring(0, bar), "salt");
        byte[] hash = decode(rest.substring(bar + 1), "hash");
        if (salt.length == 0) {
            throw new MalformedKnownHostsLineException("hashed host name has an empty salt");
        }
        if (hash.length != HASH_LENGTH) {
            throw new MalformedKnownHostsLineException(
                    "hashed host name has a " + hash.length + "-byte hash; HMAC-SHA1 gives " + HASH_LENGTH);
        }
        return new HashedHostName(text, salt, hash);
    }

    private static byte[] decode(String base64, String what) throws MalformedKnownHostsLineException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedKnownHostsLineException("hashed host name has a " + what + " that is not valid base64", e);
        }
    }

    @Override
    public String text() {
        return text;
    }

    /** @return a copy of the salt */
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean negated() {
        return false;
    }

    @Override
    public boolean matches(HostQuery host) {
        return host.hashesTo(salt, hash);
    }

    @Override
    public boolean namesExactly(HostQuery host) {
        return text.equals(host.name()) || matches(host);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashedHostName other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    static Mac newHmacSha1() {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
        }
    }

    static boolean hashEquals(Mac mac, byte[] salt, byte[] name, byte[] expectedHash) {
        return MessageDigest.isEqual(hmac(mac, salt, name), expectedHash);
    }

    private static byte[] hmac(Mac mac, byte[] salt, byte[] data) {
        try {
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of " + salt.length + " bytes was refused", e);
        }
        return mac.doFinal(data);
    }
}
