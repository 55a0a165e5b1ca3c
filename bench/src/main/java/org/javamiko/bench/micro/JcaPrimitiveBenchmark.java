package org.javamiko.bench.micro;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bare JCA primitive (SunJCE) on the same 32 KiB (plus the 5-byte packet header and 4-byte
 * length a packet carries): AES-128-GCM with a fresh IV per packet; AES-128-CTR then
 * HMAC-SHA256 over sequence number and ciphertext (etm); the IETF ChaCha20-Poly1305 AEAD
 * (OpenSSH's construction differs slightly: two ChaCha20 keys and a separate Poly1305, so it
 * is the closest primitive the JDK has). The bar our {@link PacketPathBenchmark} is held to.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JcaPrimitiveBenchmark {
    private static final int LEN = PacketPathBenchmark.DATA + 9 + 4;

    /** The cipher: gcm, ctr+etm or chacha. */
    @Param({"gcm", "ctr+etm", "chacha"})
    public String cipher;

    private final byte[] plain = new byte[LEN];
    private final byte[] out = new byte[LEN + 64];
    /** Two sealed packets under two nonces: SunJCE's ChaCha20 refuses the same key and nonce twice in a row. */
    private final byte[][] sealed = new byte[2][];
    private int next;
    private SecretKeySpec key;
    private Cipher encryptor;
    private Cipher decryptor;
    private Mac mac;
    private final byte[] nonce = new byte[12];
    private final byte[][] sealedNonce = {new byte[12], new byte[12]};
    private final byte[] seq = new byte[4];
    /** Starts past the two nonces sealed at set-up: SunJCE refuses an encryption IV used just before. */
    private long counter = 1000;

    /** Keys the primitives and seals one packet for the decrypt benchmark. */
    @Setup(Level.Trial)
    public void keys() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        random.nextBytes(plain);
        switch (cipher) {
            case "gcm" -> {
                key = new SecretKeySpec(PacketPathBenchmark.bytes(random, 16), "AES");
                encryptor = Cipher.getInstance("AES/GCM/NoPadding");
                decryptor = Cipher.getInstance("AES/GCM/NoPadding");
                sealedNonce[1][11] = 1;
                for (int i = 0; i < 2; i++) {
                    encryptor.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, sealedNonce[i]));
                    encryptor.updateAAD(plain, 0, 4);
                    sealed[i] = encryptor.doFinal(plain, 4, LEN - 4);
                }
            }
            case "chacha" -> {
                key = new SecretKeySpec(PacketPathBenchmark.bytes(random, 32), "ChaCha20");
                encryptor = Cipher.getInstance("ChaCha20-Poly1305");
                decryptor = Cipher.getInstance("ChaCha20-Poly1305");
                sealedNonce[1][11] = 1;
                for (int i = 0; i < 2; i++) {
                    encryptor.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(sealedNonce[i]));
                    encryptor.updateAAD(plain, 0, 4);
                    sealed[i] = encryptor.doFinal(plain, 4, LEN - 4);
                }
            }
            case "ctr+etm" -> {
                key = new SecretKeySpec(PacketPathBenchmark.bytes(random, 16), "AES");
                IvParameterSpec iv = new IvParameterSpec(PacketPathBenchmark.bytes(random, 16));
                encryptor = Cipher.getInstance("AES/CTR/NoPadding");
                encryptor.init(Cipher.ENCRYPT_MODE, key, iv);
                decryptor = Cipher.getInstance("AES/CTR/NoPadding");
                decryptor.init(Cipher.DECRYPT_MODE, key, iv);
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(PacketPathBenchmark.bytes(random, 32), "HmacSHA256"));
                sealed[0] = encryptor.update(plain, 4, LEN - 4);
                sealed[1] = sealed[0];
            }
            default -> throw new IllegalArgumentException(cipher);
        }
    }

    /** Encrypts and authenticates one packet. */
    @Benchmark
    public byte[] encrypt() throws GeneralSecurityException {
        switch (cipher) {
            case "ctr+etm" -> {
                encryptor.update(plain, 4, LEN - 4, out, 4);
                mac.update(seq);
                mac.update(out, 0, LEN);
                mac.doFinal(out, LEN);
            }
            default -> {
                nextNonce();
                encryptor.init(Cipher.ENCRYPT_MODE, key, cipher.equals("gcm")
                        ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
                encryptor.updateAAD(plain, 0, 4);
                encryptor.doFinal(plain, 4, LEN - 4, out, 4);
            }
        }
        return out;
    }

    /** Verifies and decrypts one packet. */
    @Benchmark
    public byte[] decrypt() throws GeneralSecurityException {
        switch (cipher) {
            case "ctr+etm" -> {
                mac.update(seq);
                mac.update(plain, 0, 4);
                mac.update(sealed[0], 0, LEN - 4);
                mac.doFinal(out, LEN);
                decryptor.update(sealed[0], 0, LEN - 4, out, 4);
            }
            default -> {
                next ^= 1;
                decryptor.init(Cipher.DECRYPT_MODE, key, cipher.equals("gcm")
                        ? new GCMParameterSpec(128, sealedNonce[next]) : new IvParameterSpec(sealedNonce[next]));
                decryptor.updateAAD(plain, 0, 4);
                decryptor.doFinal(sealed[next], 0, sealed[next].length, out, 4);
            }
        }
        return out;
    }

    private void nextNonce() {
        counter++;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (counter >>> (8 * i));
        }
    }
}
