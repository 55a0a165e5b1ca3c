package org.javamiko.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * paramiko (python3, Debian's package) through {@code bench/paramiko_bench.py}. paramiko has
 * neither AES-GCM nor ChaCha20-Poly1305, so it is measured against the aes128-ctr server only.
 */
public final class ParamikoPeer {
    private final Setup setup;
    private final Results results;
    private final Path script;
    private final String name;

    /** @param version paramiko's version, for the table */
    public ParamikoPeer(Setup setup, Results results, Path script, String version) {
        this.setup = setup;
        this.results = results;
        this.script = script;
        this.name = "paramiko " + version;
    }

    /** Runs every measurement against {@code t}, or records why not. */
    public void run(Target t) {
        if (!t.cipher().equals("aes128-ctr")) {
            for (Metric m : Metric.values()) {
                results.fail(name, t.cipher(), m, "cipher not in paramiko");
            }
            return;
        }
        Map<Metric, List<Sample>> samples = new EnumMap<>(Metric.class);
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), t.host(), Integer.toString(t.port()),
                    t.user(), t.key().toString(), t.knownHosts().toString(), setup.source().toString(),
                    setup.sourceSha256(), Long.toString(setup.size()), setup.work().toString(),
                    Integer.toString(setup.connects()), Integer.toString(setup.execs()), Integer.toString(setup.reps()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] f = line.trim().split(" ", 4);
                    if (f[0].equals("error")) {
                        results.fail(name, t.cipher(), metric(f[1]), f.length > 2 ? f[2] : "error");
                        samples.remove(metric(f[1]));
                        continue;
                    }
                    samples.computeIfAbsent(metric(f[0]), k -> new ArrayList<>()).add(new Sample(
                            Double.parseDouble(f[1]), number(f[2]), Long.parseLong(f[3])));
                }
            }
            int rc = p.waitFor();
            if (rc != 0) {
                Log.info(name + " exited with " + rc);
            }
        } catch (Exception e) {
            Log.error(name, e);
        }
        for (Metric m : Metric.values()) {
            List<Sample> s = samples.get(m);
            if (s != null) {
                results.add(name, t.cipher(), m, s);
            }
        }
    }

    /** Python prints NaN as "nan". */
    private static double number(String s) {
        return s.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(s);
    }

    private static Metric metric(String word) {
        return switch (word) {
            case "connect" -> Metric.CONNECT;
            case "exec" -> Metric.EXEC;
            case "stream" -> Metric.STREAM;
            default -> Metric.valueOf(word.toUpperCase(Locale.ROOT));
        };
    }
}
