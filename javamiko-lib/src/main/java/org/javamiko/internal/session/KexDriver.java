package org.javamiko.internal.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.javamiko.SshException;
import org.javamiko.internal.algo.AlgorithmOffer;
import org.javamiko.internal.cipher.CipherFactory;
import org.javamiko.internal.cipher.MacFactory;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.gss.GssContext;
import org.javamiko.internal.gss.GssTarget;
import org.javamiko.internal.kex.KexContext;
import org.javamiko.internal.kex.KexMethods;
import org.javamiko.internal.kex.KexResult;
import org.javamiko.internal.kex.KeyDerivation;
import org.javamiko.internal.kex.KeyExchange;
import org.javamiko.internal.kex.X25519KeyPair;
import org.javamiko.internal.packet.PacketCounter;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;
import org.javamiko.transport.AlgorithmKind;
import org.javamiko.transport.Negotiated;

/**
 * The key-exchange state machine beside the dispatcher (RFC 4253 §7-9, strict kex from OpenSSH's
 * PROTOCOL): KEXINIT, the negotiated method, host key verification, key derivation, NEWKEYS.
 * It swaps the writer's cipher when we send NEWKEYS and the reader's when the server's arrives;
 * it never touches the dispatcher. Re-exchanges run the same way at any time.
 *
 * <p>It reaches its session only through {@link KexSession}, and sends only through key-exchange
 * steps, which never wait for the write lock: the reader thread runs this class and must never
 * wait on a writer. Whoever starts an exchange (the reader answering the server's KEXINIT, a
 * sender past the rekey limit, the session clock, the user) wins one compare-and-set on
 * {@link #ours}, so the server sees exactly one KEXINIT from us per exchange.
 */
final class KexDriver implements KexContext {
    private static final long MAX_PACKETS_PER_KEY = 1L << 31;
    private static final byte[] NEWKEYS = {(byte) Msg.NEWKEYS};

    /** Our KEXINIT of the exchange under way: decided and encoded once, by whoever started the exchange. */
    private record OurKexInit(KexInit init, byte[] encoded) {
    }

    private final KexSession session;
    private final SessionConfig config;
    private final SecureRandom random;
    /** Non-null while an exchange is under way (from our KEXINIT until the server's NEWKEYS). */
    private final AtomicReference<OurKexInit> ours = new AtomicReference<>();
    /** Orders starting an exchange against the reader answering the server's KEXINIT. */
    private final Object startLock = new Object();

    // Touched by the reader thread only.
    private byte[] serverKexInit;
    private Negotiated pending;
    private KeyExchange exchange;
    private boolean ignoreNextKexPacket;
    private PacketCipher pendingIn;
    private boolean strict;
    private boolean sawNonKexBeforeKexInit;
    private boolean gotServerKexInit;

    private volatile boolean firstKexDone;
    private volatile long keysSince = System.nanoTime();
    private volatile long rekeyBytes;
    private volatile long rekeyIntervalNanos;

    /** An X25519 key pair made while the first exchange waited for the server; taken once. */
    private final AtomicReference<X25519KeyPair> preparedX25519 = new AtomicReference<>();
    private volatile byte[] sessionId;
    private volatile byte[] sessionSignature;
    private volatile PKey hostKey;
    private volatile Negotiated current;
    private volatile boolean authenticated;
    /** The context of the first GSS-API key exchange, kept for gssapi-keyex (RFC 4462 §4); later ones are freed. */
    private volatile GssContext gssKexContext;
    private volatile boolean gssKexUsed;

    KexDriver(KexSession session, SessionConfig config, SecureRandom random) {
        this.session = session;
        this.config = config;
        this.random = random;
        setRekeyLimits(config.rekeyBytes(), config.rekeyInterval());
    }

    void setRekeyLimits(long bytes, Duration interval) {
        SessionConfig.checkRekeyBytes(bytes);
        rekeyBytes = bytes;
        rekeyIntervalNanos = interval.toNanos();
    }

    /**
     * The first KEXINIT, written by {@code begin} before the reader thread starts.
     *
     * @return the step that closes the gate and writes it
     */
    SendPath.KexStep firstKexInit() {
        OurKexInit mine = encodeKexInit();
        ours.set(mine);
        return kexInitStep(mine);
    }

    private OurKexInit encodeKexInit() {
        KexInit init = buildKexInit();
        return new OurKexInit(init, init.encode(random));
    }

    private SendPath.KexStep kexInitStep(OurKexInit mine) {
        return w -> {
            session.closeSendGate();
            w.write(mine.encoded(), 0, mine.encoded().length);
        };
    }

    /**
     * Starts an exchange unless one is under way; never waits.
     *
     * @return true when this call started it
     */
    private boolean startExchange() throws IOException {
        if (ours.get() != null) {
            return false;
        }
        // "ours" is published only once its KEXINIT is queued: otherwise the reader, seeing ours
        // set as the server's KEXINIT arrives, could queue its kex reply ahead of our KEXINIT and
        // the server would wait for ever. The lock guards only a queue add; the write happens
        // after it is released.
        synchronized (startLock) {
            if (ours.get() != null) {
                return false;
            }
            OurKexInit mine = encodeKexInit();
            session.queueKexStep(kexInitStep(mine));
            ours.set(mine);
        }
        session.flushSends();
        return true;
    }

    private KexInit buildKexInit() {
        AlgorithmOffer s = config.offer();
        boolean gss = config.gssKex() != null;
        List<String> kex = GssKexOffer.kex(s.offered(AlgorithmKind.KEX), gss);
        if (!firstKexDone) {
            kex.add(Pseudo.EXT_INFO_C);
            kex.add(Pseudo.STRICT_KEX_C);
        }
        List<String> hostKeys = GssKexOffer.hostKeys(s.offered(AlgorithmKind.KEYS), gss);
        List<String> ciphers = s.offered(AlgorithmKind.CIPHERS);
        List<String> macs = s.offered(AlgorithmKind.MACS);
        List<String> compression = s.offered(AlgorithmKind.COMPRESSION);
        return new KexInit(kex, hostKeys, ciphers, ciphers, macs, macs, compression, compression, false);
    }

    /**
     * Makes the ephemeral X25519 key pair ahead of need, when a method we offer uses one
     * (curve25519, and the ML-KEM and sntrup761 hybrids): the caller's thread is idle while the
     * server forks, sends its identification string and KEXINIT, whereas after that KEXINIT the
     * key generation (0.4-1 ms on the JDK) would hold up our reply. Whichever method is
     * negotiated takes it through {@link #x25519KeyPair}; a key pair nobody took is never used twice.
     */
    void prepareEphemeralKeys() {
        boolean offered = config.offer().offered(AlgorithmKind.KEX).stream()
                .anyMatch(name -> name.contains("25519"));
        if (offered) {
            preparedX25519.set(new X25519KeyPair());
        }
    }

    /** Starts a re-exchange from any thread, unless one is under way. */
    void startRekey() throws IOException {
        if (session.isActive() && firstKexDone && startExchange()) {
            session.log().debug("Starting a key re-exchange");
        }
    }

    /** @return true while an exchange is under way */
    boolean inProgress() {
        return ours.get() != null;
    }

    /** Called after each packet sent. */
    void afterWrite(PacketCounter sent) throws IOException {
        if (firstKexDone && ours.get() == null && limitReached(sent) && startExchange()) {
            session.log().debug("Re-keying after {} bytes sent", sent.bytesSinceKeys());
        }
    }

    /** Called by the reader thread after each packet read; never waits for a sender. */
    void afterRead(PacketCounter received) throws IOException {
        if (firstKexDone && ours.get() == null && limitReached(received) && startExchange()) {
            session.log().debug("Re-keying after {} bytes received", received.bytesSinceKeys());
        }
    }

    /** Called by the session clock: the time limit also holds on a connection where nothing moves. */
    void rekeyIfDue() throws IOException {
        if (firstKexDone && ours.get() == null && System.nanoTime() - keysSince >= rekeyIntervalNanos
                && startExchange()) {
            session.log().debug("Re-keying: the keys are older than {} s",
                    Duration.ofNanos(rekeyIntervalNanos).toSeconds());
        }
    }

    /**
     * Besides the user's limits, re-key long before a sequence number could wrap under the same
     * keys: chacha20-poly1305 and AES-GCM would otherwise reuse a nonce.
     */
    private boolean limitReached(PacketCounter traffic) {
        return traffic.bytesSinceKeys() >= rekeyBytes || traffic.packetsSinceKeys() >= MAX_PACKETS_PER_KEY
                || System.nanoTime() - keysSince >= rekeyIntervalNanos;
    }

    /**
     * Until the first NEWKEYS only key-exchange messages may arrive, strict kex or not: KEXINIT,
     * the method's messages, NEWKEYS, and IGNORE, DEBUG, UNIMPLEMENTED and DISCONNECT. Anything
     * else in the plaintext phase could be injected by a man in the middle. With strict kex
     * (OpenSSH's PROTOCOL, the Terrapin fix) not even IGNORE, DEBUG or UNIMPLEMENTED may come.
     */
    void checkAllowedDuringKex(int type) throws SshException {
        if (firstKexDone) {
            return;
        }
        boolean kexMessage = type == Msg.KEXINIT || type == Msg.NEWKEYS
                || (type >= Msg.KEX_FIRST && type <= Msg.KEX_LAST);
        // A DISCONNECT ends the connection either way; reading it lets us report the server's reason.
        if (kexMessage || type == Msg.DISCONNECT) {
            return;
        }
        if (type != Msg.IGNORE && type != Msg.DEBUG && type != Msg.UNIMPLEMENTED) {
            throw new SshException("Protocol error: the server sent message " + type
                    + " before the first key exchange finished (only key-exchange messages may come before NEWKEYS)");
        }
        if (!gotServerKexInit) {
            sawNonKexBeforeKexInit = true;
        } else if (strict) {
            throw new SshException("Strict key exchange violated: the server sent message " + type
                    + " during the initial key exchange (possible Terrapin attack)");
        }
    }

    void onKexInit(SshBuffer payload) throws IOException {
        if (pending != null) {
            throw new SshException("The server sent KEXINIT during a key exchange");
        }
        if (!firstKexDone) {
            session.reached("kexinit-received");
        }
        int start = payload.readPosition() - 1;
        serverKexInit = Arrays.copyOfRange(payload.array(), start, start + payload.available() + 1);
        KexInit server = KexInit.decode(payload);
        startExchange();
        KexInit ourInit = ours.get().init();
        if (!firstKexDone) {
            gotServerKexInit = true;
            strict = server.kex().contains(Pseudo.STRICT_KEX_S);
            if (strict && sawNonKexBeforeKexInit) {
                throw new SshException("Strict key exchange violated: the server sent messages before its KEXINIT");
            }
        }
        pending = Negotiation.negotiate(ourInit, server);
        ignoreNextKexPacket = server.firstKexPacketFollows()
                && (!server.kex().get(0).equals(pending.kex()) || !server.hostKeys().get(0).equals(pending.hostKeyAlgorithm()));
        exchange = KexMethods.byName(pending.kex())
                .orElseThrow(() -> new SshException("Unsupported key exchange " + pending.kex()))
                .create();
        exchange.start(this);
        if (!firstKexDone) {
            session.reached("kex-init-sent");
        }
    }

    void onKexMessage(int type, SshBuffer payload) throws IOException {
        if (exchange == null) {
            throw new SshException("Unexpected key-exchange message " + type + " outside a key exchange");
        }
        if (ignoreNextKexPacket) {
            ignoreNextKexPacket = false;
            return;
        }
        if (!firstKexDone) {
            session.reached("kex-reply-received");
        }
        if (exchange.handle(type, payload, this)) {
            finishExchange(exchange.result());
            exchange = null;
        }
    }

    private void finishExchange(KexResult result) throws IOException {
        boolean first = !firstKexDone;
        if (first) {
            session.reached("exchange-hash-computed");
        }
        PKey key = verifyHostKey(result);
        if (first) {
            session.reached("host-key-signature-verified");
        }
        if (sessionId == null) {
            sessionId = result.exchangeHash();
            sessionSignature = result.signature();
            gssKexUsed = result.gssContext() != null;
        }
        keepGssContext(result.gssContext());
        CipherFactory cipherOut = Negotiation.cipher(pending.cipherOut());
        CipherFactory cipherIn = Negotiation.cipher(pending.cipherIn());
        MacFactory macOut = Negotiation.mac(pending.macOut());
        MacFactory macIn = Negotiation.mac(pending.macIn());
        KeyDerivation keys = new KeyDerivation(result.hashAlgorithm(), result.sharedSecret(), result.exchangeHash(),
                sessionId);
        PacketCipher out = cipherOut.create(true, keys.derive('C', cipherOut.keyLength()),
                keys.derive('A', cipherOut.ivLength()), macOut, macOut == null ? null : keys.derive('E', macOut.keyLength()));
        pendingIn = cipherIn.create(false, keys.derive('D', cipherIn.keyLength()),
                keys.derive('B', cipherIn.ivLength()), macIn, macIn == null ? null : keys.derive('F', macIn.keyLength()));
        if (first) {
            session.reached("keys-derived");
        }
        hostKey = key;
        String compressionOut = pending.compressionOut();
        boolean authenticatedNow = authenticated;
        boolean resetSequence = strict;
        byte[] next = first ? session.afterFirstNewKeys() : null;
        session.sendKexStep(w -> {
            w.write(NEWKEYS, 0, 1);
            w.setCipher(out);
            w.compression().newKeys(compressionOut, authenticatedNow);
            if (resetSequence) {
                w.counter().resetSequence();
            }
            if (next != null) {
                // Right behind our NEWKEYS, under the new keys: strict kex allows nothing but kex
                // messages before it, and the server answers it while we check its host key.
                w.write(next, 0, next.length);
            }
            session.openSendGate();
        });
        if (first) {
            session.reached("newkeys-and-service-request-sent");
        }
    }

    /** As OpenSSH: the first exchange's context serves gssapi-keyex; a re-key's is freed at once. */
    private void keepGssContext(GssContext context) {
        if (context == null) {
            return;
        }
        if (gssKexContext == null && !firstKexDone) {
            gssKexContext = context;
        } else {
            context.dispose();
        }
    }

    private PKey verifyHostKey(KexResult result) throws IOException {
        if (result.gssContext() != null) {
            return GssKexOffer.hostKey(result, hostKey);
        }
        PKey key = PKey.fromBlob(result.hostKeyBlob());
        String algorithm = SshBuffer.wrap(result.signature()).getStringUtf8();
        String negotiated = pending.hostKeyAlgorithm();
        // a certificate algorithm signs as its plain one (PROTOCOL.certkeys)
        if (!algorithm.equals(Certificate.plainAlgorithm(negotiated))) {
            throw new SshException("The server signed the key exchange with " + algorithm + " but "
                    + negotiated + " was negotiated");
        }
        if (!key.signatureAlgorithms().contains(negotiated)) {
            throw new SshException("The server's " + key.getName() + " host key cannot make " + negotiated + " signatures");
        }
        if (!key.verifySshSignature(result.exchangeHash(), result.signature())) {
            throw new SshException("The server's host key signature over the key exchange is invalid");
        }
        PKey known = hostKey;
        if (known != null && !known.equals(key)) {
            throw new SshException("The server's host key changed during a key re-exchange: was "
                    + known.fingerprint() + ", now " + key.fingerprint());
        }
        return key;
    }

    void onNewKeys() throws IOException {
        if (pendingIn == null) {
            throw new SshException("The server sent NEWKEYS before the key exchange finished");
        }
        session.setReaderCipher(pendingIn, strict);
        session.readerCompression().newKeys(pending.compressionIn(), authenticated);
        pendingIn = null;
        current = pending;
        pending = null;
        keysSince = System.nanoTime();
        ours.set(null);
        if (!firstKexDone) {
            session.reached("newkeys-received");
            firstKexDone = true;
            session.log().debug("Negotiated {} (strict kex: {})", current, strict);
            session.firstKexDone();
        } else {
            session.log().debug("Key re-exchange done: {}", current);
        }
    }

    /**
     * On the reader thread, as USERAUTH_SUCCESS arrives: delayed compression
     * ({@code zlib@openssh.com}) starts in both directions before the next packet is read or sent.
     */
    void onAuthenticated() throws IOException {
        authenticated = true;
        session.readerCompression().authenticated();
        session.sendKexStep(w -> w.compression().authenticated());
    }

    /** @return true once the server's first NEWKEYS arrived */
    boolean firstKexDone() {
        return firstKexDone;
    }

    byte[] sessionId() {
        return sessionId;
    }

    byte[] sessionSignature() {
        return sessionSignature;
    }

    PKey hostKey() {
        return hostKey;
    }

    /** @return whether the first exchange was a GSS-API key exchange (Kerberos authenticated the server) */
    boolean gssKexUsed() {
        return gssKexUsed;
    }

    /** @return the first GSS-API key exchange's context, or null */
    GssContext gssKexContext() {
        return gssKexContext;
    }

    Negotiated negotiated() {
        return current;
    }

    // ------------------------------------------------------------------ KexContext

    @Override
    public byte[] clientVersion() {
        return config.clientVersion().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] serverVersion() {
        return session.serverVersion().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] clientKexInit() {
        return ours.get().encoded();
    }

    @Override
    public byte[] serverKexInit() {
        return serverKexInit;
    }

    @Override
    public void send(SshBuffer payload) throws IOException {
        byte[] copy = Arrays.copyOfRange(payload.array(), payload.readPosition(),
                payload.readPosition() + payload.available());
        session.sendKexStep(w -> w.write(copy, 0, copy.length));
    }

    @Override
    public GssTarget gssTarget() {
        return config.gssKex();
    }

    @Override
    public X25519KeyPair x25519KeyPair() {
        X25519KeyPair prepared = preparedX25519.getAndSet(null);
        return prepared != null ? prepared : new X25519KeyPair();
    }
}
