package org.javamiko.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

import org.javamiko.AuthenticationException;
import org.javamiko.BadHostKeyException;
import org.javamiko.NoValidConnectionsException;
import org.javamiko.PasswordRequiredException;
import org.javamiko.ProxyCommandFailure;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception out of a command into one line on stderr and an exit status, as ssh does: 255
 * for a connection or authentication failure, 1 for other failures. With {@code -v} the stack trace
 * follows.
 */
final class Failures implements IExecutionExceptionHandler {
    /** ssh's status for a connection or authentication error. */
    static final int CONNECTION = 255;

    private final Context context;

    Failures(Context context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        context.io.err().println("javamiko: " + describe(cause));
        if (context.verbose) {
            cause.printStackTrace(context.io.err());
        }
        context.io.err().flush();
        if (cause instanceof CommandFailure f) {
            return f.status;
        }
        return cause instanceof ConnectFailure ? CONNECTION : 1;
    }

    /** One line saying what went wrong, in ssh's words where ssh has some. */
    static String describe(Throwable e) {
        if (e instanceof ConnectFailure f) {
            return f.getMessage();
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": No such file or directory";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": Permission denied";
        }
        if (e instanceof FileAlreadyExistsException a) {
            return a.getFile() + ": File exists";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.strip().replace('\n', ' ');
    }

    /** The message for a failed connect to {@code target} (user@host as typed). */
    static String describeConnect(String target, String host, int port, Throwable e) {
        Throwable root = e;
        if (e instanceof NoValidConnectionsException n && !n.errors().isEmpty()) {
            root = n.errors().values().iterator().next();
        }
        if (root instanceof ConnectException) {
            return "connect to host " + host + " port " + port + ": Connection refused";
        }
        if (root instanceof NoRouteToHostException) {
            return "connect to host " + host + " port " + port + ": No route to host";
        }
        if (root instanceof UnknownHostException) {
            return "Could not resolve hostname " + host + ": Name or service not known";
        }
        if (root instanceof SocketTimeoutException) {
            return "connect to host " + host + " port " + port + ": Connection timed out";
        }
        if (e instanceof BadHostKeyException b) {
            return "Host key verification failed: the host key of " + b.hostname() + " has CHANGED (now "
                    + b.key().fingerprint() + ", known_hosts has " + b.expectedKey().fingerprint()
                    + "); someone could be eavesdropping on you. Remove the old key with: javamiko known-hosts remove "
                    + host;
        }
        if (e instanceof PasswordRequiredException) {
            return target + ": " + describe(e) + " (give its passphrase, or load the key into ssh-agent)";
        }
        if (e instanceof AuthenticationException) {
            return target + ": Permission denied (" + describe(e) + ")";
        }
        if (e instanceof ProxyCommandFailure) {
            return target + ": " + describe(e);
        }
        String text = describe(e);
        if (text.contains("known_hosts") || text.toLowerCase(java.util.Locale.ROOT).contains("host key")) {
            return "Host key verification failed: " + text;
        }
        return target + ": " + text;
    }

    /** A failure to connect or log in: exit status 255. */
    static final class ConnectFailure extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A failure the command explains itself, with the exit status to return. */
    static final class CommandFailure extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        CommandFailure(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
