package org.javamiko.config;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a lookup needs to know about the local machine: user, home, host name, uid, environment,
 * the shell for {@code Match exec}, and how to tell whether a host name resolves (for
 * CanonicalizeHostname). Tests substitute their own; {@link #system()} is the real one.
 *
 * @param userName the local user name ({@code %u}, {@code Match localuser}, default remote user)
 * @param home the home directory ({@code ~}, {@code %d}, relative Includes)
 * @param environment variables for {@code ${NAME}} expansion and {@code $SHELL}
 * @param resolves whether a name resolves to an address (OpenSSH asks getaddrinfo)
 */
record LocalEnvironment(String userName, Path home, Map<String, String> environment, Predicate<String> resolves) {

    /** This process's user, home and environment; names resolve through {@link InetAddress}. */
    static LocalEnvironment system() {
        return new LocalEnvironment(System.getProperty("user.name"), Path.of(System.getProperty("user.home")),
                System.getenv(), LocalEnvironment::resolvesByDns);
    }

    /** The local host name with its domain ({@code %l}), as gethostname(2) gives it. */
    String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel, StandardCharsets.US_ASCII).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The local user id ({@code %i}): the owner of /proc/self, which is this process's user. */
    String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("%i (the local user id) cannot be determined on this system", e);
        }
    }

    /**
     * Runs a {@code Match exec} command as OpenSSH does: through {@code $SHELL -c} (or /bin/sh when
     * SHELL is unset), input from /dev/null, output discarded, errors shown on our standard error.
     *
     * @return whether it exited with status 0
     * @throws UncheckedIOException if the shell cannot be started
     */
    boolean runsSuccessfully(String command) {
        String shell = environment.getOrDefault("SHELL", "");
        if (shell.isEmpty()) {
            shell = "/bin/sh";
        }
        ProcessBuilder builder = new ProcessBuilder(shell, "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(devNull);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Match exec: cannot run " + shell + " -c '" + command + "'", e);
        }
        try {
            process.getOutputStream().close();
            return process.waitFor() == 0;
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("Match exec: lost contact with '" + command + "'", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException(
                    "interrupted while Match exec ran '" + command + "'"));
        }
    }

    private static boolean resolvesByDns(String name) {
        try {
            InetAddress.getAllByName(name);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
