package org.javamiko.internal.sftp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.javamiko.SshException;

/**
 * A request in flight: completed by the reader thread with the server's reply, or with the
 * connection's failure when the connection ends first, so a waiter never hangs.
 */
public final class PendingReply {
    private final CompletableFuture<SftpReply> future = new CompletableFuture<>();
    /** Where a DATA reply's bytes go, or null to keep them in the reply. */
    final byte[] target;
    final int targetOffset;
    final int targetLength;

    PendingReply(byte[] target, int targetOffset, int targetLength) {
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
     * Waits for the reply. A request that reads into a caller's buffer waits without interruption:
     * the reader thread may still be writing into that buffer, so returning early would hand the
     * caller an array that changes under it. The connection's end completes every request.
     */
    public SftpReply await() throws IOException {
        if (target != null) {
            return awaitUninterruptibly();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an SFTP reply");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private SftpReply awaitUninterruptibly() throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
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
