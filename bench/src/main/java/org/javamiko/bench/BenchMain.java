package org.javamiko.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.javamiko.bench.clients.JavaClient;
import org.javamiko.bench.clients.JavamikoClient;
import org.javamiko.bench.clients.JschClient;
import org.javamiko.bench.clients.MinaClient;
import org.javamiko.bench.clients.SshjClient;

/**
 * The end-to-end benchmark: every client against the private sshd servers {@code bench/run}
 * started (one per cipher), results as Markdown on stdout and in {@code --out}. Per cipher, each
 * client's connect and exec rows are measured in turn; then the timed transfers (stream, get,
 * put) run interleaved: repetition 1 of every client, then repetition 2, and so on.
 *
 * <p>Arguments, all {@code --name=value}: host, user, key, known-hosts, ports (cipher:port,…),
 * source (the random file), size, work (a scratch directory), connects, execs, reps, clients
 * (javamiko,jsch,sshj,mina,openssh,paramiko), paramiko-script, paramiko-version,
 * openssh-version, out.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Runs the suite. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        List<Target> targets = targets(a);
        Path source = Path.of(a.get("source"));
        Log.info("SHA-256 of " + source);
        Setup setup = new Setup(targets, source, Sha256.of(source), Files.size(source), Path.of(a.get("work")),
                Integer.parseInt(a.getOrDefault("connects", "20")), Integer.parseInt(a.getOrDefault("execs", "50")),
                Integer.parseInt(a.getOrDefault("reps", "3")));
        List<String> wanted = List.of(a.getOrDefault("clients", "javamiko,jsch,sshj,mina,openssh,paramiko").split(","));
        Results results = new Results();
        List<JavaClient> javaClients = javaClients(wanted);
        JavaClientBench javaBench = new JavaClientBench(setup, results);
        OpenSshPeer openssh = new OpenSshPeer(setup, results, a.getOrDefault("openssh-version", "OpenSSH"));
        boolean paramiko = wanted.contains("paramiko") && a.containsKey("paramiko-script");
        ParamikoPeer paramikoPeer = paramiko ? new ParamikoPeer(setup, results, Path.of(a.get("paramiko-script")),
                a.getOrDefault("paramiko-version", "?")) : null;
        Instant start = Instant.now();
        for (Target t : targets) {
            List<TransferRounds> rounds = new ArrayList<>();
            for (JavaClient c : javaClients) {
                Log.info(c.name() + " / " + t.cipher() + ": connect, exec, transfer warm-up");
                addIfReady(rounds, javaBench.prepare(c, t));
            }
            if (wanted.contains("openssh")) {
                Log.info("openssh / " + t.cipher() + ": connect, exec, start-up baselines");
                addIfReady(rounds, openssh.prepare(t));
            }
            interleave(rounds, t.cipher(), setup.reps(), results);
            if (paramikoPeer != null) {
                Log.info("paramiko / " + t.cipher());
                paramikoPeer.run(t);
            }
        }
        for (JavaClient c : javaClients) {
            c.close();
        }
        String report = "Run " + start + " – " + Instant.now() + "; JVM " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + "; size " + setup.size() + " bytes; " + setup.connects() + " connects, "
                + setup.execs() + " execs, " + setup.reps() + " timed transfers per cell, repetitions interleaved "
                + "across clients (paramiko, a separate process, runs after them)\n" + results.toMarkdown();
        System.out.println(report);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), report);
        }
    }

    private static void addIfReady(List<TransferRounds> rounds, TransferRounds r) {
        if (r != null) {
            rounds.add(r);
        }
    }

    /**
     * Runs the timed transfers: repetition 1 of every client (stream, get, put), then repetition
     * 2…, so that a slow spell of the shared machine lands on all clients rather than on one. A
     * transfer that fails marks its cell and is not tried again; the clients are closed at the end.
     */
    private static void interleave(List<TransferRounds> rounds, String cipher, int reps, Results results) {
        try {
            for (int rep = 0; rep < reps; rep++) {
                for (TransferRounds r : rounds) {
                    Log.info(r.name() + " / " + cipher + ": transfers, rep " + (rep + 1) + " of " + reps);
                    for (Metric m : TransferRounds.TRANSFERS) {
                        if (results.failed(r.name(), cipher, m)) {
                            continue;
                        }
                        try {
                            results.append(r.name(), cipher, m, r.once(m, rep));
                        } catch (Exception e) {
                            results.fail(r.name(), cipher, m, Log.brief(e));
                            Log.error(r.name() + " " + BenchCiphers.shortName(cipher) + " " + m.title(), e);
                        }
                    }
                }
            }
        } finally {
            rounds.forEach(TransferRounds::close);
        }
    }

    /** @return the JVM clients named in {@code wanted} (javamiko, jsch, sshj, mina), in table order */
    static List<JavaClient> javaClients(List<String> wanted) {
        List<JavaClient> clients = new ArrayList<>();
        if (wanted.contains("javamiko")) {
            clients.add(new JavamikoClient());
        }
        if (wanted.contains("jsch")) {
            clients.add(new JschClient());
        }
        if (wanted.contains("sshj")) {
            clients.add(new SshjClient());
        }
        if (wanted.contains("mina")) {
            clients.add(new MinaClient());
        }
        return clients;
    }

    /** @return the targets of {@code --ports=cipher:port,…}, with the login arguments */
    static List<Target> targets(Map<String, String> a) {
        List<Target> targets = new ArrayList<>();
        for (String entry : a.get("ports").split(",")) {
            int colon = entry.lastIndexOf(':');
            targets.add(new Target(entry.substring(0, colon), a.get("host"), Integer.parseInt(entry.substring(colon + 1)),
                    a.get("user"), Path.of(a.get("key")), Path.of(a.get("known-hosts"))));
        }
        return targets;
    }

    private static Map<String, String> parse(String[] args) {
        return parse(args, List.of("host", "user", "key", "known-hosts", "ports", "source", "work"));
    }

    /** @return the {@code --name=value} arguments by name; throws when one of {@code required} is missing */
    static Map<String, String> parse(String[] args, List<String> required) {
        Map<String, String> m = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            m.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        for (String name : required) {
            if (!m.containsKey(name)) {
                throw new IllegalArgumentException("missing --" + name + "=…");
            }
        }
        return m;
    }
}
