package org.javamiko.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The samples of the tree benchmark by client, cipher and direction, as one Markdown table per
 * direction: files/s median [min–max], MB/s median, client CPU seconds median, ratio javamiko/peer.
 */
final class TreeResults {

    /** Which way a tree goes. */
    enum Direction {
        UPLOAD("tree upload"),
        DOWNLOAD("tree download");

        private final String title;

        Direction(String title) {
            this.title = title;
        }
    }

    private record Key(String client, String cipher, Direction direction) {
    }

    private final int files;
    private final Map<Key, List<Sample>> samples = new LinkedHashMap<>();
    private final Map<Key, String> failures = new LinkedHashMap<>();
    private final Set<String> clients = new LinkedHashSet<>();
    private final Set<String> ciphers = new LinkedHashSet<>();

    /** @param files the number of files in every tree transferred */
    TreeResults(int files) {
        this.files = files;
    }

    /** Adds one timed transfer. */
    void add(String client, String cipher, Direction direction, Sample sample) {
        clients.add(client);
        ciphers.add(cipher);
        samples.computeIfAbsent(new Key(client, cipher, direction), k -> new ArrayList<>()).add(sample);
    }

    /** Records that a client could not do this; its samples of this cell are dropped. */
    void fail(String client, String cipher, Direction direction, String why) {
        clients.add(client);
        ciphers.add(cipher);
        failures.put(new Key(client, cipher, direction), why);
    }

    /** @return true when this cell has failed, so the client should not try it again */
    boolean failed(String client, String cipher, Direction direction) {
        return failures.containsKey(new Key(client, cipher, direction));
    }

    private Stats stats(Key key, boolean cpu) {
        List<Sample> list = samples.get(key);
        if (list == null || list.isEmpty() || failures.containsKey(key)) {
            return null;
        }
        List<Double> v = new ArrayList<>();
        for (Sample s : list) {
            v.add(cpu ? s.cpuSeconds() : files / s.seconds());
        }
        return Stats.of(v);
    }

    private Stats megabytes(Key key) {
        List<Double> v = new ArrayList<>();
        for (Sample s : samples.get(key)) {
            v.add(s.megabytesPerSecond());
        }
        return Stats.of(v);
    }

    /** @return the two tables, rows by client, columns by cipher */
    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        for (Direction d : Direction.values()) {
            out.append("\n### ").append(d.title).append(" (files/s, higher is better; median [min–max]; MB/s median; ")
                    .append("client CPU s per tree; ratio javamiko/peer)\n\n| client |");
            for (String c : ciphers) {
                out.append(' ').append(BenchCiphers.shortName(c)).append(" |");
            }
            out.append("\n|---|");
            ciphers.forEach(c -> out.append("---|"));
            out.append('\n');
            for (String client : clients) {
                out.append("| ").append(client).append(" |");
                for (String cipher : ciphers) {
                    out.append(' ').append(cell(new Key(client, cipher, d))).append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private String cell(Key key) {
        if (failures.containsKey(key)) {
            return "— (" + failures.get(key) + ")";
        }
        Stats rate = stats(key, false);
        if (rate == null) {
            return "—";
        }
        StringBuilder cell = new StringBuilder(String.format(Locale.ROOT, "%.0f [%.0f–%.0f]; %.0f MB/s", rate.median(),
                rate.min(), rate.max(), megabytes(key).median()));
        Stats cpu = stats(key, true);
        if (!Double.isNaN(cpu.median())) {
            cell.append(String.format(Locale.ROOT, "; %.2f s", cpu.median()));
        }
        Stats ours = stats(new Key(Results.OURS, key.cipher(), key.direction()), false);
        if (!key.client().equals(Results.OURS) && ours != null) {
            cell.append(String.format(Locale.ROOT, "; **%.2f×**", ours.median() / rate.median()));
        }
        return cell.toString();
    }
}
