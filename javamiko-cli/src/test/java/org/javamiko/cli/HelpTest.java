package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code javamiko --help}, every sub-command's help, and the demo. */
class HelpTest {
    @Test
    void topLevelHelpListsEveryCommand() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.status()).isZero();
        for (String command : List.of("exec", "shell", "sftp", "scp", "keygen", "known-hosts", "run", "fingerprint", "demo")) {
            assertThat(r.out()).contains("  " + command + " ");
        }
        assertThat(Cli.run().out()).isEqualTo(r.out());
    }

    @Test
    void everySubcommandHasCompleteHelp() {
        List<String[]> paths = new ArrayList<>();
        collect(Main.commandLine(new Io(null, System.out, System.err, false, false, Map.of())), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(4);
        for (String[] path : paths) {
            List<String> args = new ArrayList<>(List.of(path));
            args.add("--help");
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertThat(r.status()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: javamiko " + String.join(" ", path));
            CommandLine.Model.CommandSpec spec = find(path);
            assertThat(spec.usageMessage().header()).as("header of " + String.join(" ", path)).isNotEmpty();
            spec.options().forEach(o -> assertThat(o.description()).as(o.longestName()).isNotEmpty());
            spec.positionalParameters().forEach(p -> assertThat(p.description()).as(p.paramLabel()).isNotEmpty());
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument");
    }

    @Test
    void theDemoStillRuns() {
        Cli.Result r = Cli.run("demo");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("refused:").contains("exit status: 3").contains("SHA-256 equal after the round trip: true")
                .endsWith("Done.\n");
    }

    private static CommandLine.Model.CommandSpec find(String[] path) {
        CommandLine cli = Main.commandLine(new Io(null, System.out, System.err, false, false, Map.of()));
        for (String name : path) {
            cli = cli.getSubcommands().get(name);
        }
        return cli.getCommandSpec();
    }

    private static void collect(CommandLine cli, List<String> prefix, List<String[]> out) {
        for (Map.Entry<String, CommandLine> e : cli.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path.toArray(String[]::new));
            collect(e.getValue(), path, out);
        }
    }
}
