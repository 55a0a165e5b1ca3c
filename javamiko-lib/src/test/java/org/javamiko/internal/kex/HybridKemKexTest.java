package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.function.Function;

import javax.crypto.KeyAgreement;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;
import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** The server side is played with Bouncy Castle's encapsulation and the JDK's X25519. */
class HybridKemKexTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RecordingContext ctx = new RecordingContext();

    @Test
    void mlkem768x25519AgreesWithABouncyCastleServer() throws Exception {
        assertAgrees(new HybridKemKex(MlKem768::generate, "SHA-256"), "SHA-256", MlKem768.PUBLIC_KEY_LENGTH,
                pk -> new MLKEMGenerator(RANDOM).generateEncapsulated(
                        new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, pk)));
    }

    @Test
    void mlkem768x25519AgreesWithABouncyCastleServerOnTheBouncyCastleClient() throws Exception {
        assertAgrees(new HybridKemKex(MlKem768BcKeyPair::new, "SHA-256"), "SHA-256", MlKem768.PUBLIC_KEY_LENGTH,
                pk -> new MLKEMGenerator(RANDOM).generateEncapsulated(
                        new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, pk)));
    }

    /**
     * Only asserted from JDK 24 on: below it, whether ML-KEM is reachable through JCA depends on
     * whether some library (MINA SSHD in these tests) registered Bouncy Castle as a provider, and
     * JDK 17.0.11+ has the KEM API backported, so either answer is right there.
     */
    @Test
    void usesTheJdksMlKemFromJdk24On() {
        assumeTrue(Runtime.version().feature() >= 24, "the JDK has ML-KEM from 24 on");
        assertThat(MlKem768.implementation()).isEqualTo("JDK");
    }

    @Test
    void sntrup761x25519AgreesWithABouncyCastleServer() throws Exception {
        assertAgrees(new HybridKemKex(Sntrup761KeyPair::new, "SHA-512"), "SHA-512", Sntrup761KeyPair.PUBLIC_KEY_LENGTH,
                pk -> new SNTRUPrimeKEMGenerator(RANDOM).generateEncapsulated(
                        new SNTRUPrimePublicKeyParameters(SNTRUPrimeParameters.sntrup761, pk)));
    }

    @Test
    void refusesAReplyOfTheWrongLength() throws Exception {
        HybridKemKex kex = new HybridKemKex(MlKem768::generate, "SHA-256");
        kex.start(ctx);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(new byte[1088 + 31])), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("expected 1120");
    }

    @Test
    void refusesAnX25519PartGivingTheAllZeroSecret() throws Exception {
        HybridKemKex kex = new HybridKemKex(Sntrup761KeyPair::new, "SHA-512");
        kex.start(ctx);
        byte[] clientBlob = ctx.lastSent(30).getString();
        SecretWithEncapsulation enc = new SNTRUPrimeKEMGenerator(RANDOM).generateEncapsulated(
                new SNTRUPrimePublicKeyParameters(SNTRUPrimeParameters.sntrup761,
                        Arrays.copyOf(clientBlob, Sntrup761KeyPair.PUBLIC_KEY_LENGTH)));
        byte[] serverBlob = Arrays.copyOf(enc.getEncapsulation(), Sntrup761KeyPair.CIPHERTEXT_LENGTH + 32);
        assertThatThrownBy(() -> kex.handle(31, RecordingContext.reply(b -> b.putString(serverBlob)), ctx))
                .isInstanceOf(SshException.class).hasMessageContaining("all zero");
    }

    private void assertAgrees(HybridKemKex kex, String hash, int kemKeyLength,
                              Function<byte[], SecretWithEncapsulation> encapsulate) throws Exception {
        kex.start(ctx);
        byte[] clientBlob = ctx.lastSent(30).getString();
        assertThat(clientBlob).hasSize(kemKeyLength + 32);

        SecretWithEncapsulation enc = encapsulate.apply(Arrays.copyOf(clientBlob, kemKeyLength));
        KeyPair x = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        ByteArrayOutputStream serverBlob = new ByteArrayOutputStream();
        serverBlob.write(enc.getEncapsulation());
        serverBlob.write(Curve25519KexTest.littleEndian(((XECPublicKey) x.getPublic()).getU()));

        kex.handle(31, RecordingContext.reply(b -> b.putString(serverBlob.toByteArray())), ctx);

        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(x.getPrivate());
        byte[] clientX = Arrays.copyOfRange(clientBlob, kemKeyLength, clientBlob.length);
        ka.doPhase(KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                new BigInteger(1, Curve25519KexTest.reverse(clientX)))), true);
        MessageDigest md = MessageDigest.getInstance(hash);
        md.update(enc.getSecret());
        md.update(ka.generateSecret());
        byte[] expectedK = new SshBuffer().putString(md.digest()).toByteArray();
        byte[] fields = new SshBuffer().putString(clientBlob).putString(serverBlob.toByteArray()).toByteArray();
        assertThat(kex.result().sharedSecret()).isEqualTo(expectedK);
        assertThat(kex.result().exchangeHash()).isEqualTo(
                ExchangeHash.compute(hash, ctx, RecordingContext.HOST_KEY, fields, expectedK));
    }
}
