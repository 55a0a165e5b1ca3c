package org.javamiko.internal.kex;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.List;

import org.javamiko.internal.crypto.EcCurves;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Just enough of an SSH client to run one key exchange against a real server and check the
 * server's signature over our exchange hash: version exchange, KEXINIT offering a single method,
 * then the method itself, all in cleartext packets. A valid signature proves both sides computed
 * the same H, and with it the same K. Test scaffolding only: the transport proper is elsewhere.
 */
final class PlainKexClient implements KexContext, Closeable {
    private static final int MAX_PACKET = 256 * 1024;
    private static final int MAX_PACKETS_PER_EXCHANGE = 20;
    /** The host key type the servers under test must use. */
    static final String HOST_KEY_ALGORITHM = "ecdsa-sha2-nistp256";

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] clientVersion = "SSH-2.0-javamiko_kextest".getBytes(StandardCharsets.US_ASCII);
    private final byte[] serverVersion;
    private final byte[] clientKexInit;
    private final byte[] serverKexInit;

    /**
     * Connects and exchanges versions and KEXINITs.
     *
     * @param port the server's port on 127.0.0.1
     * @param kexName the only key-exchange method offered
     */
    PlainKexClient(int port, String kexName) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = socket.getOutputStream();
        out.write(clientVersion);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        clientKexInit = kexInit(kexName);
        writePacket(clientKexInit);
        serverVersion = readVersion();
        serverKexInit = readPacket();
        if (serverKexInit[0] != 20) {
            throw new IOException("expected the server's KEXINIT, got message " + serverKexInit[0]);
        }
    }

    /** Runs the exchange to its end and returns what it produced. */
    KexResult run(KeyExchange kex) throws IOException {
        kex.start(this);
        for (int i = 0; i < MAX_PACKETS_PER_EXCHANGE; i++) {
            byte[] payload = readPacket();
            int type = payload[0] & 0xff;
            if (type == 1) {
                SshBuffer b = new SshBuffer(payload, 1, payload.length - 1);
                b.getInt();
                throw new IOException("server disconnected: " + b.getStringUtf8());
            }
            if (type >= 30 && type <= 49 && kex.handle(type, new SshBuffer(payload, 1, payload.length - 1), this)) {
                return kex.result();
            }
        }
        throw new IOException("key exchange did not finish within " + MAX_PACKETS_PER_EXCHANGE + " packets");
    }

    /** @return whether the ecdsa-sha2-nistp256 host key in the result signed its exchange hash */
    static boolean ecdsaSignatureVerifies(KexResult result) throws Exception {
        SshBuffer key = SshBuffer.wrap(result.hostKeyBlob());
        SshBuffer sig = SshBuffer.wrap(result.signature());
        if (!HOST_KEY_ALGORITHM.equals(key.getStringUtf8()) || !HOST_KEY_ALGORITHM.equals(sig.getStringUtf8())) {
            throw new IllegalArgumentException("host key or signature is not " + HOST_KEY_ALGORITHM);
        }
        key.getString(); // the curve name, implied by the algorithm
        ECParameterSpec params = EcCurves.NISTP256.params();
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(EcCurves.NISTP256.decodePeerPoint(key.getString()), params));
        // RFC 5656 §3.1.2: the signature blob holds r and s as mpints; P1363 wants them fixed-size.
        SshBuffer rs = SshBuffer.wrap(sig.getString());
        byte[] p1363 = new byte[64];
        fixed(rs.getMpint(), p1363, 0);
        fixed(rs.getMpint(), p1363, 32);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(pub);
        verifier.update(result.exchangeHash());
        return verifier.verify(p1363);
    }

    private static void fixed(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, off + 32 - len, len);
    }

    private byte[] kexInit(String kexName) {
        byte[] cookie = new byte[16];
        new SecureRandom().nextBytes(cookie);
        SshBuffer b = new SshBuffer();
        b.putByte(20).putRaw(cookie)
                .putNameList(List.of(kexName))
                .putNameList(List.of(HOST_KEY_ALGORITHM))
                .putNameList(List.of("aes128-ctr")).putNameList(List.of("aes128-ctr"))
                .putNameList(List.of("hmac-sha2-256")).putNameList(List.of("hmac-sha2-256"))
                .putNameList(List.of("none")).putNameList(List.of("none"))
                .putNameList(List.of()).putNameList(List.of())
                .putBoolean(false).putInt(0);
        return b.toByteArray();
    }

    private byte[] readVersion() throws IOException {
        for (int line = 0; line < 50; line++) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("server closed before its version line");
                }
                if (buf.size() > 255) {
                    throw new IOException("server's identification line too long");
                }
                buf.write(c);
            }
            byte[] l = buf.toByteArray();
            int len = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
            byte[] text = Arrays.copyOf(l, len);
            if (new String(text, StandardCharsets.US_ASCII).startsWith("SSH-")) {
                return text;
            }
        }
        throw new IOException("no SSH identification within 50 lines");
    }

    private void writePacket(byte[] payload) throws IOException {
        int padding = 8 - (5 + payload.length) % 8;
        if (padding < 4) {
            padding += 8;
        }
        SshBuffer b = new SshBuffer(payload.length + 32);
        b.putInt(1 + payload.length + padding).putByte(padding).putRaw(payload).putRaw(new byte[padding]);
        out.write(b.toByteArray());
        out.flush();
    }

    private byte[] readPacket() throws IOException {
        int length = in.readInt();
        if (length < 5 || length > MAX_PACKET) {
            throw new IOException("bad packet length " + length);
        }
        int padding = in.readUnsignedByte();
        if (padding >= length) {
            throw new IOException("bad padding length " + padding);
        }
        byte[] payload = new byte[length - 1 - padding];
        in.readFully(payload);
        in.skipNBytes(padding);
        if (payload.length == 0) {
            throw new IOException("empty packet");
        }
        return payload;
    }

    @Override
    public byte[] clientVersion() {
        return clientVersion.clone();
    }

    @Override
    public byte[] serverVersion() {
        return serverVersion.clone();
    }

    @Override
    public byte[] clientKexInit() {
        return clientKexInit.clone();
    }

    @Override
    public byte[] serverKexInit() {
        return serverKexInit.clone();
    }

    @Override
    public void send(SshBuffer payload) throws IOException {
        writePacket(payload.toByteArray());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
