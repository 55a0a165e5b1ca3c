package org.javamiko.internal.sftp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.javamiko.SshException;

/**
 * A request in flight: completed by the reader thread with the server's reply, or with the
 * connection's failure when the connection ends first, so a waiter never hangs.
 */
public final class PendingReply {
    private final CompletableFuture<SftpReply> future = new CompletableFuture<>();
    private final SftpConnection connection;
    /** Where a DATA reply's bytes go, or null to keep them in the reply. */
    final byte[] target;
    final int targetOffset;
    final int targetLength;

    PendingReply(SftpConnection connection, byte[] target, int targetOffset, int targetLength) {
        this.connection = connection;
        this.target = target;
        this.targetOffset = targetOffset;
        this.targetLength = targetLength;
    }

    void complete(SftpReply reply) {
        future.complete(reply);
    }

    void fail(IOException failure) {
        future.completeExceptionally(failure);
    }

    /** @return whether the reply (or the failure) is in */
    public boolean isDone() {
        return future.isDone();
    }

    /**
     * Waits for the reply, at most the connection's {@linkplain SftpConnection#setTimeout timeout}.
     * A request that reads into a caller's buffer waits without interruption: the reader thread
     * may still be writing into that buffer, so returning early would hand the caller an array
     * that changes under it. The connection's end completes every request.
     *
     * @throws SocketTimeoutException when the timeout passes; the connection is closed by then,
     *         so no reply can reach the caller's buffer afterwards
     */
    public SftpReply await() throws IOException {
        long timeoutNanos = connection.timeoutNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (timeoutNanos <= 0) {
                        return future.get();
                    }
                    return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (target == null) {
                        throw new InterruptedIOException("interrupted while waiting for an SFTP reply");
                    }
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                } catch (TimeoutException e) {
                    throw connection.timedOut(timeoutNanos);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException rethrow(Throwable cause) {
        // a fresh exception per waiter, so each stack trace shows the waiting caller
        return new SshException(String.valueOf(cause.getMessage()), cause);
    }
}
