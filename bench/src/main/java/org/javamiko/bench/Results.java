package org.javamiko.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every sample of a run, by client, cipher and metric, rendered as one Markdown table per
 * metric with the ratio javamiko/peer in each cell.
 */
public final class Results {
    /** The client the ratios compare against every other. */
    public static final String OURS = "javamiko";

    private record Key(String client, String cipher, Metric metric) {
    }

    private final Map<Key, List<Sample>> samples = new LinkedHashMap<>();
    private final Map<Key, String> failures = new LinkedHashMap<>();
    private final Set<String> clients = new LinkedHashSet<>();

    /** Records the samples of one row cell. */
    public synchronized void add(String client, String cipher, Metric metric, List<Sample> values) {
        clients.add(client);
        samples.put(new Key(client, cipher, metric), List.copyOf(values));
    }

    /** Records that a client could not do this at all (unsupported cipher, error, not installed). */
    public synchronized void fail(String client, String cipher, Metric metric, String why) {
        clients.add(client);
        failures.put(new Key(client, cipher, metric), why);
    }

    private Stats value(String client, String cipher, Metric metric) {
        List<Sample> list = samples.get(new Key(client, cipher, metric));
        if (list == null || list.isEmpty()) {
            return null;
        }
        List<Double> v = new ArrayList<>();
        for (Sample s : list) {
            v.add(metric.throughput() ? s.megabytesPerSecond() : s.seconds() * 1000);
        }
        return Stats.of(v);
    }

    private Double cpu(String client, String cipher, Metric metric) {
        List<Sample> list = samples.get(new Key(client, cipher, metric));
        if (list == null || list.isEmpty() || Double.isNaN(list.get(0).cpuSeconds())) {
            return null;
        }
        List<Double> v = new ArrayList<>();
        for (Sample s : list) {
            v.add(s.cpuSeconds());
        }
        return Stats.of(v).median();
    }

    /** @return the Markdown tables, one per metric, rows by client, columns by cipher */
    public synchronized String toMarkdown() {
        StringBuilder out = new StringBuilder();
        for (Metric metric : Metric.values()) {
            out.append("\n### ").append(metric.title()).append(" (").append(metric.unit())
                    .append(metric.throughput() ? ", higher is better" : ", lower is better")
                    .append("; median [min–max]")
                    .append(metric.throughput() ? "; client CPU s per transfer" : "")
                    .append("; ratio javamiko/peer)\n\n| client |");
            for (String c : BenchCiphers.ALL) {
                out.append(' ').append(BenchCiphers.shortName(c)).append(" |");
            }
            out.append("\n|---|");
            BenchCiphers.ALL.forEach(c -> out.append("---|"));
            out.append('\n');
            for (String client : clients) {
                out.append("| ").append(client).append(" |");
                for (String cipher : BenchCiphers.ALL) {
                    out.append(' ').append(cell(client, cipher, metric)).append(" |");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private String cell(String client, String cipher, Metric metric) {
        Key key = new Key(client, cipher, metric);
        if (failures.containsKey(key)) {
            return "— (" + failures.get(key) + ")";
        }
        Stats s = value(client, cipher, metric);
        if (s == null) {
            return "—";
        }
        String digits = metric.throughput() ? "%.0f" : "%.1f";
        StringBuilder cell = new StringBuilder(String.format(Locale.ROOT, digits + " [" + digits + "–" + digits + "]",
                s.median(), s.min(), s.max()));
        Double cpu = cpu(client, cipher, metric);
        if (cpu != null) {
            cell.append(String.format(Locale.ROOT, "; %.2f s", cpu));
        }
        Stats ours = value(OURS, cipher, metric);
        if (!client.equals(OURS) && ours != null) {
            cell.append(String.format(Locale.ROOT, "; **%.2f×**", ours.median() / s.median()));
        }
        return cell.toString();
    }
}
