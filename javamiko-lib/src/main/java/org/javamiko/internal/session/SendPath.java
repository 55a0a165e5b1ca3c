package org.javamiko.internal.session;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.javamiko.SshException;
import org.javamiko.internal.packet.PacketWriter;

/**
 * Everything that goes out of one connection: the write lock, the send gate a key exchange
 * closes, the outboxes of the threads that must never wait, and the write watchdog's clock.
 *
 * <p>The writer rules of the send path:
 * <ol>
 * <li><b>Closing needs no lock a writer can hold.</b> {@link SshSession#fail} and
 *     {@link SshSession#close} set the closed flag and close the socket without touching the
 *     write lock; a thread blocked in a socket write then fails out of it. The send gate has its
 *     own small lock ({@code gateLock}) that is never held across I/O, so waking the gate's
 *     waiters cannot wait on a writer either.</li>
 * <li><b>The reader thread never waits on a writer</b>, and neither does the session timer.
 *     They do not take the write lock; they only try it. A message they send goes into an
 *     outbox (the reader's replies into {@link #outbox}, key-exchange steps into
 *     {@link #kexSteps}) and is written by whichever thread holds or next releases the lock:
 *     every writer drains both outboxes after unlocking. We chose this over a writer thread of
 *     its own because a writer thread costs every user send a hand-off (an allocation and a
 *     wake-up per packet) and a thread per connection, while the outboxes cost the user's
 *     hot path two emptiness checks. The price is that the reader's messages may sit in the
 *     outbox while a user thread is stuck in a write; the watchdog bounds that.</li>
 * <li><b>A write that makes no progress ends the connection.</b> Java sockets have no write
 *     timeout, so each write records when it began ({@link #writingSince}); when keepalive
 *     is on, the session timer closes the socket if one write has lasted the keepalive
 *     bound (interval × count).</li>
 * <li><b>Bounded.</b> The reader's outbox holds at most {@link #MAX_OUTBOX_BYTES}; a server
 *     that makes us owe it more than that while not reading ends the connection. A sender that
 *     waits for a key re-exchange waits at most the configured gate timeout.</li>
 * </ol>
 *
 * <p>Cost per packet on a user thread's send: one {@link ReentrantLock} acquisition (as
 * before), a volatile read of the gate, two volatile writes and a {@link System#nanoTime()} for
 * the watchdog, and two queue-emptiness checks; no allocation.
 */
final class SendPath {
    /** How much the reader thread may owe the server while the socket does not take it. */
    static final int MAX_OUTBOX_BYTES = 1 << 20;

    /** One write that needs the writer itself (key-exchange steps swap its cipher). */
    @FunctionalInterface
    interface KexStep {
        void writeTo(PacketWriter writer) throws IOException;
    }

    /** What the send path needs of its session. */
    interface Owner {
        /** Ends the session; never waits on the write lock. */
        void fail(IOException cause);

        /** Throws why the session ended, if it has. */
        void throwIfClosed() throws IOException;

        boolean isClosed();

        /** Called after each packet a user thread sent, with the write lock held (rekey triggers). */
        void afterWrite(PacketWriter writer) throws IOException;
    }

    private final Owner owner;
    private final Duration gateTimeout;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock gateLock = new ReentrantLock();
    private final Condition gateOpened = gateLock.newCondition();
    private final ConcurrentLinkedQueue<byte[]> outbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<KexStep> kexSteps = new ConcurrentLinkedQueue<>();
    private final AtomicLong outboxBytes = new AtomicLong();
    private volatile boolean gateClosed;
    private volatile long writingSince;
    private PacketWriter writer;

    /**
     * @param gateTimeout how long a sender waits for a key re-exchange to let it through before
     *                    the session is given up as stalled
     */
    SendPath(Owner owner, Duration gateTimeout) {
        this.owner = owner;
        this.gateTimeout = gateTimeout;
    }

    /** Installs the writer and writes the first key-exchange step (our KEXINIT) at once. */
    void start(PacketWriter packetWriter, KexStep first) throws IOException {
        writeLock.lock();
        try {
            writer = packetWriter;
            first.writeTo(writer);
        } finally {
            unlockAndDrain();
        }
    }

    /**
     * Sends one message from a user thread: waits (bounded) while a key exchange holds sends
     * back, then writes it. A failed write ends the session.
     */
    void send(byte[] payload, int off, int len) throws IOException {
        lockForWrite();
        try {
            writingSince = System.nanoTime() | 1;
            writer.write(payload, off, len);
            owner.afterWrite(writer);
        } catch (IOException e) {
            owner.fail(e);
            throw e;
        } finally {
            writingSince = 0;
            unlockAndDrain();
        }
    }

    /** Sends channel data as packets of at most {@code maxPerPacket} bytes (see {@link PacketWriter#writeChannelData}). */
    void sendChannelData(int recipient, int dataType, byte[] data, int off, int len, int maxPerPacket)
            throws IOException {
        lockForWrite();
        try {
            writingSince = System.nanoTime() | 1;
            writer.writeChannelData(recipient, dataType, data, off, len, maxPerPacket);
            owner.afterWrite(writer);
        } catch (IOException e) {
            owner.fail(e);
            throw e;
        } finally {
            writingSince = 0;
            unlockAndDrain();
        }
    }

    /**
     * Sends a want-reply global request from a user thread; its reply slot joins the FIFO under
     * the write lock, right before the request is written, so the FIFO's order is the wire's.
     */
    void sendExpectingReply(byte[] payload, int off, int len, GlobalRequests requests, GlobalRequests.Slot slot)
            throws IOException {
        lockForWrite();
        try {
            requests.expect(slot);
            writingSince = System.nanoTime() | 1;
            writer.write(payload, off, len);
            owner.afterWrite(writer);
        } catch (IOException e) {
            owner.fail(e);
            throw e;
        } finally {
            writingSince = 0;
            unlockAndDrain();
        }
    }

    /**
     * Sends a want-reply request without waiting (a keepalive probe from the session timer).
     *
     * @return false when a writer held the lock or a key exchange the gate: nothing was sent
     */
    boolean trySendExpectingReply(byte[] payload, GlobalRequests requests, GlobalRequests.Slot slot)
            throws IOException {
        owner.throwIfClosed();
        if (!outbox.isEmpty() || gateClosed || !writeLock.tryLock()) {
            return false;
        }
        try {
            if (gateClosed || !outbox.isEmpty()) {
                return false;
            }
            requests.expect(slot);
            writeNow(payload, 0, payload.length);
            return true;
        } catch (IOException e) {
            owner.fail(e);
            throw e;
        } finally {
            unlockAndDrain();
        }
    }

    /**
     * Sends a message from a thread that must never wait on a writer (the reader thread, the
     * session timer): written now if the lock is free and no key exchange holds sends back,
     * else queued for the next writer. The payload is copied when it has to wait.
     *
     * @throws SshException when the outbox is full: the server sends to us but does not read
     */
    void sendWithoutWaiting(byte[] payload, int off, int len) throws IOException {
        owner.throwIfClosed();
        if (outbox.isEmpty() && !gateClosed && writeLock.tryLock()) {
            try {
                if (outbox.isEmpty() && !gateClosed) {
                    writeNow(payload, off, len);
                    return;
                }
            } finally {
                unlockAndDrain();
            }
        }
        if (outboxBytes.addAndGet(len) > MAX_OUTBOX_BYTES) {
            SshException e = new SshException("The server does not read what we send: more than "
                    + MAX_OUTBOX_BYTES + " bytes of replies are waiting for the socket");
            owner.fail(e);
            throw e;
        }
        outbox.add(Arrays.copyOfRange(payload, off, off + len));
        drain();
    }

    private void writeNow(byte[] payload, int off, int len) throws IOException {
        writingSince = System.nanoTime() | 1;
        try {
            writer.write(payload, off, len);
        } finally {
            writingSince = 0;
        }
    }

    /**
     * Queues a key-exchange step (a kex method's message, NEWKEYS and the cipher swap): these
     * pass the closed gate, in order, and the thread that queues them never waits for the lock.
     */
    void sendKexStep(KexStep step) throws IOException {
        queueKexStep(step);
        drain();
    }

    /**
     * Queues a key-exchange step without writing anything: for a caller that must order the
     * queueing against another thread under its own lock and {@link #drain} after releasing it.
     */
    void queueKexStep(KexStep step) throws IOException {
        owner.throwIfClosed();
        kexSteps.add(step);
    }

    /** Called by a key-exchange step with the write lock held: from now on only kex messages go out. */
    void closeGate() {
        gateClosed = true;
    }

    /** Called by a key-exchange step (our NEWKEYS) with the write lock held: everything may go out again. */
    void openGate() {
        gateClosed = false;
        wakeGateWaiters();
    }

    /** Wakes every sender waiting at the gate; never waits on a writer (the session is ending, or the gate opened). */
    void wakeGateWaiters() {
        gateLock.lock();
        try {
            gateOpened.signalAll();
        } finally {
            gateLock.unlock();
        }
    }

    /** @return since when (System.nanoTime, odd) the current socket write has been running, or 0 */
    long writingSince() {
        return writingSince;
    }

    /**
     * Tries to write one last message (DISCONNECT) without waiting for the lock.
     *
     * @return false when a writer held the lock and nothing was written
     */
    boolean tryWriteLast(byte[] payload) {
        if (writer == null || !writeLock.tryLock()) {
            return false;
        }
        try {
            writeNow(payload, 0, payload.length);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            unlockAndDrain();
        }
    }

    /**
     * Takes the write lock with the gate open. A sender waits for a key re-exchange at most the
     * gate timeout; a stalled exchange then ends the session.
     */
    private void lockForWrite() throws IOException {
        long deadline = System.nanoTime() + gateTimeout.toNanos();
        while (true) {
            owner.throwIfClosed();
            writeLock.lock();
            if (!gateClosed && !owner.isClosed()) {
                return;
            }
            // A kex step may have been queued while we held the lock; it is what opens the gate.
            unlockAndDrain();
            owner.throwIfClosed();
            awaitGate(deadline);
        }
    }

    private void awaitGate(long deadline) throws IOException {
        gateLock.lock();
        try {
            while (gateClosed && !owner.isClosed()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    SocketTimeoutException e = new SocketTimeoutException("The key re-exchange did not finish within "
                            + gateTimeout.toSeconds() + " s");
                    owner.fail(e);
                    throw e;
                }
                gateOpened.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted waiting for a key re-exchange to finish");
        } finally {
            gateLock.unlock();
        }
    }

    /**
     * Every release of the write lock goes through here: a thread that could not take the lock
     * (the reader queuing a kex step) counts on its holder to write what it queued.
     */
    private void unlockAndDrain() {
        writeLock.unlock();
        drain();
    }

    /**
     * Writes what the outboxes hold, if the lock is free; otherwise its holder will, after it
     * unlocks. Kex steps go first and pass a closed gate; other messages wait for it to open.
     */
    void drain() {
        while (hasWork() && writeLock.tryLock()) {
            try {
                if (owner.isClosed()) {
                    kexSteps.clear();
                    outbox.clear();
                    return;
                }
                writingSince = System.nanoTime() | 1;
                KexStep step;
                while ((step = kexSteps.poll()) != null) {
                    step.writeTo(writer);
                }
                byte[] m;
                while (!gateClosed && (m = outbox.poll()) != null) {
                    outboxBytes.addAndGet(-m.length);
                    writer.write(m, 0, m.length);
                }
            } catch (IOException e) {
                owner.fail(e);
                return;
            } finally {
                writingSince = 0;
                writeLock.unlock();
            }
        }
    }

    private boolean hasWork() {
        return !kexSteps.isEmpty() || (!gateClosed && !outbox.isEmpty());
    }
}
