package org.javamiko.transport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.javamiko.internal.algo.AlgorithmCatalog;

/**
 * The algorithms a {@link Transport} offers in its key exchange, per kind, in preference order,
 * as paramiko's {@code SecurityOptions}. Change them before {@link Transport#startClient}; later
 * changes apply to the next key re-exchange.
 *
 * <pre>{@code
 * transport.getSecurityOptions().setCiphers(List.of("aes256-gcm@openssh.com"));
 * }</pre>
 *
 * Names must be ones javamiko implements; weak algorithms (anything with SHA-1) are implemented
 * but offered only when set here or through {@code ConnectOptions.preferredAlgorithms}.
 */
public final class SecurityOptions {
    private final Map<AlgorithmKind, List<String>> lists = new EnumMap<>(AlgorithmKind.class);

    /** The defaults: OpenSSH 9's client order, nothing weak. */
    public SecurityOptions() {
        for (AlgorithmKind kind : AlgorithmKind.values()) {
            lists.put(kind, AlgorithmCatalog.defaults(kind));
        }
    }

    /** @return key-exchange methods offered */
    public List<String> getKex() {
        return get(AlgorithmKind.KEX);
    }

    /** @param names key-exchange methods to offer, best first */
    public void setKex(List<String> names) {
        set(AlgorithmKind.KEX, names);
    }

    /** @return server host key algorithms accepted */
    public List<String> getKeyTypes() {
        return get(AlgorithmKind.KEYS);
    }

    /** @param names server host key algorithms to accept, best first */
    public void setKeyTypes(List<String> names) {
        set(AlgorithmKind.KEYS, names);
    }

    /** @return ciphers offered */
    public List<String> getCiphers() {
        return get(AlgorithmKind.CIPHERS);
    }

    /** @param names ciphers to offer, best first */
    public void setCiphers(List<String> names) {
        set(AlgorithmKind.CIPHERS, names);
    }

    /** @return MACs offered */
    public List<String> getMacs() {
        return get(AlgorithmKind.MACS);
    }

    /** @param names MACs to offer, best first */
    public void setMacs(List<String> names) {
        set(AlgorithmKind.MACS, names);
    }

    /** @return compression methods offered */
    public List<String> getCompression() {
        return get(AlgorithmKind.COMPRESSION);
    }

    /** @param names compression methods to offer; only {@code none} is implemented */
    public void setCompression(List<String> names) {
        set(AlgorithmKind.COMPRESSION, names);
    }

    /** @return signature algorithms our public-key authentication may use */
    public List<String> getPubkeyAlgorithms() {
        return get(AlgorithmKind.PUBKEYS);
    }

    /** @param names signature algorithms our public-key authentication may use */
    public void setPubkeyAlgorithms(List<String> names) {
        set(AlgorithmKind.PUBKEYS, names);
    }

    /**
     * @param kind which list
     * @return the list offered for that kind
     */
    public synchronized List<String> get(AlgorithmKind kind) {
        return lists.get(kind);
    }

    /**
     * Replaces one list.
     *
     * @param kind which list
     * @param names the algorithms, best first
     * @throws IllegalArgumentException for an empty list or a name javamiko does not implement
     */
    public synchronized void set(AlgorithmKind kind, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No " + kind.key() + " algorithm left to offer");
        }
        for (String n : names) {
            if (!AlgorithmCatalog.isSupported(kind, n)) {
                throw new IllegalArgumentException("Unsupported " + kind.key() + " algorithm '" + n + "'");
            }
        }
        lists.put(kind, List.copyOf(names));
    }

    /**
     * Removes algorithms, as paramiko's {@code disabled_algorithms}.
     *
     * @param kind which list
     * @param disabled names to drop (unknown names are ignored)
     * @throws IllegalArgumentException when nothing would be left
     */
    public synchronized void disable(AlgorithmKind kind, Collection<String> disabled) {
        List<String> left = new ArrayList<>(lists.get(kind));
        left.removeAll(disabled);
        set(kind, left);
    }

    /**
     * Moves the given algorithms to the front of a list, in the given order, keeping the rest
     * (OpenSSH puts host key types already known for a host first this way).
     *
     * @param kind which list
     * @param first the algorithms to prefer; those not in the list are ignored
     */
    public synchronized void preferFirst(AlgorithmKind kind, List<String> first) {
        List<String> current = lists.get(kind);
        List<String> reordered = new ArrayList<>();
        for (String n : first) {
            if (current.contains(n) && !reordered.contains(n)) {
                reordered.add(n);
            }
        }
        for (String n : current) {
            if (!reordered.contains(n)) {
                reordered.add(n);
            }
        }
        lists.put(kind, List.copyOf(reordered));
    }
}
