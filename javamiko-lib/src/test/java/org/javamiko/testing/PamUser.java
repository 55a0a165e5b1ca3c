package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The local account that password and keyboard-interactive tests log in as through PAM.
 *
 * <p>{@link #ensure()} creates it with {@code useradd} when missing and gives it a password with
 * {@code chpasswd}. Both need root, which CI is; elsewhere the PAM tests are skipped (see
 * {@link TestEnvironment#unmet(String)}).
 *
 * <p>The password is random, not a well-known constant, because the account outlives the tests:
 * a machine whose own sshd is reachable must not gain a login with a password published here.
 * It is kept in {@code ~/.javamiko-test/password} (mode 0600, root's home) and the account is set
 * up under a file lock beside it, because several test JVMs on one machine share the account: a
 * fresh password per JVM would break the logins of whichever JVM set its password first.
 *
 * @param name the account name, {@value #NAME}
 * @param password its password
 */
public record PamUser(String name, String password) {

    /** The name of the test account. */
    public static final String NAME = "javamiko-test";

    /**
     * Makes sure the account exists with a known password, and returns it.
     *
     * @throws RuntimeException as {@link TestEnvironment#unmet(String)} does, when not root
     */
    public static PamUser ensure() {
        if (!TestEnvironment.isRoot()) {
            throw TestEnvironment.unmet("the PAM sshd needs root to create the local user " + NAME
                    + " and to check passwords (run the tests as root, as CI does)");
        }
        return Created.USER;
    }

    /** Holder idiom: the account is set up once per JVM, on first use. */
    private static final class Created {
        static final PamUser USER = setUp(Path.of(System.getProperty("user.home"), ".javamiko-test"));

        private static PamUser setUp(Path stateDir) {
            try {
                Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                try (FileChannel lockFile = FileChannel.open(stateDir.resolve("lock"),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = lockFile.lock()) {
                    return setUpLocked(stateDir.resolve("password"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set up the local user " + NAME, e);
            }
        }

        /** Runs with the lock held: no other JVM is between reading and setting the password. */
        private static PamUser setUpLocked(Path passwordFile) throws IOException {
            if (!Files.exists(passwordFile)) {
                byte[] random = new byte[12];
                new SecureRandom().nextBytes(random);
                Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, "Jm-" + HexFormat.of().formatHex(random), StandardCharsets.US_ASCII);
            }
            PamUser user = new PamUser(NAME, Files.readString(passwordFile, StandardCharsets.US_ASCII).strip());
            if (ExternalCommand.of("id", NAME).run().exitCode() != 0) {
                ExternalCommand.of("useradd", "--create-home", "--shell", "/bin/sh", NAME).run().requireSuccess();
            }
            // Always, not only for a new password or account: anything else that set this account's
            // password since (an older checkout's tests, a person) would otherwise fail every login.
            ExternalCommand.of("chpasswd").stdin(NAME + ":" + user.password + "\n").run().requireSuccess();
            return user;
        }
    }
}
