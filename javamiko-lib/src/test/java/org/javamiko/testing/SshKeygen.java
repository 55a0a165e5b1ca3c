package org.javamiko.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.io.File;
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

    // ------------------------------------------------------------------ ssh-keygen (and other tools) as an oracle

    /** What a command printed and how it ended. */
    public record Result(int exit, String stdout, String stderr) {
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/ssh-keygen")) || onPath("ssh-keygen");
    }

    public static void assumeAvailable() {
        assumeTrue(available(), "ssh-keygen is not installed");
    }

    public static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command with the given stdin, bounded to 60 seconds. */
    public static Result run(byte[] stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("keygen", ".out");
        Path err = Files.createTempFile("keygen", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public static Result keygen(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("ssh-keygen");
        cmd.addAll(List.of(args));
        return run(null, cmd.toArray(String[]::new));
    }

    /** Runs ssh-keygen and fails with its stderr when it exits non-zero. */
    public static String keygenOk(String... args) throws IOException, InterruptedException {
        Result r = keygen(args);
        if (r.exit() != 0) {
            throw new IOException("ssh-keygen " + String.join(" ", args) + " exited " + r.exit() + ": " + r.stderr());
        }
        return r.stdout();
    }

    /** @return the {@code SHA256:…} fingerprint ssh-keygen -lf reports */
    public static String fingerprint(Path file) throws IOException, InterruptedException {
        return keygenOk("-l", "-E", "sha256", "-f", file.toString()).split("\\s+")[1];
    }

    /**
     * Makes a fresh Ed25519 key pair with {@code ssh-keygen -t ed25519 -N ''}.
     *
     * @param dir where to write it
     * @param name the private key file's name; the public key goes to {@code name.pub}
     * @return the public key as {@code ssh-ed25519 AAAA…}, without comment
     */
    public static String newEd25519PublicKey(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Result result = keygen("-q", "-t", "ed25519", "-N", "", "-C", "", "-f", key.toString());
        if (result.exit() != 0) {
            throw new IOException("ssh-keygen could not make a key: " + result.stderr());
        }
        String[] fields = Files.readString(dir.resolve(name + ".pub")).trim().split(" ");
        return fields[0] + " " + fields[1];
    }
}
