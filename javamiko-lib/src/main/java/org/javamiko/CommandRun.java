package org.javamiko;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.javamiko.transport.Channel;

/**
 * How {@link SshClient#run(String, ExecOptions)} collects a command: stdin gets EOF at once,
 * stdout and stderr are drained together as output arrives, each held up to a limit, then the
 * exit status is read; one deadline bounds it all.
 */
final class CommandRun {
    private CommandRun() {
    }

    /** Starts a command: {@code SshClient::execCommand} or a pool lease's. */
    interface Starter {
        ExecStreams start(String command, ExecOptions options) throws IOException;
    }

    /** Starts the command and collects it; the timeout bounds the whole command, not each read of its streams. */
    static CommandResult run(String command, ExecOptions options, Starter starter) throws IOException {
        long deadline = deadline(options);
        try (ExecStreams streams = starter.start(command, options.toBuilder().timeout(null).build())) {
            return collect(command, streams, options, deadline);
        }
    }

    /** @return the deadline in {@link System#nanoTime()} terms, or {@code Long.MAX_VALUE} for none */
    static long deadline(ExecOptions options) {
        return options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
    }

    /**
     * Runs the started command's streams to the end and returns what it printed and its status;
     * when the deadline passes first, ends the command on the server and throws.
     */
    static CommandResult collect(String command, ExecStreams streams, ExecOptions options, long deadline)
            throws IOException {
        Channel channel = streams.channel();
        channel.shutdownWrite();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] buf = new byte[32 * 1024];
        int limit = options.bufferSize();
        try {
            while (channel.waitForOutput(remaining(deadline))) {
                drain(streams.stdout(), out, buf, limit, command, "stdout");
                drain(streams.stderr(), err, buf, limit, command, "stderr");
            }
            int status = channel.recvExitStatus(remaining(deadline));
            return new CommandResult(command, status, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            CommandEnd.Outcome end = CommandEnd.terminate(channel, options.terminateGrace());
            throw new CommandTimeoutException(command, options.timeout(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), end);
        }
    }

    /** Moves what a stream holds now to {@code to}, without blocking, refusing to hold more than {@code limit}. */
    private static void drain(InputStream in, ByteArrayOutputStream to, byte[] buf, int limit, String command,
                              String stream) throws IOException {
        int available;
        while ((available = in.available()) > 0) {
            int n = in.read(buf, 0, Math.min(buf.length, available));
            if (to.size() + n > limit) {
                throw new SshException("The " + stream + " of `" + command + "` passed " + limit
                        + " bytes, the most run() holds in memory (ExecOptions.bufferSize); read output that"
                        + " large as a stream with execCommand()");
            }
            to.write(buf, 0, n);
        }
    }

    private static Duration remaining(long deadline) throws SocketTimeoutException {
        if (deadline == Long.MAX_VALUE) {
            return null;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("The command did not finish within its timeout");
        }
        return Duration.ofNanos(left);
    }
}
