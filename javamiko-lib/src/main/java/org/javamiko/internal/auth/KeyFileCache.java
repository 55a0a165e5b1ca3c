package org.javamiko.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.javamiko.keys.PKey;

/**
 * The key files one {@link org.javamiko.SshClient} has decoded, so that connecting again does not
 * read, decrypt (bcrypt-pbkdf: ~0.1 s per encrypted OpenSSH key) and check the same file again.
 *
 * <p>An entry is used only while the file, and the {@code -cert.pub} beside it, still have the
 * same identity (file key), size and modification time as when it was decoded, and only for the
 * same passphrase: a wrong passphrase must fail as it would without the cache. Passphrases are
 * kept as SHA-256 digests, never as text. Each client has its own cache, a field that goes
 * with it: decoded private keys stay no longer than the client that loaded them (which also
 * holds the options naming them), and are never shared between clients.
 */
public final class KeyFileCache {
    private static final String CERT_SUFFIX = "-cert.pub";

    private final Map<Path, Entry> entries = new HashMap<>();

    /** What a file looked like when it was decoded. */
    private record Stamp(Object fileKey, long size, long modifiedNanos) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return null;
            }
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
    }

    /** @param companion the certificate beside a key file, or the key file beside a certificate */
    private record Entry(Stamp key, Stamp companion, byte[] secretDigest, PKey value) {
    }

    /** How a key file is decoded on a miss. */
    @FunctionalInterface
    public interface Loader {
        /**
         * @return the key, or null when it is to be skipped (e.g. encrypted and no passphrase given)
         */
        PKey load(Path file, String secret) throws IOException;
    }

    /**
     * Returns the key decoded earlier from this file with this passphrase when the file is
     * unchanged, else decodes it with {@code loader} and remembers the result (a null result is
     * not remembered, nor is a failure).
     *
     * @param file the key file
     * @param secret the passphrase, or null
     * @param loader decodes the file on a miss
     * @return the key, or null when the loader skipped it
     */
    public synchronized PKey get(Path file, String secret, Loader loader) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        Stamp key = Stamp.of(path);
        Stamp companion = Stamp.of(companion(path));
        byte[] digest = digest(secret);
        Entry e = entries.get(path);
        if (e != null && key != null && e.key().equals(key) && Objects.equals(e.companion(), companion)
                && MessageDigest.isEqual(e.secretDigest(), digest)) {
            return e.value();
        }
        entries.remove(path);
        PKey loaded = loader.load(file, secret);
        // Stamped before loading: a file rewritten meanwhile fails the next comparison.
        if (loaded != null && key != null) {
            entries.put(path, new Entry(key, companion, digest, loaded));
        }
        return loaded;
    }

    /**
     * The other file a load reads: the {@code -cert.pub} beside a key file, or, given a
     * certificate (which loads the key beside it), that key file.
     */
    private static Path companion(Path file) {
        if (file.getFileName() == null) {
            return file;
        }
        String name = file.getFileName().toString();
        if (name.endsWith(CERT_SUFFIX) && name.length() > CERT_SUFFIX.length()) {
            return file.resolveSibling(name.substring(0, name.length() - CERT_SUFFIX.length()));
        }
        return file.resolveSibling(name + CERT_SUFFIX);
    }

    private static byte[] digest(String secret) {
        if (secret == null) {
            return new byte[0];
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** @return how many files are cached (for tests) */
    synchronized int size() {
        return entries.size();
    }
}
