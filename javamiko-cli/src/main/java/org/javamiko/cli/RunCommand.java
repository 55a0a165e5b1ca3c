package org.javamiko.cli;

import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.javamiko.Fleet;
import org.javamiko.FleetHost;
import org.javamiko.FleetResult;
import org.javamiko.FleetRun;
import org.javamiko.config.SshConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code javamiko run -H h1,h2 | -f HOSTFILE -- command}: one command on many hosts, through {@link Fleet}. */
@Command(name = "run", header = "Run one command on many hosts at once.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs COMMAND on every host, at most --parallel at once, each bounded by --timeout "
                + "(connecting included). Every output line is printed as it arrives, prefixed with its host "
                + "(stdout lines on stdout, stderr lines on stderr); --group prints each host's output together "
                + "when it finishes instead. A summary table follows: host, exit status (or why it failed), time.",
                "",
                "Hosts are [USER@]HOST[:PORT], resolved through ssh_config as for `javamiko exec`; the connection "
                + "options apply to every host. A host that cannot be reached never stops the others.",
                "",
                "Exit status: 0 only if the command succeeded on every host; 255 if a host could not be reached "
                + "or logged in to, or timed out; else 1."},
        footer = {"", "Examples:", "  javamiko run -H web1,web2,web3 -- uptime",
                "  javamiko run -f hosts.txt --parallel 100 --timeout 30s -- 'systemctl is-active nginx'"})
final class RunCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "-H", paramLabel = "HOSTS", split = ",",
            description = "hosts, comma-separated ([USER@]HOST[:PORT] each); may be repeated")
    List<String> hosts = new ArrayList<>();

    @Option(names = "-f", paramLabel = "HOSTFILE",
            description = "a file of hosts, one [USER@]HOST[:PORT] a line (# comments and blank lines skipped)")
    Path hostFile;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "32",
            description = "how many hosts at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "bound on each host, connecting included: 30s, 5m, 1h, 500ms, or seconds (default: none)")
    Duration timeout;

    @Option(names = "--group", description = "print each host's output together when it finishes, not line by line")
    boolean group;

    @Option(names = "--no-summary", negatable = false, description = "leave out the summary table")
    boolean noSummary;

    @Parameters(arity = "1..*", paramLabel = "COMMAND",
            description = "the command (after --); several words are joined with spaces, as ssh does")
    List<String> command;

    private SshConfig config;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<String> all = new ArrayList<>(hosts);
        if (hostFile != null) {
            for (String line : Files.readAllLines(hostFile, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    all.add(s.split("\\s+")[0]);
                }
            }
        }
        all.removeIf(String::isBlank);
        if (all.isEmpty()) {
            throw new Failures.CommandFailure(2, "no hosts: give -H HOST[,HOST...] or -f HOSTFILE");
        }
        if (parallel < 1) {
            throw new Failures.CommandFailure(2, "--parallel must be at least 1");
        }
        Io io = context.io;
        String line = String.join(" ", command);
        config = connection.sshConfig();
        Object lock = new Object();
        Fleet.Builder builder = Fleet.builder()
                .connectOptions(() -> connection.builderWithoutPrompts(config))
                .clientSetup((host, client) -> { }) // known_hosts come from the configuration, as for ssh
                .parallelism(parallel)
                .timeout(timeout)
                .captureOutput(group);
        if (!group) {
            builder.outputListener((host, stderr, text) -> {
                synchronized (lock) {
                    PrintStream to = stderr ? io.err() : io.out();
                    to.println(host.spec() + ": " + text);
                    to.flush();
                }
            });
        }
        List<FleetResult> results = new ArrayList<>();
        try (Fleet fleet = builder.build(); FleetRun run = fleet.run(all, line)) {
            for (FleetResult r : run) {
                results.add(r);
                if (group) {
                    printGroup(io, r);
                } else if (r.error().isPresent()) {
                    synchronized (lock) {
                        io.err().println(r.host().spec() + ": " + failure(r));
                        io.err().flush();
                    }
                }
            }
        }
        if (!noSummary) {
            summary(io.out(), results, all);
        }
        boolean unreachable = results.stream().anyMatch(r -> r.error().isPresent());
        boolean failed = results.stream().anyMatch(r -> !r.ok());
        return unreachable ? Failures.CONNECTION : failed ? 1 : 0;
    }

    private void printGroup(Io io, FleetResult r) {
        io.out().println("=== " + r.host().spec() + ": " + status(r) + " in " + seconds(r.duration()) + " ===");
        io.out().print(withNewline(r.stdout()));
        io.out().flush();
        io.err().print(withNewline(r.stderr()));
        if (r.error().isPresent()) {
            io.err().println(r.host().spec() + ": " + failure(r));
        }
        io.err().flush();
    }

    private static String withNewline(String s) {
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }

    /** The table, in the order the hosts were given. */
    private void summary(PrintStream out, List<FleetResult> results, List<String> given) {
        int width = "HOST".length();
        for (FleetResult r : results) {
            width = Math.max(width, r.host().spec().length());
        }
        List<FleetResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(r -> given.indexOf(r.host().spec())));
        out.println();
        out.printf("%-" + width + "s  %-7s  %8s%n", "HOST", "STATUS", "TIME");
        for (FleetResult r : sorted) {
            String status = r.error().isPresent() ? "error" : String.valueOf(r.exitStatus() < 0 ? 255 : r.exitStatus());
            String why = r.error().isPresent() ? "  " + failure(r) : "";
            out.printf("%-" + width + "s  %-7s  %8s%s%n", r.host().spec(), status, seconds(r.duration()), why);
        }
        long ok = results.stream().filter(FleetResult::ok).count();
        out.printf("%d of %d hosts succeeded%n", ok, results.size());
        out.flush();
    }

    private static String status(FleetResult r) {
        return r.error().isPresent() ? "error" : "exit " + (r.exitStatus() < 0 ? 255 : r.exitStatus());
    }

    /** One line for a host that failed: ssh's words for a connection error. */
    private String failure(FleetResult r) {
        Exception e = r.error().orElse(null);
        if (e == null) {
            return "exit status " + r.exitStatus();
        }
        if (e instanceof SocketTimeoutException && timeout != null) {
            return "timed out after " + seconds(timeout);
        }
        FleetHost h = r.host();
        return connection.describe(config, h.user(), h.host(), h.port(), e);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2fs", d.toNanos() / 1e9);
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 500ms}, or a number of seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a duration: write e.g. 30s, 5m, 1h, 500ms or 30");
            }
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> n;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                default -> n * 1000;
            };
            return Duration.ofMillis((long) millis);
        }
    }

}
