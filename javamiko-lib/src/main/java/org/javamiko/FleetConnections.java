package org.javamiko;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

import org.javamiko.internal.fleet.LineCollector;
import org.javamiko.sftp.SftpClient;
import org.javamiko.transport.Channel;

/**
 * A {@link Fleet}'s side of each host: its connection, from the fleet's {@link SshClientPool}
 * (kept for the next task, shared by the tasks on one host, a second one when the server's
 * MaxSessions is reached) or made for one task alone, and the fleet's own command task.
 */
final class FleetConnections implements AutoCloseable {
    /** A fleet keeps its connections until it closes, however long they are idle. */
    private static final Duration KEPT_UNTIL_CLOSED = Duration.ofDays(365);

    /** A task with the job's pool lease, when it has one: the fleet's own tasks open their channel through it. */
    interface LeasedTask {
        CommandResult run(FleetHost host, SshClient client, SshClientPool.Lease lease, Duration left) throws IOException;
    }

    private final Function<FleetHost, ConnectOptions> options;
    private final FleetClientSetup setup;
    private final ThreadFactory readers;
    /** Null when connections are not kept. */
    private final SshClientPool pool;
    private volatile boolean closed;

    FleetConnections(Function<FleetHost, ConnectOptions> options, FleetClientSetup setup, boolean keep,
                     ThreadFactory readers) {
        this.options = options;
        this.setup = setup;
        this.readers = readers;
        this.pool = keep ? SshClientPool.builder().idleTimeout(KEPT_UNTIL_CLOSED).threadFactory(readers).build() : null;
    }

    /** The job's client: a lease on a pooled connection, or a new connection of its own. */
    SshClient clientFor(FleetRun.Job job) throws IOException {
        if (closed) {
            throw new SshException("the fleet is closed");
        }
        ConnectOptions opts = options.apply(job.host);
        SshClient client;
        if (pool == null) {
            client = new SshClient();
            job.client = client;
            try {
                if (readers != null) {
                    client.setThreadFactory(readers);
                }
                setup.setUp(job.host, client);
                client.connect(job.host.host(), opts);
            } catch (IOException | RuntimeException e) {
                client.close();
                throw e;
            }
        } else {
            SshClientPool.Lease lease = pool.lease(job.host.host(), opts, (h, c) -> setup.setUp(job.host, c),
                    c -> job.client = c);
            job.lease = lease;
            client = lease.client();
            job.client = client;
        }
        if (job.settled.get()) {
            throw new SocketTimeoutException(job.host.spec() + ": did not finish within the fleet's timeout");
        }
        return client;
    }

    /** After a job: its lease is given back, or its own connection closed. */
    void release(FleetRun.Job job) {
        SshClientPool.Lease lease = job.lease;
        if (lease != null) {
            lease.close();
        } else if (job.client != null) {
            job.client.close();
        }
    }

    /** A job timed out or was cancelled: its connection is closed under it (with other tasks on it). */
    void abort(FleetRun.Job job) {
        SshClientPool.Lease lease = job.lease;
        if (lease != null) {
            lease.discard();
        }
        SshClient c = job.client;
        if (c != null) {
            c.close();
        }
    }

    /** @return how many connections are open now */
    int open() {
        return pool == null ? 0 : pool.openConnections();
    }

    @Override
    public void close() {
        closed = true;
        if (pool != null) {
            pool.close();
        }
    }

    /** Runs a command: stdin EOF at once, output collected line by line, then the exit status. */
    static CommandResult runCommand(ExecStreams streams, FleetHost host, String command, long deadline,
                                    LineCollector out, LineCollector err) throws IOException {
        try (streams) {
            Channel channel = streams.channel();
            channel.shutdownWrite();
            byte[] buf = new byte[32 * 1024];
            while (channel.waitForOutput(remaining(deadline, host))) {
                drain(streams.stdout(), out, buf);
                drain(streams.stderr(), err, buf);
            }
            out.finish();
            err.finish();
            int status = channel.recvExitStatus(remaining(deadline, host));
            return new CommandResult(command, status, out.text(), err.text());
        }
    }

    /** Opens an SFTP session through the lease when there is one. */
    static SftpClient openSftp(SshClient client, SshClientPool.Lease lease) throws IOException {
        return lease != null ? lease.openSftp() : client.openSftp();
    }

    static long deadline(Duration a, Duration b) {
        long now = System.nanoTime();
        long deadline = Long.MAX_VALUE;
        for (Duration d : new Duration[] {a, b}) {
            if (d != null) {
                deadline = Math.min(deadline, now + d.toNanos());
            }
        }
        return deadline;
    }

    private static Duration remaining(long deadline, FleetHost host) throws SocketTimeoutException {
        if (deadline == Long.MAX_VALUE) {
            return null;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException(host.spec() + ": the command did not finish within its timeout");
        }
        return Duration.ofNanos(left);
    }

    private static void drain(InputStream in, LineCollector to, byte[] buf) throws IOException {
        int available;
        while ((available = in.available()) > 0) {
            int n = in.read(buf, 0, Math.min(buf.length, available));
            if (n < 0) {
                return;
            }
            to.accept(buf, 0, n);
        }
    }
}
