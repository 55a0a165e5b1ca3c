package org.javamiko.config;

import org.javamiko.SshException;

/**
 * A line of an ssh_config file that cannot be understood. The message names the file and line.
 *
 * <p>Kept apart from read failures so that {@link SshConfig#fromText(String)} can turn exactly these
 * into {@link IllegalArgumentException}s.
 */
final class ConfigSyntaxException extends SshException {
    private static final long serialVersionUID = 1L;

    ConfigSyntaxException(String source, int lineNumber, String problem) {
        super(source + " line " + lineNumber + ": " + problem);
    }
}
