package org.javamiko.internal.mux;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;

import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;

/**
 * The stdio a session hands the master: one socket pair per stream, the master gets one end of
 * each (passed as a descriptor), we keep the other. Once passed, our copies of the master's ends
 * are closed, so that we see EOF when the master closes its own.
 */
final class StdioPipes implements AutoCloseable {
    private final List<AFUNIXSocketPair<AFUNIXSocketChannel>> pairs = new ArrayList<>();

    /** @param streams how many: 3 for a session (stdin, stdout, stderr), 2 for a stdio forward */
    StdioPipes(int streams) throws IOException {
        try {
            for (int i = 0; i < streams; i++) {
                pairs.add(AFUNIXSocketPair.open());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the master's end of stream {@code i} */
    FileDescriptor masterEnd(int i) throws IOException {
        return pairs.get(i).getSocket2().getFileDescriptor();
    }

    /**
     * Closes our copies of the master's ends, once they are passed. With a plain close(2), through
     * a FileOutputStream on the same descriptor: junixsocket's own close shuts the socket down,
     * which would cut the master's copy off too (its writes then fail with EPIPE).
     */
    void closeMasterEnds() throws IOException {
        for (AFUNIXSocketPair<AFUNIXSocketChannel> p : pairs) {
            new FileOutputStream(p.getSocket2().getFileDescriptor()).close();
        }
    }

    /** @return what we write to stream {@code i} (the command's stdin) */
    OutputStream output(int i) {
        return Channels.newOutputStream(pairs.get(i).getSocket1());
    }

    /** @return how many streams there are */
    int count() {
        return pairs.size();
    }

    /**
     * @return what we read from stream {@code i} (the command's stdout or stderr), through the
     *         socket rather than the channel so that {@link #setReadTimeout} bounds each read
     */
    InputStream input(int i) throws IOException {
        return pairs.get(i).getSocket1().socket().getInputStream();
    }

    /** @param millis bounds each read of our ends; 0 for none */
    void setReadTimeout(int millis) throws IOException {
        for (AFUNIXSocketPair<AFUNIXSocketChannel> p : pairs) {
            p.getSocket1().socket().setSoTimeout(millis);
        }
    }

    /** Half-closes our end of stream {@code i}: the master reads EOF (the command's stdin ends). */
    void shutdownOutput(int i) throws IOException {
        pairs.get(i).getSocket1().shutdownOutput();
    }

    @Override
    public void close() {
        for (AFUNIXSocketPair<AFUNIXSocketChannel> p : pairs) {
            try {
                p.close();
            } catch (IOException e) {
                // closing: nothing left to do with it
            }
        }
    }
}
