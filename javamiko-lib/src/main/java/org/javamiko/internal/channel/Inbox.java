package org.javamiko.internal.channel;

import org.javamiko.SshException;

/**
 * What a channel has received and the user has not read yet, and the window we grant the server
 * for more. Not thread-safe: the channel's lock guards it.
 *
 * <p>The window is refilled as data lands, not only as the user reads, while what is buffered
 * plus a full window stays under the channel's buffer limit. So unread output never stalls the
 * connection below that limit (paramiko's classic hang when a program fills the stream nobody
 * reads), and memory stays bounded.
 */
final class Inbox {
    private final ChannelSettings settings;
    private final ByteRing stdout = new ByteRing(8192);
    private final ByteRing stderr = new ByteRing(1024);
    private long window;
    private boolean combineStderr;
    /** Takes stdout on the reader thread instead of the ring; null while stdout is read. */
    private ChannelDataSink sink;
    private boolean sinkEnded;

    Inbox(ChannelSettings settings) {
        this.settings = settings;
        this.window = settings.initialWindow();
    }

    /** Takes {@code len} bytes out of the window, refusing a server that overruns it. */
    void consumeWindow(int localId, int len) throws SshException {
        if (len > window) {
            throw new SshException("The server sent " + len + " bytes on channel " + localId
                    + " with only " + window + " bytes of window left");
        }
        window -= len;
    }

    /** Buffers received bytes (their window already consumed). */
    void store(ChannelCore.Stream stream, byte[] data, int off, int len) {
        ring(stream == ChannelCore.Stream.STDERR && !combineStderr ? ChannelCore.Stream.STDERR
                : ChannelCore.Stream.STDOUT).write(data, off, len);
    }

    /**
     * Sends stdout to {@code newSink} from now on.
     *
     * @param ended whether the stream has already ended (the sink is then not told again)
     * @throws SshException when stdout already has a sink or holds unread bytes
     */
    void pushTo(int localId, ChannelDataSink newSink, boolean ended) throws SshException {
        if (sink != null) {
            throw new SshException("Channel " + localId + " already delivers its output elsewhere");
        }
        if (!stdout.isEmpty()) {
            throw new SshException("Channel " + localId + " received " + stdout.size()
                    + " bytes nobody asked for yet; the server is not following the protocol");
        }
        sink = newSink;
        sinkEnded = ended;
    }

    /** @return the sink for bytes of {@code stream}, or null to {@link #store} them */
    ChannelDataSink sinkFor(ChannelCore.Stream stream) {
        return stream == ChannelCore.Stream.STDOUT && !sinkEnded ? sink : null;
    }

    /** @return the sink to tell that stdout ended (once), or null */
    ChannelDataSink sinkToEnd() {
        if (sink == null || sinkEnded) {
            return null;
        }
        sinkEnded = true;
        return sink;
    }

    /** @return the ring holding one stream's unread bytes */
    ByteRing ring(ChannelCore.Stream stream) {
        return stream == ChannelCore.Stream.STDERR ? stderr : stdout;
    }

    /** @return true when neither stream has unread bytes */
    boolean isEmpty() {
        return stdout.isEmpty() && stderr.isEmpty();
    }

    /** From now on stderr arrives through stdout; what stderr holds already moves over. */
    void combineStderr(boolean combine) {
        combineStderr = combine;
        if (combine && !stderr.isEmpty()) {
            byte[] pending = new byte[stderr.size()];
            stderr.read(pending, 0, pending.length);
            stdout.write(pending, 0, pending.length);
        }
    }

    /**
     * Decides whether to grant the server more window now.
     *
     * @return the bytes to grant (already added to the window), 0 for none now
     */
    int grant() {
        long granted = settings.initialWindow() - window;
        if (granted < settings.initialWindow() / 2) {
            return 0;
        }
        long buffered = (long) stdout.size() + stderr.size();
        // a limit above what one array holds is held to that, so a ring never has to grow past it
        if (buffered + settings.initialWindow() > Math.min(settings.maxBuffer(), ByteRing.MAX_CAPACITY)) {
            return 0;
        }
        window += granted;
        return (int) granted;
    }
}
