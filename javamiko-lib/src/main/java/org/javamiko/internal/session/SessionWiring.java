package org.javamiko.internal.session;

import java.io.IOException;

import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.packet.CompressionSlot;
import org.javamiko.internal.packet.PacketWriter;
import org.slf4j.Logger;

/**
 * What the send path, the kex driver and the clock see of an {@link SshSession}: each talks to the
 * session through the one narrow interface it declares ({@link SendPath.Owner}, {@link KexSession},
 * {@link SessionClock.Owner}), and this class answers all three from the session's state.
 */
final class SessionWiring implements SendPath.Owner, KexSession, SessionClock.Owner {
    private final SshSession session;

    SessionWiring(SshSession session) {
        this.session = session;
    }

    @Override
    public void fail(IOException cause) {
        session.fail(cause);
    }

    @Override
    public void throwIfClosed() throws IOException {
        session.throwIfClosed();
    }

    @Override
    public boolean isClosed() {
        return session.closed;
    }

    @Override
    public void afterWrite(PacketWriter writer) throws IOException {
        session.kex.afterWrite(writer.counter());
    }

    @Override
    public void sendKexStep(SendPath.KexStep step) throws IOException {
        session.sendPath.sendKexStep(step);
    }

    @Override
    public void queueKexStep(SendPath.KexStep step) throws IOException {
        session.sendPath.queueKexStep(step);
    }

    @Override
    public void flushSends() {
        session.sendPath.drain();
    }

    @Override
    public void closeSendGate() {
        session.sendPath.closeGate();
    }

    @Override
    public void openSendGate() {
        session.sendPath.openGate();
    }

    @Override
    public CompressionSlot readerCompression() {
        return session.reader.compression();
    }

    @Override
    public void setReaderCipher(PacketCipher cipher, boolean resetSequence) {
        session.reader.setCipher(cipher);
        if (resetSequence) {
            session.reader.counter().resetSequence();
        }
    }

    @Override
    public byte[] afterFirstNewKeys() {
        return session.afterFirstNewKeys;
    }

    @Override
    public void firstKexDone() {
        session.firstKex.countDown();
    }

    @Override
    public String serverVersion() {
        return session.serverVersion;
    }

    @Override
    public boolean isActive() {
        return !session.closed;
    }

    @Override
    public Logger log() {
        return session.log;
    }

    @Override
    public void reached(String step) {
        session.timeline.mark(step);
    }

    @Override
    public void sendProbe(byte[] probe, GlobalRequests.Slot slot) throws IOException {
        if (slot == null) {
            session.sendPath.sendWithoutWaiting(probe, 0, probe.length);
        } else {
            session.sendPath.trySendExpectingReply(probe, session.dispatcher.globalRequests(), slot);
        }
    }

    @Override
    public void rekeyIfDue() throws IOException {
        session.kex.rekeyIfDue();
    }

    @Override
    public long writingSince() {
        return session.sendPath.writingSince();
    }
}
