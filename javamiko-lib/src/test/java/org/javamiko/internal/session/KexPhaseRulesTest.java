package org.javamiko.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.transport.AlgorithmKind;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.packet.CompressionSlot;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.transport.SecurityOptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the key-exchange driver lets through before the first NEWKEYS, driven through {@link KexSession}. */
class KexPhaseRulesTest {
    /** A session that records the steps the driver queues and never writes them. */
    private static final class FakeSession implements KexSession {
        final List<SendPath.KexStep> steps = new ArrayList<>();
        /** For each queued step: whether the driver already said an exchange was under way. */
        final List<Boolean> underWayWhenQueued = new ArrayList<>();
        KexDriver driver;
        final CompressionSlot readerCompression = CompressionSlot.incoming();

        @Override
        public void sendKexStep(SendPath.KexStep step) {
            steps.add(step);
        }

        @Override
        public void queueKexStep(SendPath.KexStep step) {
            underWayWhenQueued.add(driver != null && driver.inProgress());
            steps.add(step);
        }

        @Override
        public void flushSends() {
        }

        @Override
        public void closeSendGate() {
        }

        @Override
        public void openSendGate() {
        }

        @Override
        public void setReaderCipher(PacketCipher cipher, boolean resetSequence) {
        }

        @Override
        public CompressionSlot readerCompression() {
            return readerCompression;
        }

        @Override
        public byte[] afterFirstNewKeys() {
            return null;
        }

        @Override
        public void firstKexDone() {
        }

        @Override
        public String serverVersion() {
            return "SSH-2.0-Scripted";
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public Logger log() {
            return LoggerFactory.getLogger(KexPhaseRulesTest.class);
        }

        @Override
        public void reached(String step) {
        }
    }

    private final FakeSession session = new FakeSession();
    private final KexDriver driver = new KexDriver(session, new SessionConfig(new SecurityOptions()::get,
            session.log(), Thread::new, SessionConfig.DEFAULT_REKEY_BYTES, SessionConfig.DEFAULT_REKEY_INTERVAL,
            SessionConfig.CLIENT_VERSION, Duration.ofSeconds(30)), new SecureRandom());

    {
        session.driver = driver;
    }

    private static SshBuffer serverKexInit(boolean strict) throws SshException {
        SecurityOptions s = new SecurityOptions();
        List<String> kex = new ArrayList<>(s.get(AlgorithmKind.KEX));
        if (strict) {
            kex.add(Pseudo.STRICT_KEX_S);
        }
        List<String> ciphers = s.get(AlgorithmKind.CIPHERS);
        List<String> macs = s.get(AlgorithmKind.MACS);
        List<String> comp = s.get(AlgorithmKind.COMPRESSION);
        byte[] encoded = new KexInit(kex, s.get(AlgorithmKind.KEYS), ciphers, ciphers,
                macs, macs, comp, comp, false).encode(new SecureRandom());
        SshBuffer b = SshBuffer.wrap(encoded);
        b.getByte();
        return b;
    }

    @Test
    void aUserauthSuccessBeforeTheFirstNewKeysIsAProtocolErrorWithoutStrictKex() {
        assertThatThrownBy(() -> driver.checkAllowedDuringKex(Msg.USERAUTH_SUCCESS))
                .isInstanceOf(SshException.class).hasMessageContaining("before the first key exchange finished");
    }

    @Test
    void aServiceAcceptBeforeTheFirstNewKeysIsAProtocolError() {
        assertThatThrownBy(() -> driver.checkAllowedDuringKex(Msg.SERVICE_ACCEPT)).isInstanceOf(SshException.class);
    }

    @Test
    void extInfoBeforeTheFirstNewKeysIsAProtocolError() {
        assertThatThrownBy(() -> driver.checkAllowedDuringKex(Msg.EXT_INFO)).isInstanceOf(SshException.class);
    }

    @Test
    void channelMessagesBeforeTheFirstNewKeysAreAProtocolError() {
        assertThatThrownBy(() -> driver.checkAllowedDuringKex(Msg.CHANNEL_DATA)).isInstanceOf(SshException.class);
    }

    @Test
    void ignoreDebugAndDisconnectPassWithoutStrictKex() throws Exception {
        driver.checkAllowedDuringKex(Msg.IGNORE);
        driver.onKexInit(serverKexInit(false));
        assertThatCode(() -> {
            driver.checkAllowedDuringKex(Msg.IGNORE);
            driver.checkAllowedDuringKex(Msg.DEBUG);
            driver.checkAllowedDuringKex(Msg.DISCONNECT);
        }).doesNotThrowAnyException();
    }

    @Test
    void anIgnoreBeforeKexInitEndsTheConnectionWhenStrictKexIsAgreed() throws Exception {
        driver.firstKexInit();
        driver.checkAllowedDuringKex(Msg.IGNORE);
        assertThatThrownBy(() -> driver.onKexInit(serverKexInit(true)))
                .isInstanceOf(SshException.class).hasMessageContaining("Strict key exchange violated");
    }

    @Test
    void anIgnoreDuringAStrictKeyExchangeEndsTheConnection() throws Exception {
        driver.firstKexInit();
        driver.onKexInit(serverKexInit(true));
        assertThatThrownBy(() -> driver.checkAllowedDuringKex(Msg.IGNORE))
                .isInstanceOf(SshException.class).hasMessageContaining("Terrapin");
    }

    @Test
    void theServersKexInitIsAnsweredWithExactlyOneKexInitOfOurs() throws Exception {
        driver.onKexInit(serverKexInit(false));
        assertThat(driver.inProgress()).isTrue();
        // Our KEXINIT, then the method's first message (e.g. the ECDH init).
        assertThat(session.steps).hasSizeGreaterThanOrEqualTo(1);
        int before = session.steps.size();
        driver.startRekey(); // under way already: nothing more
        assertThat(session.steps).hasSize(before);
    }

    @Test
    void ourKexInitIsQueuedBeforeAnyoneCanSeeTheExchangeUnderWay() throws Exception {
        // The reader answers the server's KEXINIT once it sees an exchange under way; if that
        // were visible before our KEXINIT is queued, its answer could go out first.
        driver.onKexInit(serverKexInit(false));
        assertThat(session.underWayWhenQueued).first().isEqualTo(false);
    }
}
