package org.javamiko.internal.kex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.internal.wire.SshBuffer;

/** A {@link KexContext} with fixed hash inputs that records what the exchange sends. */
class RecordingContext implements KexContext {
    static final byte[] V_C = "SSH-2.0-javamiko_test".getBytes(StandardCharsets.US_ASCII);
    static final byte[] V_S = "SSH-2.0-OpenSSH_9.9".getBytes(StandardCharsets.US_ASCII);
    static final byte[] I_C = {20, 1, 2, 3, 4};
    static final byte[] I_S = {20, 5, 6, 7, 8, 9};

    final List<SshBuffer> sent = new ArrayList<>();

    @Override
    public byte[] clientVersion() {
        return V_C.clone();
    }

    @Override
    public byte[] serverVersion() {
        return V_S.clone();
    }

    @Override
    public byte[] clientKexInit() {
        return I_C.clone();
    }

    @Override
    public byte[] serverKexInit() {
        return I_S.clone();
    }

    @Override
    public void send(SshBuffer payload) {
        sent.add(SshBuffer.wrap(payload.toByteArray()));
    }

    /** @return the last message sent, positioned after its type byte, which must be {@code type} */
    SshBuffer lastSent(int type) throws Exception {
        SshBuffer msg = sent.get(sent.size() - 1);
        if (msg.getByte() != type) {
            throw new AssertionError("last message sent is not of type " + type);
        }
        return msg;
    }

    /** @return a reply of type 31: host key, the given server value, signature */
    static SshBuffer reply(java.util.function.Consumer<SshBuffer> serverValue) {
        SshBuffer b = new SshBuffer();
        b.putString(HOST_KEY);
        serverValue.accept(b);
        b.putString(SIGNATURE);
        return b;
    }

    static final byte[] HOST_KEY = "host key blob".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SIGNATURE = "signature blob".getBytes(StandardCharsets.US_ASCII);
}
