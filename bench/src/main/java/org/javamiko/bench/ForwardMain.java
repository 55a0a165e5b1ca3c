package org.javamiko.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.javamiko.ConnectOptions;
import org.javamiko.PortForward;
import org.javamiko.RejectPolicy;
import org.javamiko.SshClient;

/**
 * The local forwarding benchmark ({@code ssh -L}): MB/s through javamiko's
 * {@link SshClient#forwardLocal} against OpenSSH's {@code ssh -N -L} in the same run, both to the
 * same {@link ForwardEndpoint} in this JVM, each cipher's server in turn. Up is towards the
 * endpoint (the forwarding's listener → channel → sshd → endpoint), down is the other way. One
 * untimed transfer each way first, then {@code reps} timed ones, interleaved between the two
 * clients. CPU: the client side, i.e. this JVM (javamiko and the endpoint) and, for OpenSSH, also
 * its {@code ssh} process; sshd's CPU beside it. Prints a Markdown table on stdout.
 *
 * <p>Arguments ({@code --name=value}): host, user, key, known-hosts, ports (cipher:port,…),
 * size (bytes per transfer), reps, openssh-version.
 */
public final class ForwardMain {
    private static final double TICKS_PER_SECOND = 100.0;

    private record Row(String client, String direction) {
    }

    /** An {@code ssh -N -L} process and the local port it was told to listen on. */
    private record SshL(Process process, int port) {
    }

    private final Map<Row, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
    private final Map<Row, Map<String, String>> failures = new LinkedHashMap<>();
    private final String ssh;

    private ForwardMain(String openSshVersion) {
        this.ssh = openSshVersion + " ssh -L";
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --name=value} pairs, see the class comment
     * @throws Exception when the setup fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchMain.parse(args, List.of("host", "user", "key", "known-hosts", "ports", "size"));
        long size = Long.parseLong(a.get("size"));
        int reps = Integer.parseInt(a.getOrDefault("reps", "3"));
        ForwardMain bench = new ForwardMain(a.getOrDefault("openssh-version", "OpenSSH"));
        try (ForwardEndpoint endpoint = ForwardEndpoint.start()) {
            for (Target t : BenchMain.targets(a)) {
                bench.measure(t, endpoint, size, reps);
            }
        }
        System.out.println("Each transfer " + size + " bytes through a local forwarding to a TCP endpoint in the bench JVM; "
                + reps + " timed per cell after one untimed each way; JDK " + Runtime.version() + "\n");
        System.out.print(bench.toMarkdown());
    }

    private void measure(Target t, ForwardEndpoint endpoint, long size, int reps) throws InterruptedException {
        Log.info("forward: " + t.shortCipher());
        try (SshClient client = new SshClient()) {
            client.loadHostKeys(t.knownHosts());
            client.setMissingHostKeyPolicy(new RejectPolicy());
            client.connect(t.host(), ConnectOptions.builder().port(t.port()).username(t.user()).keyFilename(t.key())
                    .allowAgent(false).lookForKeys(false)
                    .preferredAlgorithms(Map.of("ciphers", List.of(t.cipher()))).build());
            PortForward forward = client.forwardLocal("127.0.0.1", 0, "127.0.0.1", endpoint.port());
            SshL sshL = startSshL(t, endpoint.port());
            try {
                // ssh gives no sign that its listener is up but the listener itself
                int sshPort = sshL.process().isAlive() && ForwardEndpoint.awaitListening(sshL.port()) ? sshL.port() : -1;
                endpoint.upload(forward.boundPort(), size); // untimed: JIT and TCP warm-up
                endpoint.download(forward.boundPort(), size);
                if (sshPort > 0) {
                    endpoint.upload(sshPort, size);
                    endpoint.download(sshPort, size);
                }
                Optional<ServerCpu> sshd = ServerCpu.forPort(t.port());
                for (int rep = 0; rep < reps; rep++) {
                    for (String direction : List.of("up", "down")) {
                        time(new Row("javamiko forwardLocal", direction), t, () -> transfer(endpoint, forward.boundPort(),
                                direction, size), null, sshd, size);
                        if (sshPort > 0) {
                            time(new Row(ssh, direction), t, () -> transfer(endpoint, sshPort, direction, size),
                                    sshL.process(), sshd, size);
                        } else {
                            fail(new Row(ssh, direction), t, "ssh -L did not start listening");
                        }
                    }
                }
            } finally {
                sshL.process().destroy();
            }
        } catch (IOException | RuntimeException e) {
            Log.error("forward " + t.shortCipher(), e);
            for (String direction : List.of("up", "down")) {
                fail(new Row("javamiko forwardLocal", direction), t, Log.brief(e));
            }
        }
    }

    private static void transfer(ForwardEndpoint endpoint, int port, String direction, long size) throws IOException {
        if (direction.equals("up")) {
            endpoint.upload(port, size);
        } else {
            endpoint.download(port, size);
        }
    }

    /** The {@code ssh -L} of the cipher's server, listening on a free loopback port. */
    private static SshL startSshL(Target t, int endpointPort) throws IOException {
        int port = freePort();
        List<String> c = new ArrayList<>(List.of("ssh", "-N", "-F", "/dev/null", "-i", t.key().toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + t.knownHosts(),
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=yes", "-o", "Ciphers=" + t.cipher(),
                "-o", "MACs=" + BenchCiphers.MAC, "-o", "ControlMaster=no", "-o", "ControlPath=none",
                "-o", "ExitOnForwardFailure=yes", "-L", "127.0.0.1:" + port + ":127.0.0.1:" + endpointPort,
                "-p", Integer.toString(t.port()), t.user() + "@" + t.host()));
        Process p = new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new SshL(p, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface Transfer {
        void run() throws IOException;
    }

    private void time(Row row, Target t, Transfer transfer, Process ssh, Optional<ServerCpu> sshd, long size) {
        if (failures.getOrDefault(row, Map.of()).containsKey(t.cipher())) {
            return;
        }
        double cpu0 = Cpu.processSeconds() + (ssh == null ? 0 : seconds(ssh));
        double server0 = sshd.map(ServerCpu::seconds).orElse(Double.NaN);
        long t0 = System.nanoTime();
        try {
            transfer.run();
        } catch (IOException e) {
            Log.error(row.client() + " " + row.direction() + " " + t.shortCipher(), e);
            fail(row, t, Log.brief(e));
            return;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = Cpu.processSeconds() + (ssh == null ? 0 : seconds(ssh)) - cpu0;
        double server = sshd.map(ServerCpu::seconds).orElse(Double.NaN) - server0;
        samples.computeIfAbsent(row, r -> new LinkedHashMap<>()).computeIfAbsent(t.cipher(), c -> new ArrayList<>())
                .add(new Sample(seconds, cpu, size, server, Double.NaN));
    }

    private void fail(Row row, Target t, String why) {
        failures.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(t.cipher(), why);
        Map<String, List<Sample>> cells = samples.get(row);
        if (cells != null) {
            cells.remove(t.cipher());
        }
    }

    /** utime + stime of a process, from /proc (Linux); 0 when it cannot be read. */
    private static double seconds(Process p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private String toMarkdown() {
        StringBuilder out = new StringBuilder("| client | direction |");
        BenchCiphers.ALL.forEach(c -> out.append(' ').append(BenchCiphers.shortName(c)).append(" |"));
        out.append("\n|---|---|");
        BenchCiphers.ALL.forEach(c -> out.append("---|"));
        out.append('\n');
        List<Row> rows = new ArrayList<>();
        for (String client : List.of("javamiko forwardLocal", ssh)) {
            for (String direction : List.of("up", "down")) {
                rows.add(new Row(client, direction));
            }
        }
        for (Row row : rows) {
            out.append("| ").append(row.client()).append(" | ").append(row.direction()).append(" |");
            for (String cipher : BenchCiphers.ALL) {
                out.append(' ').append(cell(row, cipher)).append(" |");
            }
            out.append('\n');
        }
        out.append("\nMB/s (10^6 bytes/s), median [min–max]; client-side CPU s per transfer (this JVM incl. the endpoint,"
                + " plus the ssh process for OpenSSH) and sshd's; ratio javamiko/ssh -L (≥ 1: javamiko faster; target ≥ 1.0×)\n");
        return out.toString();
    }

    private String cell(Row row, String cipher) {
        String failure = failures.getOrDefault(row, Map.of()).get(cipher);
        if (failure != null) {
            return "— (" + failure + ")";
        }
        Stats s = stats(row, cipher);
        if (s == null) {
            return "—";
        }
        List<Sample> list = samples.get(row).get(cipher);
        StringBuilder cell = new StringBuilder(String.format(Locale.ROOT, "%.0f [%.0f–%.0f]; %.2f s (sshd %.2f s)",
                s.median(), s.min(), s.max(), Stats.of(list.stream().map(Sample::cpuSeconds).toList()).median(),
                Stats.of(list.stream().map(Sample::serverCpuSeconds).toList()).median()));
        Stats ours = stats(new Row("javamiko forwardLocal", row.direction()), cipher);
        if (row.client().equals(ssh) && ours != null) {
            cell.append(String.format(Locale.ROOT, "; **%.2f×**", ours.median() / s.median()));
        }
        return cell.toString();
    }

    private Stats stats(Row row, String cipher) {
        List<Sample> list = samples.getOrDefault(row, Map.of()).get(cipher);
        return list == null || list.isEmpty() ? null : Stats.of(list.stream().map(Sample::megabytesPerSecond).toList());
    }
}
