package org.javamiko.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's CSV ({@code -rf csv}) of {@link PacketPathBenchmark} and
 * {@link JcaPrimitiveBenchmark} into a Markdown table: MB/s of 32 KiB packets, ours next to
 * the JCA primitive, and the ratio.
 */
public final class MicroReport {
    private MicroReport() {
    }

    /** @param args the CSV file */
    public static void main(String[] args) throws IOException {
        Map<String, Double> score = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            List<String> f = fields(line);
            if (f.size() < 8 || f.get(0).equals("Benchmark")) {
                continue;
            }
            String bench = f.get(0).substring(f.get(0).lastIndexOf('.', f.get(0).lastIndexOf('.') - 1) + 1);
            score.put(bench + "/" + f.get(7), Double.parseDouble(f.get(4)));
        }
        StringBuilder out = new StringBuilder("| cipher | direction | javamiko PacketWriter/PacketReader MB/s "
                + "| bare JCA MB/s | ratio (target ≥ 0.8) |\n|---|---|---|---|---|\n");
        for (String cipher : List.of("gcm", "ctr+etm", "chacha")) {
            row(out, cipher, "encrypt+MAC", score.get("PacketPathBenchmark.writePacket/" + cipher),
                    score.get("JcaPrimitiveBenchmark.encrypt/" + cipher));
            row(out, cipher, "decrypt+verify", score.get("PacketPathBenchmark.readPacket/" + cipher),
                    score.get("JcaPrimitiveBenchmark.decrypt/" + cipher));
        }
        System.out.print(out);
    }

    private static void row(StringBuilder out, String cipher, String direction, Double ours, Double jca) {
        double mb = PacketPathBenchmark.DATA / 1e6;
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", cipher, direction,
                ours == null ? "—" : String.format(Locale.ROOT, "%.0f", ours * mb),
                jca == null ? "—" : String.format(Locale.ROOT, "%.0f", jca * mb),
                ours == null || jca == null ? "—" : String.format(Locale.ROOT, "%.2f", ours / jca)));
    }

    private static List<String> fields(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                f.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        f.add(cur.toString());
        return f;
    }
}
