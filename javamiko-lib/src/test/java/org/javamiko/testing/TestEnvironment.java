package org.javamiko.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/**
 * Facts about the machine the tests run on, and the one rule for what a fixture does when the
 * machine lacks something it needs.
 *
 * <p>The rule: in CI (the environment variable {@code CI} is {@code true}) a missing requirement
 * is a failure, because a CI run that silently skips the interop tests proves nothing. On a
 * developer's machine it aborts the test, which JUnit reports as skipped, with the reason.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    /** Whether we run in CI, i.e. the environment variable {@code CI} is {@code true}. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Whether this JVM runs as root (uid 0). On Linux {@code /proc/self} is owned by the
     * process's real uid, which spares us from starting {@code id -u}.
     */
    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(currentUser());
        }
    }

    /** The name of the user this JVM runs as ({@code root} in CI): the one tests log in as. */
    public static String currentUser() {
        return System.getProperty("user.name");
    }

    /**
     * Reports a requirement the machine does not meet: throws an {@link IllegalStateException}
     * (the test fails) in CI, and a {@link TestAbortedException} (the test is skipped) elsewhere.
     *
     * @param reason what is missing and how to get it, e.g. "install openssh-server"
     * @return never returns; declared so that callers can write {@code throw unmet(...)}
     */
    public static RuntimeException unmet(String reason) {
        throw unmet(reason, isCi());
    }

    /** {@link #unmet(String)} for a given answer to "are we in CI?". */
    static RuntimeException unmet(String reason, boolean inCi) {
        if (inCi) {
            throw new IllegalStateException(reason + " (CI=true, so this fails instead of skipping)");
        }
        throw new TestAbortedException(reason);
    }
}
