package org.javamiko.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
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

    /** Adds one sample to a row cell (the rounds of interleaved transfers come one at a time). */
    public synchronized void append(String client, String cipher, Metric metric, Sample value) {
        clients.add(client);
        Key key = new Key(client, cipher, metric);
        List<Sample> list = new ArrayList<>(samples.getOrDefault(key, List.of()));
        list.add(value);
        samples.put(key, List.copyOf(list));
    }

    /**
     * Records that a client could not do this at all (unsupported cipher, error, not installed);
     * samples it already had in this cell are dropped, so no table or target uses half a cell.
     */
    public synchronized void fail(String client, String cipher, Metric metric, String why) {
        clients.add(client);
        Key key = new Key(client, cipher, metric);
        failures.put(key, why);
        samples.remove(key);
    }

    /** @return true when the cell has failed, so the client should not try it again */
    public synchronized boolean failed(String client, String cipher, Metric metric) {
        return failures.containsKey(new Key(client, cipher, metric));
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

    /** @return the median of one CPU figure of the cell's samples, or null when they have none */
    private Double medianOf(String client, String cipher, Metric metric, ToDoubleFunction<Sample> figure) {
        List<Sample> list = samples.get(new Key(client, cipher, metric));
        if (list == null || list.isEmpty() || Double.isNaN(figure.applyAsDouble(list.get(0)))) {
            return null;
        }
        List<Double> v = new ArrayList<>();
        for (Sample s : list) {
            v.add(figure.applyAsDouble(s));
        }
        return Stats.of(v).median();
    }

    /** @return the Markdown tables, one per metric, rows by client, columns by cipher */
    public synchronized String toMarkdown() {
        StringBuilder out = new StringBuilder("\n### Targets (javamiko against the best peer of this run, medians)\n\n");
        out.append(targetsMarkdown());
        for (Metric metric : Metric.values()) {
            out.append("\n### ").append(metric.title()).append(" (").append(metric.unit())
                    .append(metric.throughput() ? ", higher is better" : ", lower is better")
                    .append("; median [min–max]")
                    .append(metric.throughput() ? "; client CPU s per transfer (for JVM clients also sshd's, its sftp-server child included, and how busy the machine's CPUs were)" : "")
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

    /**
     * The targets, each as javamiko against the best peer in this run: SFTP get/put
     * ≥ 1.2× the best client for gcm and ctr+etm, ≥ 1.0× OpenSSH for chacha; raw stream ≥ 1.0×
     * every peer; connect and exec time ≤ 1.0× the best peer's.
     */
    public synchronized String targetsMarkdown() {
        StringBuilder out = new StringBuilder("| metric | cipher | javamiko | best peer | ratio | target | met |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Metric metric : Metric.values()) {
            for (String cipher : BenchCiphers.ALL) {
                Stats ours = value(OURS, cipher, metric);
                boolean chacha = cipher.startsWith("chacha");
                boolean sftp = metric == Metric.GET || metric == Metric.PUT;
                String bestName = null;
                Stats best = null;
                for (String client : clients) {
                    Stats s = value(client, cipher, metric);
                    if (client.equals(OURS) || s == null || (sftp && chacha && !client.startsWith("OpenSSH"))) {
                        continue;
                    }
                    boolean better = best == null
                            || (metric.throughput() ? s.median() > best.median() : s.median() < best.median());
                    if (better) {
                        best = s;
                        bestName = client;
                    }
                }
                double target = sftp && !chacha ? 1.2 : 1.0;
                if (ours == null || best == null) {
                    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | — | | not measured |%n", metric.title(),
                            BenchCiphers.shortName(cipher), ours == null ? "—" : fmt(metric, ours.median()),
                            best == null ? "—" : bestName));
                    continue;
                }
                double ratio = ours.median() / best.median();
                boolean met = metric.throughput() ? ratio >= target : ratio <= target;
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s %s | %.2f× | %s %.1f× | %s |%n",
                        metric.title(), BenchCiphers.shortName(cipher), fmt(metric, ours.median()), bestName,
                        fmt(metric, best.median()), ratio, metric.throughput() ? "≥" : "≤", target,
                        met ? "yes" : "**no**"));
            }
        }
        return out.toString();
    }

    private static String fmt(Metric metric, double v) {
        return String.format(Locale.ROOT, metric.throughput() ? "%.0f %s" : "%.1f %s", v, metric.unit());
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
        Double cpu = medianOf(client, cipher, metric, Sample::cpuSeconds);
        if (cpu != null) {
            cell.append(String.format(Locale.ROOT, "; %.2f s", cpu));
        }
        Double server = medianOf(client, cipher, metric, Sample::serverCpuSeconds);
        Double busy = medianOf(client, cipher, metric, Sample::machineBusy);
        if (server != null && busy != null) {
            cell.append(String.format(Locale.ROOT, " (sshd %.2f s; CPUs %.0f %% busy)", server, 100 * busy));
        } else if (server != null) {
            cell.append(String.format(Locale.ROOT, " (sshd %.2f s)", server));
        }
        Stats ours = value(OURS, cipher, metric);
        if (!client.equals(OURS) && ours != null) {
            cell.append(String.format(Locale.ROOT, "; **%.2f×**", ours.median() / s.median()));
        }
        return cell.toString();
    }
}
