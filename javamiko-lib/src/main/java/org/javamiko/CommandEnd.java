package org.javamiko;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.javamiko.transport.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a command that is still running before its channel is closed. Closing the channel alone
 * is not enough: without a pty sshd keeps the command running after our CLOSE (it only waits for
 * it), so a {@code sleep 600} would outlive a 1 s timeout by ten minutes. So: the {@code signal}
 * request TERM, which OpenSSH 7.9+ sends to the command's whole process group; KILL if it is
 * still running after the grace period; then CLOSE, which with a pty also hangs the pty up
 * (sshd closes its master side, the kernel sends SIGHUP), the one way left when the server
 * refuses signals (OpenSSH does for root logins).
 */
final class CommandEnd {
    private static final Logger LOG = LoggerFactory.getLogger(CommandEnd.class);

    /**
     * How the command ended.
     *
     * @param confirmed true when the server reported the end (exit status or signal)
     * @param exitSignal the signal it died of as the server reported it, or null
     * @param signalRefused true when the server refused the {@code signal} request
     */
    record Outcome(boolean confirmed, String exitSignal, boolean signalRefused) {
        String describe() {
            if (exitSignal != null) {
                return "ended by SIG" + exitSignal;
            }
            if (confirmed) {
                return "it ended";
            }
            if (signalRefused) {
                return "the server refused the signal request (OpenSSH does for root logins), so the channel"
                        + " was only closed: with a pty that hangs the command up, without one it may still run";
            }
            return "sent TERM and KILL, the server did not report the command's end; channel closed";
        }
    }

    private CommandEnd() {
    }

    /**
     * Ends the command if it still runs, then closes the channel; never throws. Blocks at most
     * about four times {@code grace} (each signal's answer and the wait after it), and only while
     * the command outlives the signals or the server does not answer.
     */
    static Outcome terminate(Channel channel, Duration grace) {
        boolean refused = false;
        try {
            if (running(channel)) {
                signalAndWait(channel, "TERM", grace);
                if (running(channel)) {
                    LOG.debug("{} still running {} after TERM: sending KILL", channel, grace);
                    signalAndWait(channel, "KILL", grace);
                }
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("The server did not answer the signal on {} within {}; closing the channel", channel, grace);
        } catch (SshException e) {
            refused = true;
            LOG.debug("The server refused to signal the command on {} ({}); closing the channel", channel,
                    e.getMessage());
        } catch (IOException e) {
            LOG.debug("Could not signal the command on {}: {}", channel, e.toString());
        } finally {
            channel.close();
        }
        return new Outcome(channel.exitStatusReady(), channel.getExitSignal(), refused);
    }

    private static boolean running(Channel channel) {
        return !channel.isClosed() && !channel.exitStatusReady();
    }

    /** Signals and waits for the end; the server's answer is bounded by the grace too, so close() never hangs. */
    private static void signalAndWait(Channel channel, String signal, Duration grace) throws IOException {
        channel.signal(signal, grace.isZero() ? Duration.ofMillis(1) : grace);
        try {
            channel.recvExitStatus(grace.isZero() ? Duration.ofMillis(1) : grace);
        } catch (SocketTimeoutException e) {
            // still running: the caller escalates
        }
    }
}
