package org.javamiko;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.javamiko.transport.Channel;

/**
 * The streams of a command started by {@link SshClient#execCommand}: paramiko's
 * {@code stdin, stdout, stderr} triple, plus the channel for the exit status.
 *
 * <p>Unread output never blocks the connection or other channels: it is buffered (up to the
 * channel's limit, 64 MiB by default), so a program writing megabytes to both stdout and stderr
 * while you read only one of them does not deadlock.
 *
 * <pre>{@code
 * try (ExecStreams s = client.execCommand("tar czf - /srv/data")) {
 *     s.stdout().transferTo(Files.newOutputStream(archive));
 *     int status = s.channel().recvExitStatus();
 * }
 * }</pre>
 */
public final class ExecStreams implements AutoCloseable {
    private final Channel channel;
    private final Duration terminateGrace;
    /** Run once after the close, e.g. to give a pooled connection's slot back; or null. */
    private final AtomicReference<Runnable> onClose;

    ExecStreams(Channel channel, Duration terminateGrace, Runnable onClose) {
        this.channel = channel;
        this.terminateGrace = terminateGrace;
        this.onClose = new AtomicReference<>(onClose);
    }

    /** @return the command's stdin; closing it sends EOF */
    public OutputStream stdin() {
        return channel.getOutputStream();
    }

    /** @return the command's stdout */
    public InputStream stdout() {
        return channel.getInputStream();
    }

    /** @return the command's stderr */
    public InputStream stderr() {
        return channel.getErrorStream();
    }

    /** @return the channel, e.g. for {@code channel().recvExitStatus()} */
    public Channel channel() {
        return channel;
    }

    /**
     * Closes the channel; unread output is discarded. A command still running is ended first:
     * the {@code signal} TERM, KILL after {@link ExecOptions#terminateGrace()}, then the close
     * (which also hangs up its pty), so it blocks only while the command outlives TERM.
     */
    @Override
    public void close() {
        CommandEnd.terminate(channel, terminateGrace);
        Runnable after = onClose.getAndSet(null);
        if (after != null) {
            after.run();
        }
    }
}
