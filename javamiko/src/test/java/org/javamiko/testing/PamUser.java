package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The local account that password and keyboard-interactive tests log in as through PAM.
 *
 * <p>{@link #ensure()} creates it with {@code useradd} when missing and sets a fresh random
 * password with {@code chpasswd}, once per JVM. Both need root, which CI is; elsewhere the PAM
 * tests are skipped (see {@link TestEnvironment#unmet(String)}). The password is random, not a
 * well-known constant, because the account lives on in {@code /etc/passwd} after the tests: a
 * machine whose own sshd is reachable must not gain a login with a password published here.
 *
 * @param name the account name, {@value #NAME}
 * @param password its password for this JVM's run
 */
public record PamUser(String name, String password) {

    /** The name of the test account. */
    public static final String NAME = "javamiko-test";

    /**
     * Makes sure the account exists with a password known to this JVM, and returns it.
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

    /** Holder idiom: the account is set up once, on first use. */
    private static final class Created {
        static final PamUser USER = create();

        private static PamUser create() {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            PamUser user = new PamUser(NAME, "Jm-" + HexFormat.of().formatHex(random));
            try {
                if (ExternalCommand.of("id", NAME).run().exitCode() != 0) {
                    ExternalCommand.of("useradd", "--create-home", "--shell", "/bin/sh", NAME)
                            .run().requireSuccess();
                }
                ExternalCommand.of("chpasswd").stdin(NAME + ":" + user.password + "\n").run().requireSuccess();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set up the local user " + NAME, e);
            }
            return user;
        }
    }
}
