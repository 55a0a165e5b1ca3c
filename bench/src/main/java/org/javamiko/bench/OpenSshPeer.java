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

    /**
     * Measures connect and exec against {@code t}, and the start-up time the transfers are net of.
     *
     * @return the timed transfers, or null when ssh cannot log in at all
     */
    public TransferRounds prepare(Target t) {
        String cipher = t.cipher();
        try {
            results.add(name, cipher, Metric.CONNECT, connects(t));
        } catch (Exception e) {
            for (Metric m : Metric.values()) {
                results.fail(name, cipher, m, Log.brief(e));
            }
            Log.error(name + " " + t.shortCipher(), e);
            return null;
        }
        measure(cipher, Metric.EXEC, () -> execs(t));
        try {
            Sample sshStartup = baseline(ssh(t, "true"));
            Sample sftpStartup = baseline(sftp(t, Files.writeString(setup.work().resolve("idle.batch"), "pwd\n")));
            return new Rounds(t, sshStartup, sftpStartup);
        } catch (Exception e) {
            for (Metric m : TransferRounds.TRANSFERS) {
                results.fail(name, cipher, m, Log.brief(e));
            }
            Log.error(name + " " + t.shortCipher() + ": session start-up", e);
            return null;
        }
    }

    /** Whole ssh and sftp processes, one per transfer, net of start-up. */
    private final class Rounds implements TransferRounds {
        private final Target t;
        private final Sample sshStartup;
        private final Sample sftpStartup;
        private final Path local = setup.work().resolve("get-openssh.bin");
        private final Path remote = setup.work().resolve("put-openssh.bin");

        Rounds(Target t, Sample sshStartup, Sample sftpStartup) {
            this.t = t;
            this.sshStartup = sshStartup;
            this.sftpStartup = sftpStartup;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Sample once(Metric metric, int rep) throws Exception {
            return switch (metric) {
                case STREAM -> net(Processes.timedWithCpu(ssh(t, setup.streamCommand()), setup.size()), sshStartup);
                case GET -> sftpTransfer("get " + setup.source() + " " + local, local, rep == 0);
                case PUT -> sftpTransfer("put " + setup.source() + " " + remote, remote, rep == 0);
                default -> throw new IllegalArgumentException(metric + " is not a transfer");
            };
        }

        private Sample sftpTransfer(String batchLine, Path arrives, boolean check) throws Exception {
            Path batch = Files.writeString(setup.work().resolve("transfer.batch"), batchLine + "\n");
            try {
                Files.deleteIfExists(arrives);
                Sample s = net(Processes.timedWithCpu(sftp(t, batch), setup.size()), sftpStartup);
                if (check && !Sha256.of(arrives).equals(setup.sourceSha256())) {
                    throw new IllegalStateException("SHA-256 mismatch after " + batchLine);
                }
                return s;
            } finally {
                Files.deleteIfExists(arrives);
            }
        }

        @Override
        public void close() {
        }
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
