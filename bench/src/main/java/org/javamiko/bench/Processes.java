package org.javamiko.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs peer client processes (ssh, sftp) and times them whole. */
final class Processes {
    private static final long TIMEOUT_MINUTES = 30;
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    private Processes() {
    }

    /** Runs {@code command} with no input and discarded output; @return its wall time, seconds. */
    static double timed(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(devNull()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        int rc = waitFor(p, command);
        long t1 = System.nanoTime();
        if (rc != 0) {
            throw new IOException(command.get(0) + " exited with " + rc + ": " + String.join(" ", command));
        }
        return (t1 - t0) / 1e9;
    }

    /**
     * Runs {@code command} under bash, which reports the CPU time of its children ({@code times}).
     *
     * @return wall time and the command's user+system CPU time, seconds
     */
    static Sample timedWithCpu(List<String> command, long bytes) throws IOException, InterruptedException {
        List<String> wrapped = new ArrayList<>(List.of("/bin/bash", "-c",
                "\"$@\" >/dev/null 2>/tmp/bench-peer.err </dev/null; rc=$?; times; exit $rc", "bench"));
        wrapped.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(wrapped).redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        int rc = waitFor(p, command);
        long t1 = System.nanoTime();
        if (rc != 0) {
            throw new IOException(command.get(0) + " exited with " + rc + " (see /tmp/bench-peer.err)");
        }
        String[] lines = out.strip().split("\n");
        Matcher m = TIMES.matcher(lines[lines.length - 1]);
        double cpu = Double.NaN;
        if (m.find()) {
            cpu = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                    + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        }
        return new Sample((t1 - t0) / 1e9, cpu, bytes);
    }

    private static int waitFor(Process p, List<String> command) throws InterruptedException, IOException {
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return p.exitValue();
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }
}
