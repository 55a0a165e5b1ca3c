package org.javamiko.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.javamiko.bench.TreeResults.Direction;
import org.javamiko.bench.clients.JavaClient;

/**
 * The small-file tree benchmark: a seeded tree of many small files (see {@link TreeLayout})
 * uploaded to a new remote directory and downloaded to a new local one by every client, per
 * cipher. JVM clients move at most K files at once over one connection ({@link WorkerPool});
 * OpenSSH runs {@code sftp -r}. Repetitions are interleaved: rep 1 of every client, then rep 2…,
 * so a slow minute of the shared machine spreads over all clients instead of hitting one.
 *
 * <p>Every client's first transfer each way is checked against the source tree's
 * {@link TreeDigest} (JVM clients: an untimed warm-up round, also for the JIT; OpenSSH: its first
 * timed round). The server and client share the machine, so the remote tree is checked and
 * removed through the local file system between runs.
 *
 * <p>Arguments, all {@code --name=value}: host, user, key, known-hosts, ports (cipher:port,…),
 * work (scratch directory, tmpfs), files (10000), seed, concurrency (K, 16), reps (3), clients
 * (javamiko,jsch,sshj,mina,openssh; others are ignored), openssh-version, out (a copy of the report).
 */
public final class TreeMain {
    private static final long DEFAULT_SEED = 20261121L;

    private final Path work;
    private final TreeLayout tree;
    private final TreeDigest expected;
    private final TreeResults results;

    private TreeMain(Path work, TreeLayout tree, TreeDigest expected) {
        this.work = work;
        this.tree = tree;
        this.expected = expected;
        this.results = new TreeResults(tree.files().size());
    }

    /** Runs the tree benchmark and prints its Markdown on stdout. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchMain.parse(args, List.of("host", "user", "key", "known-hosts", "ports", "work"));
        Path work = Path.of(a.get("work"));
        int files = Integer.parseInt(a.getOrDefault("files", "10000"));
        long seed = Long.parseLong(a.getOrDefault("seed", Long.toString(DEFAULT_SEED)));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "16"));
        int reps = Integer.parseInt(a.getOrDefault("reps", "3"));
        List<String> wanted = List.of(a.getOrDefault("clients", "javamiko,jsch,sshj,mina,openssh").split(","));
        Path source = work.resolve("tree-src");
        deleteTree(source);
        Log.info("tree: writing " + files + " files under " + source);
        TreeLayout tree = TreeLayout.generate(source, files, seed);
        TreeMain bench = new TreeMain(work, tree, TreeDigest.of(source));
        Instant start = Instant.now();
        List<JavaClient> javaClients = BenchMain.javaClients(wanted);
        try {
            for (Target t : BenchMain.targets(a)) {
                bench.runCipher(t, javaClients, concurrency, reps,
                        wanted.contains("openssh") ? a.getOrDefault("openssh-version", "OpenSSH") : null);
            }
        } finally {
            for (JavaClient c : javaClients) {
                c.close();
            }
            deleteTree(source);
        }
        String report = String.format(Locale.ROOT, "Run %s – %s; JVM %s %s; %d files in %d directories (two levels), "
                        + "%d bytes (%.1f MB), sizes %d–%d bytes log-uniform, seed %d; JVM clients: %d concurrent "
                        + "transfers over one connection; %d timed transfer(s) per cell, repetitions interleaved "
                        + "across clients%n", start, Instant.now(), System.getProperty("java.vm.name"), Runtime.version(),
                files, tree.dirs().size(), tree.totalBytes(), tree.totalBytes() / 1e6, TreeLayout.MIN_SIZE,
                TreeLayout.MAX_SIZE, seed, concurrency, reps) + bench.results.toMarkdown();
        System.out.println(report);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), report);
        }
    }

    /** Warms up and checks every JVM client, then runs the timed rounds, interleaved. */
    private void runCipher(Target t, List<JavaClient> javaClients, int concurrency, int reps, String opensshVersion)
            throws IOException {
        List<TreeClient> clients = new ArrayList<>();
        try {
            for (JavaClient c : javaClients) {
                Log.info("tree: " + c.name() + " / " + t.shortCipher() + ": connect, " + concurrency
                        + " workers, warm-up round");
                try {
                    TreeClient client = JvmTreeClient.connect(c, t, concurrency);
                    clients.add(client);
                    round(client, t.cipher(), false, true);
                } catch (Exception e) {
                    Log.error("tree: " + c.name() + " " + t.shortCipher(), e);
                    for (Direction d : Direction.values()) {
                        results.fail(c.name(), t.cipher(), d, Log.brief(e));
                    }
                }
            }
            TreeClient openssh = opensshVersion == null ? null : new OpenSshTreeClient(opensshVersion, t, work);
            if (openssh != null) {
                clients.add(openssh);
            }
            for (int rep = 0; rep < reps; rep++) {
                for (TreeClient client : clients) {
                    Log.info("tree: " + client.name() + " / " + t.shortCipher() + ": rep " + (rep + 1) + " of " + reps);
                    round(client, t.cipher(), true, client == openssh && rep == 0);
                }
            }
        } finally {
            clients.forEach(TreeClient::close);
        }
    }

    private interface Transfer {
        Sample run(Path to) throws Exception;
    }

    /** One upload and one download by {@code client}; a failure marks the cell and is not retried. */
    private void round(TreeClient client, String cipher, boolean timed, boolean check) throws IOException {
        String slug = client.name().replaceAll("[^A-Za-z0-9.]+", "-");
        once(client, cipher, Direction.UPLOAD, work.resolve("tree-put-" + slug), timed, check,
                to -> client.upload(tree, to.toString()));
        once(client, cipher, Direction.DOWNLOAD, work.resolve("tree-get-" + slug), timed, check,
                to -> client.download(tree.root().toString(), to, tree.totalBytes()));
    }

    private void once(TreeClient client, String cipher, Direction d, Path to, boolean timed, boolean check,
            Transfer transfer) throws IOException {
        if (results.failed(client.name(), cipher, d)) {
            return;
        }
        deleteTree(to);
        try {
            Sample s = transfer.run(to);
            if (check) {
                expected.check(client.name() + " " + d.name().toLowerCase(Locale.ROOT), TreeDigest.of(to));
            }
            if (timed) {
                results.add(client.name(), cipher, d, s);
            }
        } catch (Exception e) {
            Log.error("tree: " + client.name() + " " + BenchCiphers.shortName(cipher) + " " + d, e);
            results.fail(client.name(), cipher, d, Log.brief(e));
        } finally {
            deleteTree(to);
        }
    }

    /** Removes {@code root} and everything under it, if it exists (the remote side is on this machine). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
