package org.javamiko;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.javamiko.internal.hostkeys.HashedHostName;
import org.javamiko.internal.hostkeys.HostKeyLine;
import org.javamiko.internal.hostkeys.HostPatternList;
import org.javamiko.internal.hostkeys.HostQuery;
import org.javamiko.internal.hostkeys.KnownHostsEntry;
import org.javamiko.internal.hostkeys.KnownHostsFiles;
import org.javamiko.internal.hostkeys.KnownHostsReader;
import org.javamiko.internal.hostkeys.MalformedKnownHostsLineException;
import org.javamiko.internal.hostkeys.Marker;
import org.javamiko.internal.hostkeys.RawLine;
import org.javamiko.keys.PKey;

/**
 * A set of known host keys, read from and written to OpenSSH {@code known_hosts} files
 * ({@code man 8 sshd}, "SSH_KNOWN_HOSTS FILE FORMAT").
 *
 * <p>Host names are {@code host} for port 22 and {@code [host]:port} otherwise, as the client
 * names them ({@code SshClient.connect}, like {@code ssh}, also accepts a key or CA listed for
 * {@code host} when nothing is listed for {@code [host]:port}; the methods here look up exactly
 * the name given). Entries may list several comma-separated names, hashed names
 * ({@code |1|salt|hash}), wildcard patterns ({@code *}, {@code ?}) and negated patterns
 * ({@code !pattern}, which exclude a host even when another pattern of the line matches it).
 * Lines marked {@code @revoked} make {@link #check} fail for their key; lines marked
 * {@code @cert-authority} are kept apart for certificate checking
 * ({@link #certificateAuthorities}): {@code SshClient.connect} accepts a host certificate signed
 * by such a CA for the host, as OpenSSH's client does, and refuses a host certificate whose key
 * or CA is {@code @revoked}.
 *
 * <p>Comments, blank lines and lines this library cannot use (an unknown key type, bad base64,
 * a truncated key) are skipped for lookups, logged at DEBUG, and written back unchanged by
 * {@link #save}: a file loaded and saved is the same file, byte for byte.
 *
 * <p>Instances are thread-safe.
 */
public class HostKeys {
    private final List<HostKeyLine> lines = new ArrayList<>();
    /**
     * The identity of every line ever read from a file: what {@link #saveMerged} recognises as
     * already seen, so a line missing here but present in the file was added there by someone else.
     */
    private final Set<String> seenInFiles = new HashSet<>();

    /** An empty set. */
    public HostKeys() {
    }

    /**
     * A set holding the entries of a file.
     *
     * @param file a known_hosts file
     * @throws NoSuchFileException when the file does not exist
     */
    public HostKeys(Path file) throws IOException {
        load(file);
    }

    /**
     * Adds the lines of a known_hosts file to this set. Lines already in the set are not added
     * again (entries compare by marker, host names and key; other lines by their text), so loading
     * a file twice changes nothing. Unusable lines are skipped with a DEBUG log, never fatal.
     *
     * @param file the file
     * @throws NoSuchFileException when the file does not exist
     */
    public void load(Path file) throws IOException {
        List<HostKeyLine> read = KnownHostsReader.read(file);
        synchronized (this) {
            addNewLines(read, Set.of());
        }
    }

    /**
     * Writes this set to a file, replacing it atomically (a temporary file in the same directory
     * moved over it). An existing file keeps its permissions; a new one is made readable and
     * writable by its owner only.
     *
     * @param file the file
     * @throws IOException if it cannot be written
     */
    public void save(Path file) throws IOException {
        byte[] content;
        synchronized (this) {
            content = render();
        }
        KnownHostsFiles.writeAtomically(file, content);
    }

    /**
     * Writes this set to a file without losing what others wrote there meanwhile: the file is read
     * again, its lines that this set has never seen (neither loaded from any file nor holds now)
     * are added to this set, and the union is written as {@link #save} does. Lines this set loaded
     * earlier and no longer holds (after {@link #clear}, or a key replaced by {@link #add}) stay
     * removed. This is what {@code SshClient.saveHostKeys} and {@code AutoAddPolicy} use, so that
     * two programs adding hosts to the same file do not erase each other's entries.
     *
     * <p>Between the read and the atomic replace another writer could still slip in; known_hosts
     * has no locking convention (OpenSSH takes none either).
     *
     * @param file the file; when it does not exist this is {@link #save}
     * @throws IOException if it cannot be read or written
     */
    public void saveMerged(Path file) throws IOException {
        List<HostKeyLine> onDisk = Files.exists(file) ? KnownHostsReader.read(file) : List.of();
        byte[] content;
        synchronized (this) {
            addNewLines(onDisk, seenInFiles);
            content = render();
        }
        KnownHostsFiles.writeAtomically(file, content);
    }

    /**
     * Adds the candidates whose identity is neither in this set nor in {@code alsoSkip}, and
     * records every candidate as seen in a file. Call holding the lock.
     */
    private void addNewLines(List<HostKeyLine> candidates, Set<String> alsoSkip) {
        Set<String> present = new HashSet<>(alsoSkip);
        for (HostKeyLine line : lines) {
            present.add(line.identity());
        }
        for (HostKeyLine line : candidates) {
            // not "present.add": duplicates within one file are kept, so a file round-trips exactly
            if (!present.contains(line.identity())) {
                lines.add(line);
            }
        }
        for (HostKeyLine line : candidates) {
            seenInFiles.add(line.identity());
        }
    }

    private byte[] render() {
        List<RawLine> raw = new ArrayList<>(lines.size());
        for (HostKeyLine line : lines) {
            raw.add(line.raw());
        }
        return RawLine.join(raw);
    }

    /**
     * Adds a host key, as paramiko does: when an ordinary entry names exactly this host (the same
     * name, not through a pattern, or a hashed form of it) with a key of this type, its key is
     * replaced (in every name of that line); otherwise a new line {@code hostname keyType key} is
     * appended.
     *
     * @param hostname {@code host}, {@code [host]:port}, a pattern, or a hashed name from
     *     {@link #hashHost}; one name, without commas or blanks
     * @param keyType the key's type, {@code key.getName()}; a signature algorithm name such as
     *     {@code rsa-sha2-512} is accepted for an {@code ssh-rsa} key
     * @param key the public key
     * @throws IllegalArgumentException when the host name could not be written as one name of a
     *     known_hosts line, or keyType is not the key's type
     */
    public void add(String hostname, String keyType, PKey key) {
        Objects.requireNonNull(key, "key");
        HostPatternList hosts = parseSingleHostName(hostname);
        if (!keyTypeOf(keyType).equals(key.getName())) {
            throw new IllegalArgumentException("key type " + keyType + " does not match the " + key.getName() + " key");
        }
        HostQuery host = new HostQuery(hostname);
        synchronized (this) {
            for (int i = 0; i < lines.size(); i++) {
                HostKeyLine line = lines.get(i);
                KnownHostsEntry entry = line.entry().orElse(null);
                if (entry != null && entry.marker() == Marker.NONE && entry.keyType().equals(key.getName())
                        && entry.hosts().namesExactly(host)) {
                    lines.set(i, line.withKey(key));
                    return;
                }
            }
            lines.add(HostKeyLine.created(
                    new KnownHostsEntry(Marker.NONE, hosts, key.getName(), key.getBase64(), ""), key));
        }
    }

    private static HostPatternList parseSingleHostName(String hostname) {
        Objects.requireNonNull(hostname, "hostname");
        if (hostname.isEmpty() || hostname.startsWith("#") || hostname.startsWith("@")
                || hostname.chars().anyMatch(c -> c == ',' || Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("not a single host name for known_hosts: \"" + hostname + "\"");
        }
        try {
            return HostPatternList.parse(hostname);
        } catch (MalformedKnownHostsLineException e) {
            throw new IllegalArgumentException("not a valid hashed host name: " + hostname + " (" + e.getMessage() + ")", e);
        }
    }

    /** RSA keys sign with rsa-sha2-256/512, but known_hosts names the key type, ssh-rsa. */
    private static String keyTypeOf(String keyTypeOrSignatureAlgorithm) {
        Objects.requireNonNull(keyTypeOrSignatureAlgorithm, "keyType");
        return switch (keyTypeOrSignatureAlgorithm) {
            case "rsa-sha2-256", "rsa-sha2-512" -> "ssh-rsa";
            default -> keyTypeOrSignatureAlgorithm;
        };
    }

    /**
     * The host keys known for a host: from every ordinary entry (neither {@code @revoked} nor
     * {@code @cert-authority}) whose names match it. When several entries give a key of the same
     * type, the first in file order is returned; {@link #check} accepts any of them.
     *
     * @param hostname {@code host} or {@code [host]:port}
     * @return key type to key, in file order; empty when the host is unknown
     */
    public Map<String, PKey> lookup(String hostname) {
        Map<String, PKey> keys = new LinkedHashMap<>();
        for (PKey key : matchingKeys(Marker.NONE, hostname)) {
            keys.putIfAbsent(key.getName(), key);
        }
        return Collections.unmodifiableMap(keys);
    }

    /**
     * Whether a key is the known key of a host: an ordinary entry matching the host holds this
     * key, and no {@code @revoked} entry matching the host does.
     *
     * @param hostname {@code host} or {@code [host]:port}
     * @param key the key the server presented
     * @return true when the key is known for the host and not revoked
     */
    public boolean check(String hostname, PKey key) {
        Objects.requireNonNull(key, "key");
        return !isRevoked(hostname, key) && matchingKeys(Marker.NONE, hostname).contains(key);
    }

    /**
     * @param hostname {@code host} or {@code [host]:port}
     * @param key a host key, or the certificate authority of a host certificate
     * @return true when an {@code @revoked} entry matching the host holds this key
     */
    public boolean isRevoked(String hostname, PKey key) {
        Objects.requireNonNull(key, "key");
        return matchingKeys(Marker.REVOKED, hostname).contains(key);
    }

    /**
     * The certificate authorities trusted to sign host certificates for a host: the keys of the
     * {@code @cert-authority} entries matching it. When there is one, {@code SshClient.connect}
     * offers the certificate host key algorithms first; a certificate it accepts must also be a
     * host certificate naming the host (without the port) among its principals (or naming none),
     * be valid now, carry no critical options, and be signed with a SHA-2 or elliptic-curve
     * algorithm (not {@code ssh-rsa}), as OpenSSH 8.2 and later require.
     *
     * @param hostname {@code host} or {@code [host]:port}
     * @return the CA keys, in file order; empty when none
     */
    public List<PKey> certificateAuthorities(String hostname) {
        return matchingKeys(Marker.CERT_AUTHORITY, hostname);
    }

    /**
     * The types of the keys known for a host, so that a client can offer those host key
     * algorithms first and get the key it can verify, as OpenSSH does.
     *
     * @param hostname {@code host} or {@code [host]:port}
     * @return key types such as {@code ssh-ed25519} or {@code ssh-rsa}, in file order, without
     *     duplicates; empty when the host is unknown
     */
    public List<String> keyTypes(String hostname) {
        Set<String> types = new LinkedHashSet<>();
        for (PKey key : matchingKeys(Marker.NONE, hostname)) {
            types.add(key.getName());
        }
        return List.copyOf(types);
    }

    private synchronized List<PKey> matchingKeys(Marker marker, String hostname) {
        Objects.requireNonNull(hostname, "hostname");
        HostQuery host = new HostQuery(hostname);
        List<PKey> keys = new ArrayList<>();
        for (HostKeyLine line : lines) {
            if (line.matches(marker, host)) {
                keys.add(line.key());
            }
        }
        return keys;
    }

    /** Removes every line: the set becomes empty. */
    public synchronized void clear() {
        lines.clear();
    }

    /**
     * Hashes a host name with a fresh random 20-byte salt, as OpenSSH's {@code HashKnownHosts}
     * does; such a name can be given to {@link #add} so the file does not reveal the host.
     *
     * @param hostname {@code host} or {@code [host]:port}
     * @return {@code |1|base64(salt)|base64(HMAC-SHA1(salt, hostname))}
     */
    public static String hashHost(String hostname) {
        return HashedHostName.hash(Objects.requireNonNull(hostname, "hostname")).text();
    }

    /**
     * Hashes a host name with the given salt.
     *
     * @param hostname {@code host} or {@code [host]:port}, hashed as given (UTF-8)
     * @param salt the salt; OpenSSH reads only 20-byte salts
     * @return {@code |1|base64(salt)|base64(HMAC-SHA1(salt, hostname))}
     * @throws IllegalArgumentException when the salt is empty
     */
    public static String hashHost(String hostname, byte[] salt) {
        return HashedHostName.hash(Objects.requireNonNull(hostname, "hostname"), Objects.requireNonNull(salt, "salt")).text();
    }
}
