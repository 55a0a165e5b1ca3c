package org.javamiko.internal.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.javamiko.SshException;
import org.javamiko.internal.cipher.CipherFactory;
import org.javamiko.internal.cipher.MacFactory;
import org.javamiko.internal.cipher.PacketCipher;
import org.javamiko.internal.kex.KexContext;
import org.javamiko.internal.kex.KexMethods;
import org.javamiko.internal.kex.KexResult;
import org.javamiko.internal.kex.KeyDerivation;
import org.javamiko.internal.kex.KeyExchange;
import org.javamiko.internal.kex.X25519KeyPair;
import org.javamiko.internal.packet.PacketCounter;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.PKey;
import org.javamiko.transport.AlgorithmKind;
import org.javamiko.transport.Negotiated;
import org.javamiko.transport.SecurityOptions;

/**
 * The key-exchange state machine beside the dispatcher (RFC 4253 §7-9, strict kex from OpenSSH's
 * PROTOCOL): KEXINIT, the negotiated method, host key verification, key derivation, NEWKEYS.
 * It swaps the writer's cipher when we send NEWKEYS and the reader's when the server's arrives;
 * it never touches the dispatcher. Re-exchanges run the same way at any time.
 */
final class KexDriver implements KexContext {
    private static final long MAX_PACKETS_PER_KEY = 1L << 31;

    private final SshSession session;
    private final SessionConfig config;
    private final SecureRandom random;

    // Touched by the reader thread, and by senders only with the write lock held.
    private volatile boolean inProgress;
    private KexInit ourInit;
    private byte[] clientKexInit;
    private byte[] serverKexInit;
    private Negotiated pending;
    private KeyExchange exchange;
    private boolean ignoreNextKexPacket;
    private PacketCipher pendingIn;
    private boolean firstKexDone;
    private boolean strict;
    private boolean sawNonKexBeforeKexInit;
    private boolean gotServerKexInit;
    private long keysSince = System.nanoTime();
    private volatile long rekeyBytes;
    private volatile long rekeyIntervalNanos;

    /** An X25519 key pair made while the first exchange waited for the server; taken once. */
    private final AtomicReference<X25519KeyPair> preparedX25519 = new AtomicReference<>();
    private volatile byte[] sessionId;
    private volatile byte[] sessionSignature;
    private volatile PKey hostKey;
    private volatile Negotiated current;

    KexDriver(SshSession session, SessionConfig config, SecureRandom random) {
        this.session = session;
        this.config = config;
        this.random = random;
        setRekeyLimits(config.rekeyBytes(), config.rekeyInterval());
    }

    void setRekeyLimits(long bytes, java.time.Duration interval) {
        if (bytes < 16 * 1024) {
            throw new IllegalArgumentException("A re-key limit under 16 KiB would re-key after every few packets");
        }
        rekeyBytes = bytes;
        rekeyIntervalNanos = interval.toNanos();
    }

    /** Sends our KEXINIT and closes the send gate. The caller holds the write lock. */
    void sendKexInit() throws IOException {
        ourInit = buildKexInit();
        clientKexInit = ourInit.encode(random);
        inProgress = true;
        session.closeSendGate();
        session.writer().write(clientKexInit, 0, clientKexInit.length);
    }

    private KexInit buildKexInit() {
        SecurityOptions s = config.security();
        List<String> kex = new ArrayList<>(s.get(AlgorithmKind.KEX));
        if (!firstKexDone) {
            kex.add(Pseudo.EXT_INFO_C);
            kex.add(Pseudo.STRICT_KEX_C);
        }
        List<String> ciphers = s.get(AlgorithmKind.CIPHERS);
        List<String> macs = s.get(AlgorithmKind.MACS);
        List<String> compression = s.get(AlgorithmKind.COMPRESSION);
        return new KexInit(kex, s.get(AlgorithmKind.KEYS), ciphers, ciphers, macs, macs, compression, compression,
                false);
    }

    /**
     * Makes the ephemeral X25519 key pair ahead of need, when a method we offer uses one
     * (curve25519, and the ML-KEM and sntrup761 hybrids): the caller's thread is idle while the
     * server forks, sends its identification string and KEXINIT, whereas after that KEXINIT the
     * key generation (0.4-1 ms on the JDK) would hold up our reply. Whichever method is
     * negotiated takes it through {@link #x25519KeyPair}; a key pair nobody took is never used twice.
     */
    void prepareEphemeralKeys() {
        boolean offered = config.security().get(AlgorithmKind.KEX).stream()
                .anyMatch(name -> name.contains("25519"));
        if (offered) {
            preparedX25519.set(new X25519KeyPair());
        }
    }

    /** Starts a re-exchange from any thread, unless one is under way. */
    void startRekey() throws IOException {
        session.writeLock().lock();
        try {
            if (!inProgress && session.isActive()) {
                session.log().debug("Starting a key re-exchange");
                sendKexInit();
            }
        } finally {
            session.writeLock().unlock();
        }
    }

    /** Called after each packet sent, with the write lock held. */
    void afterWrite(PacketCounter sent) throws IOException {
        if (!inProgress && firstKexDone && limitReached(sent)) {
            session.log().debug("Re-keying after {} bytes sent", sent.bytesSinceKeys());
            sendKexInit();
        }
    }

    /** Called by the reader thread after each packet read. */
    void afterRead(PacketCounter received) throws IOException {
        if (!inProgress && firstKexDone && limitReached(received) && session.writeLock().tryLock()) {
            // tryLock: the reader thread never waits for a sender here (a sender blocked on a full
            // socket would stall the reader that drains the other direction); if the lock is busy,
            // the next packet read tries again.
            try {
                if (!inProgress && session.isActive()) {
                    session.log().debug("Re-keying after {} bytes received", received.bytesSinceKeys());
                    sendKexInit();
                }
            } finally {
                session.writeLock().unlock();
            }
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
     * Enforces strict kex: during the first exchange only KEXINIT, the method's messages and
     * NEWKEYS may arrive once strict mode is agreed.
     */
    void checkAllowedDuringKex(int type) throws SshException {
        boolean kexMessage = type == Msg.KEXINIT || type == Msg.NEWKEYS
                || (type >= Msg.KEX_FIRST && type <= Msg.KEX_LAST);
        // A DISCONNECT ends the connection either way; reading it lets us report the server's reason.
        if (firstKexDone || kexMessage || type == Msg.DISCONNECT) {
            return;
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
            session.timeline().mark("kexinit-received");
        }
        int start = payload.readPosition() - 1;
        serverKexInit = java.util.Arrays.copyOfRange(payload.array(), start, start + payload.available() + 1);
        KexInit server = KexInit.decode(payload);
        session.writeLock().lock();
        try {
            // Checked under the lock: a sender may be starting a re-exchange of its own right now,
            // and the server must see exactly one KEXINIT from us per exchange.
            if (!inProgress) {
                sendKexInit();
            }
        } finally {
            session.writeLock().unlock();
        }
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
            session.timeline().mark("kex-init-sent");
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
            session.timeline().mark("kex-reply-received");
        }
        if (exchange.handle(type, payload, this)) {
            finishExchange(exchange.result());
            exchange = null;
        }
    }

    private void finishExchange(KexResult result) throws IOException {
        if (!firstKexDone) {
            session.timeline().mark("exchange-hash-computed");
        }
        PKey key = verifyHostKey(result);
        if (!firstKexDone) {
            session.timeline().mark("host-key-signature-verified");
        }
        if (sessionId == null) {
            sessionId = result.exchangeHash();
            sessionSignature = result.signature();
        }
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
        if (!firstKexDone) {
            session.timeline().mark("keys-derived");
        }
        hostKey = key;
        session.writeLock().lock();
        try {
            session.throwIfClosed();
            session.writer().write(new byte[] {(byte) Msg.NEWKEYS}, 0, 1);
            session.writer().setCipher(out);
            if (strict) {
                session.writer().counter().resetSequence();
            }
            if (!firstKexDone) {
                // Right behind our NEWKEYS, under the new keys: strict kex allows nothing but kex
                // messages before it, and the server answers it while we check its host key.
                session.writer().write(SshSession.USERAUTH_SERVICE_REQUEST, 0, SshSession.USERAUTH_SERVICE_REQUEST.length);
            }
        } finally {
            session.writeLock().unlock();
        }
        if (!firstKexDone) {
            session.timeline().mark("newkeys-and-service-request-sent");
        }
        session.openSendGate();
    }

    private PKey verifyHostKey(KexResult result) throws IOException {
        PKey key = PKey.fromBlob(result.hostKeyBlob());
        String algorithm = SshBuffer.wrap(result.signature()).getStringUtf8();
        if (!algorithm.equals(pending.hostKeyAlgorithm())) {
            throw new SshException("The server signed the key exchange with " + algorithm + " but "
                    + pending.hostKeyAlgorithm() + " was negotiated");
        }
        if (!key.signatureAlgorithms().contains(algorithm)) {
            throw new SshException("The server's " + key.getName() + " host key cannot make " + algorithm + " signatures");
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
        session.reader().setCipher(pendingIn);
        if (strict) {
            session.reader().counter().resetSequence();
        }
        pendingIn = null;
        current = pending;
        pending = null;
        keysSince = System.nanoTime();
        inProgress = false;
        if (!firstKexDone) {
            session.timeline().mark("newkeys-received");
            firstKexDone = true;
            session.log().debug("Negotiated {} (strict kex: {})", current, strict);
            session.firstKexDone();
        } else {
            session.log().debug("Key re-exchange done: {}", current);
        }
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
        return clientKexInit;
    }

    @Override
    public byte[] serverKexInit() {
        return serverKexInit;
    }

    @Override
    public void send(SshBuffer payload) throws IOException {
        session.sendKexMessage(payload);
    }

    @Override
    public X25519KeyPair x25519KeyPair() {
        X25519KeyPair prepared = preparedX25519.getAndSet(null);
        return prepared != null ? prepared : new X25519KeyPair();
    }
}
