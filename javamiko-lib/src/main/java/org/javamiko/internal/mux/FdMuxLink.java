package org.javamiko.internal.mux;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A control connection on junixsocket, which can pass file descriptors (SCM_RIGHTS). Only this
 * class and {@link StdioPipes} name junixsocket: {@link MuxSupport} loads them only when asked
 * for a session, so the library works without it for everything else.
 */
final class FdMuxLink extends MuxLink {
    private final AFUNIXSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private FdMuxLink(AFUNIXSocket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static FdMuxLink connect(Path path) throws IOException {
        AFUNIXSocket socket = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
        try {
            return new FdMuxLink(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    protected void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    protected int read(byte[] buf, int off, int len, long timeoutMillis) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
        return in.read(buf, off, len);
    }

    @Override
    public void sendFd(FileDescriptor fd) throws IOException {
        socket.setOutboundFileDescriptors(fd);
        out.write(0); // the descriptor travels with this one byte
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
    }
}
