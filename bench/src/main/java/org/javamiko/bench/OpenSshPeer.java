package org.javamiko.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSH's own {@code ssh} and {@code sftp}, timed as whole processes. Transfers are reported
 * net of session start-up: the median time (and CPU) of the same command doing nothing
 * ({@code ssh host true}, an sftp batch holding only {@code pwd}) is subtracted. The exec row
 * uses a ControlMaster connection, as OpenSSH users do for repeated commands.
 */
public final class OpenSshPeer {
    private static final int WARMUPS = 2;
    private static final int BASELINES = 5;

    private final Setup setup;
    private final Results results;
    private final String name;

    /** @param version e.g. "OpenSSH_9.2p1" */
    public OpenSshPeer(Setup setup, Results results, String version) {
        this.setup = setup;
        this.results = results;
        this.name = version + " ssh/sftp";
    }

    private static List<String> common(Target t) {
        return List.of("-F", "/dev/null", "-i", t.key().toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "UserKnownHostsFile=" + t.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null", "-o",
                "StrictHostKeyChecking=yes", "-o", "Ciphers=" + t.cipher(), "-o", "MACs=" + BenchCiphers.MAC,
                "-o", "ControlMaster=no", "-o", "ControlPath=none");
    }

    private List<String> ssh(Target t, String... command) {
        return ssh(t, List.of(), command);
    }

    /** @return an ssh command line: options, then {@code extraOptions}, the destination, the command */
    private List<String> ssh(Target t, List<String> extraOptions, String... command) {
        List<String> c = new ArrayList<>(List.of("ssh"));
        c.addAll(common(t));
        c.addAll(extraOptions);
        c.addAll(List.of("-p", Integer.toString(t.port()), t.user() + "@" + t.host()));
        c.addAll(List.of(command));
        return c;
    }

    /** @return an sftp command line running {@code batch} against {@code t} */
    static List<String> sftp(Target t, Path batch) {
        List<String> c = new ArrayList<>(List.of("sftp", "-q"));
        c.addAll(common(t));
        c.addAll(List.of("-P", Integer.toString(t.port()), "-b", batch.toString(), t.user() + "@" + t.host()));
        return c;
    }

    /** Runs every measurement against {@code t}. */
    public void run(Target t) {
        String cipher = t.cipher();
        List<Sample> connects;
        try {
            connects = connects(t);
            results.add(name, cipher, Metric.CONNECT, connects);
        } catch (Exception e) {
            for (Metric m : Metric.values()) {
                results.fail(name, cipher, m, Log.brief(e));
            }
            Log.error(name + " " + t.shortCipher(), e);
            return;
        }
        measure(cipher, Metric.EXEC, () -> execs(t));
        measure(cipher, Metric.STREAM, () -> {
            Sample base = baseline(ssh(t, "true"));
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < setup.reps(); i++) {
                samples.add(net(Processes.timedWithCpu(ssh(t, setup.streamCommand()), setup.size()), base));
            }
            return samples;
        });
        Path local = setup.work().resolve("get-openssh.bin");
        Path remote = setup.work().resolve("put-openssh.bin");
        measure(cipher, Metric.GET, () -> sftpTransfers(t, "get " + setup.source() + " " + local, local));
        measure(cipher, Metric.PUT, () -> sftpTransfers(t, "put " + setup.source() + " " + remote, remote));
    }

    private interface Measurement {
        List<Sample> run() throws Exception;
    }

    private void measure(String cipher, Metric metric, Measurement m) {
        try {
            results.add(name, cipher, metric, m.run());
        } catch (Exception e) {
            results.fail(name, cipher, metric, Log.brief(e));
            Log.error(name + " " + BenchCiphers.shortName(cipher) + " " + metric.title(), e);
        }
    }

    private List<Sample> connects(Target t) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < WARMUPS + setup.connects(); i++) {
            double s = Processes.timed(ssh(t, "true"));
            if (i >= WARMUPS) {
                samples.add(new Sample(s, Double.NaN, 0));
            }
        }
        return samples;
    }

    private List<Sample> execs(Target t) throws Exception {
        Path control = Files.createTempDirectory(setup.work(), "ctl").resolve("master");
        List<String> socket = List.of("-S", control.toString());
        List<String> master = new ArrayList<>(List.of("-M", "-o", "ControlPersist=yes", "-f", "-N"));
        master.addAll(socket);
        Processes.timed(withoutControlOptions(ssh(t, master)));
        try {
            List<Sample> samples = new ArrayList<>();
            List<String> exec = withoutControlOptions(ssh(t, socket, "true"));
            for (int i = 0; i < WARMUPS + setup.execs(); i++) {
                double s = Processes.timed(exec);
                if (i >= WARMUPS) {
                    samples.add(new Sample(s, Double.NaN, 0));
                }
            }
            return samples;
        } finally {
            List<String> exit = new ArrayList<>(socket);
            exit.addAll(List.of("-O", "exit"));
            Processes.timed(withoutControlOptions(ssh(t, exit)));
        }
    }

    /** Drops the {@code -o ControlMaster=no -o ControlPath=none} pair that every other run uses. */
    private static List<String> withoutControlOptions(List<String> command) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals("-o") && i + 1 < command.size()
                    && (command.get(i + 1).startsWith("ControlMaster=") || command.get(i + 1).startsWith("ControlPath="))) {
                i++;
                continue;
            }
            out.add(command.get(i));
        }
        return out;
    }

    private List<Sample> sftpTransfers(Target t, String batchLine, Path arrives) throws Exception {
        Path idle = Files.writeString(setup.work().resolve("idle.batch"), "pwd\n");
        Path batch = Files.writeString(setup.work().resolve("transfer.batch"), batchLine + "\n");
        Sample base = baseline(sftp(t, idle));
        List<Sample> samples = new ArrayList<>();
        try {
            for (int i = 0; i < setup.reps(); i++) {
                Files.deleteIfExists(arrives);
                samples.add(net(Processes.timedWithCpu(sftp(t, batch), setup.size()), base));
                if (i == 0 && !Sha256.of(arrives).equals(setup.sourceSha256())) {
                    throw new IllegalStateException("SHA-256 mismatch after " + batchLine);
                }
            }
        } finally {
            Files.deleteIfExists(arrives);
        }
        return samples;
    }

    /** @return the median wall and CPU time of {@code command}, run {@value #BASELINES} times */
    static Sample baseline(List<String> command) throws Exception {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < BASELINES; i++) {
            Sample s = Processes.timedWithCpu(command, 0);
            wall.add(s.seconds());
            cpu.add(s.cpuSeconds());
        }
        return new Sample(Stats.of(wall).median(), Stats.of(cpu).median(), 0);
    }

    /** @return {@code whole} less the start-up time {@code base}; throws when the transfer is lost in the noise */
    static Sample net(Sample whole, Sample base) {
        if (whole.seconds() <= base.seconds() * 1.1) {
            throw new IllegalStateException("transfer hidden in start-up noise: use a larger --size");
        }
        return new Sample(whole.seconds() - base.seconds(), whole.cpuSeconds() - base.cpuSeconds(), whole.bytes());
    }
}
