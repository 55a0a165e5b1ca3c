package org.javamiko.testing;

import java.nio.file.Path;
import java.util.List;
import org.javamiko.testing.SshKeygen.KeyType;

/**
 * One key pair of each type the fixtures use (Ed25519, ECDSA P-256, RSA 3072), made by
 * {@code ssh-keygen}, unencrypted. Each path is a private key file; its public key is beside it
 * with {@code .pub} appended.
 *
 * <p>Generating an RSA key costs about a second, so {@link #clientKeys()} and {@link #hostKeys()}
 * are made once per JVM and shared by every server; they are deleted when the JVM exits.
 *
 * @param ed25519 the Ed25519 private key file
 * @param ecdsa the ECDSA P-256 private key file
 * @param rsa the RSA 3072 private key file
 */
public record KeySet(Path ed25519, Path ecdsa, Path rsa) {

    /**
     * Generates a fresh set in {@code dir}, named {@code <prefix>_ed25519}, {@code _ecdsa} and
     * {@code _rsa}.
     */
    public static KeySet generate(Path dir, String prefix) {
        return new KeySet(
                SshKeygen.generate(KeyType.ED25519, dir.resolve(prefix + "_ed25519"), prefix + "-ed25519"),
                SshKeygen.generate(KeyType.ECDSA_256, dir.resolve(prefix + "_ecdsa"), prefix + "-ecdsa"),
                SshKeygen.generate(KeyType.RSA_3072, dir.resolve(prefix + "_rsa"), prefix + "-rsa"));
    }

    /** The client keys every test server authorizes by default (one set per JVM). */
    public static KeySet clientKeys() {
        return Shared.CLIENT;
    }

    /** The host keys every OpenSshServer uses unless built with fresh ones (one set per JVM). */
    public static KeySet hostKeys() {
        return Shared.HOST;
    }

    /** The private key files: Ed25519, ECDSA, RSA. */
    public List<Path> privateKeys() {
        return List.of(ed25519, ecdsa, rsa);
    }

    /** The public key files, in the order of {@link #privateKeys()}. */
    public List<Path> publicKeyFiles() {
        return privateKeys().stream().map(SshKeygen::publicKeyFile).toList();
    }

    /** The public key lines ({@code type base64 comment}), in the order of {@link #privateKeys()}. */
    public List<String> publicKeyLines() {
        return privateKeys().stream().map(SshKeygen::publicKeyLine).toList();
    }

    /** Holder idiom: the shared sets are generated on first use, once, thread-safely. */
    private static final class Shared {
        private static final Path DIR = TempDirs.createDeletedOnExit("javamiko-keys");
        static final KeySet CLIENT = generate(DIR, "client");
        static final KeySet HOST = generate(DIR, "ssh_host");
    }
}
