package org.javamiko.internal.sftp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.CompletableFuture;

import org.javamiko.internal.wire.SshBuffer;

/**
 * The server end of an SFTP stream, driven by a test's script on a thread of its own: for replies
 * no real server sends (hostile lengths, unknown ids, broken-off packets).
 */
final class ScriptedPeer implements Closeable {
    /** What the script does with the server's ends of the streams. */
    @FunctionalInterface
    interface Script {
        void run(ScriptedPeer peer) throws Exception;
    }

    /** One request as the client sent it. */
    record Request(int type, int id, SshBuffer body) {
    }

    private final InputStream fromClient;
    private final OutputStream toClient;
    final InputStream clientIn;
    final OutputStream clientOut;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    ScriptedPeer(Script script) throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        clientOut = Channels.newOutputStream(up.sink());
        fromClient = Channels.newInputStream(up.source());
        toClient = Channels.newOutputStream(down.sink());
        clientIn = Channels.newInputStream(down.source());
        Thread t = new Thread(() -> {
            try {
                script.run(this);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "scripted-sftp-peer");
        t.setDaemon(true);
        t.start();
    }

    /** @return a connection to this peer (whose script must answer INIT, e.g. with {@link #handshake}) */
    SftpConnection connect() throws IOException {
        return SftpConnection.open(clientIn, clientOut, null);
    }

    /** Reads INIT and answers VERSION 3 with no extensions. */
    void handshake() throws IOException {
        Request init = read();
        if (init.type() != SftpConstants.FXP_INIT) {
            throw new IOException("expected INIT, got " + init.type());
        }
        send(packet(SftpConstants.FXP_VERSION, new SshBuffer().putInt(3)));
    }

    /** @return the next request from the client */
    Request read() throws IOException {
        byte[] head = fromClient.readNBytes(9);
        if (head.length < 9) {
            throw new IOException("client closed the stream");
        }
        int length = SshBuffer.readInt(head, 0);
        byte[] body = fromClient.readNBytes(length - 5);
        return new Request(head[4] & 0xff, SshBuffer.readInt(head, 5), SshBuffer.wrap(body));
    }

    /** Sends raw bytes to the client. */
    void send(byte[] bytes) throws IOException {
        toClient.write(bytes);
        toClient.flush();
    }

    /** Ends the server's output: the client sees the stream end. */
    void hangUp() throws IOException {
        toClient.close();
    }

    /** @return a whole packet: uint32 length, type, then {@code body}'s bytes */
    static byte[] packet(int type, SshBuffer body) {
        byte[] b = body.toByteArray();
        return new SshBuffer().putInt(b.length + 1).putByte(type).putRaw(b).toByteArray();
    }

    /** @return a reply to request {@code id}: type, id, then {@code fields} */
    static byte[] reply(int type, int id, SshBuffer fields) {
        return packet(type, new SshBuffer().putInt(id).putRaw(fields.toByteArray()));
    }

    /** @return STATUS {@code code} for request {@code id} */
    static byte[] status(int id, int code, String message) {
        return reply(SftpConstants.FXP_STATUS, id, new SshBuffer().putInt(code).putString(message).putString(""));
    }

    @Override
    public void close() {
        try {
            toClient.close();
            fromClient.close();
        } catch (IOException e) {
            // the test is over
        }
    }
}
