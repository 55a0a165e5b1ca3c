package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes key pairs with OpenSSH's own {@code ssh-keygen}, so that our code is tested against key
 * files another implementation wrote.
 */
public final class SshKeygen {

    /** RSA generation searches for primes: seconds normally, minutes on saturated cores. */
    private static final java.time.Duration KEYGEN_TIMEOUT = java.time.Duration.ofMinutes(5);

    /** The key types the fixtures generate, with the {@code ssh-keygen -t}/{@code -b} values. */
    public enum KeyType {
        /** Ed25519 (fixed size). */
        ED25519("ed25519", 0),
        /** ECDSA on NIST P-256. */
        ECDSA_256("ecdsa", 256),
        /** ECDSA on NIST P-384. */
        ECDSA_384("ecdsa", 384),
        /** ECDSA on NIST P-521. */
        ECDSA_521("ecdsa", 521),
        /** RSA with a 3072-bit modulus (OpenSSH's default size). */
        RSA_3072("rsa", 3072);

        private final String keygenType;
        private final int bits;

        KeyType(String keygenType, int bits) {
            this.keygenType = keygenType;
            this.bits = bits;
        }

        /** The argument of {@code ssh-keygen -t}: ed25519, ecdsa or rsa. */
        public String keygenType() {
            return keygenType;
        }
    }

    private SshKeygen() {
    }

    /**
     * Generates an unencrypted key pair: the private key at {@code privateKey} (mode 0600, in
     * OpenSSH's format) and the public key beside it with {@code .pub} appended.
     *
     * @param comment the key's comment (the last field of the public key line)
     * @return {@code privateKey}
     * @throws UncheckedIOException if ssh-keygen fails
     */
    public static Path generate(KeyType type, Path privateKey, String comment) {
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type.keygenType));
        if (type.bits != 0) {
            command.addAll(List.of("-b", Integer.toString(type.bits)));
        }
        command.addAll(List.of("-N", "", "-C", comment, "-f", privateKey.toString()));
        try {
            // RSA key generation is a prime search: usually under a second, but minutes on a machine
            // whose cores are saturated, and a failure here fails every class that needs a server.
            ExternalCommand.of(command).timeout(KEYGEN_TIMEOUT).run().requireSuccess();
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ssh-keygen (install openssh-client): " + e.getMessage(), e);
        }
        return privateKey;
    }

    /** The public key file ssh-keygen wrote beside {@code privateKey}: its name plus {@code .pub}. */
    public static Path publicKeyFile(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** The public key line ({@code type base64 comment}) of the key pair at {@code privateKey}. */
    public static String publicKeyLine(Path privateKey) {
        try {
            return Files.readString(publicKeyFile(privateKey)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
