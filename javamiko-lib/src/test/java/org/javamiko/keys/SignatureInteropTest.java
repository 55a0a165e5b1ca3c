package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our signatures checked by ssh-keygen -Y verify, and ssh-keygen's checked by us. */
class SignatureInteropTest {
    private static final byte[] MESSAGE = "the message both sides sign\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsKeygen() {
        SshKeygen.assumeAvailable();
    }

    private Path newKey(String type, String bits) throws Exception {
        Path key = dir.resolve("id_" + type + bits);
        SshKeygen.keygenOk("-q", "-t", type, "-b", bits, "-N", "", "-C", "test", "-f", key.toString());
        return key;
    }

    @ParameterizedTest
    @CsvSource({"ed25519,256", "ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,2048"})
    void loadedKeyHasTheFingerprintSshKeygenReports(String type, String bits) throws Exception {
        Path key = newKey(type, bits);
        PKey loaded = PKey.fromPath(key);
        assertThat(loaded.fingerprint()).isEqualTo(SshKeygen.fingerprint(key));
        assertThat(loaded.canSign()).isTrue();
        assertThat(loaded.getComment()).isEqualTo("test");
        assertThat(loaded.getBits()).isEqualTo(Integer.parseInt(bits));
    }

    @ParameterizedTest
    @CsvSource({"ed25519,256,ssh-ed25519", "ecdsa,256,ecdsa-sha2-nistp256", "ecdsa,384,ecdsa-sha2-nistp384",
            "ecdsa,521,ecdsa-sha2-nistp521", "rsa,2048,rsa-sha2-512", "rsa,2048,rsa-sha2-256"})
    void sshKeygenVerifiesOurSignature(String type, String bits, String algorithm) throws Exception {
        Path key = newKey(type, bits);
        PKey loaded = PKey.fromPath(key);
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, "tester " + loaded.publicKeyLine() + "\n");
        Path sig = dir.resolve("msg.sig");
        Files.writeString(sig, SshSig.armor(loaded, "file", algorithm, MESSAGE));

        SshKeygen.Result r = SshKeygen.run(MESSAGE, "ssh-keygen", "-Y", "verify", "-f", allowed.toString(),
                "-I", "tester", "-n", "file", "-s", sig.toString());
        assertThat(r.exit()).as(r.stderr() + r.stdout()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"ed25519,256", "ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,2048"})
    void weVerifySshKeygensSignature(String type, String bits) throws Exception {
        Path key = newKey(type, bits);
        Path msg = dir.resolve("msg");
        Files.write(msg, MESSAGE);
        SshKeygen.keygenOk("-Y", "sign", "-f", key.toString(), "-n", "file", msg.toString());
        SshSig.Parsed sig = SshSig.parse(Files.readString(dir.resolve("msg.sig")));

        PKey signer = PKey.fromBlob(sig.publicKey());
        assertThat(signer).isEqualTo(PKey.fromPublicKeyLine(Files.readString(Path.of(key + ".pub"))));
        byte[] signed = SshSig.signedData(sig.namespace(), sig.hashAlgorithm(), MESSAGE);
        assertThat(signer.verifySshSignature(signed, sig.signature())).isTrue();
        signed[signed.length - 1] ^= 1;
        assertThat(signer.verifySshSignature(signed, sig.signature())).isFalse();
    }
}
