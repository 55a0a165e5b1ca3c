package org.javamiko;

import java.io.IOException;

/**
 * An open port forwarding ({@link SshClient#forwardLocal}, {@link SshClient#forwardRemote},
 * {@link SshClient#forwardDynamic}, ...). It outlives the connections it carries;
 * {@link #close()} stops it and closes every one of them.
 */
public interface PortForward extends AutoCloseable {

    /** @return where it listens: on this machine for -L and -D, on the server for -R (a socket path for a Unix socket) */
    String bindHost();

    /** @return the port it really listens on (the chosen one when 0 was asked for); 0 for a Unix socket */
    int boundPort();

    /** Stops listening and closes every connection it carries. Idempotent. */
    @Override
    void close() throws IOException;
}
