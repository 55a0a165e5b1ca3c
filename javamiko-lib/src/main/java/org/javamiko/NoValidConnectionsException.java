package org.javamiko;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every address the host name resolved to refused or failed the TCP connection;
 * {@link #errors()} holds each address's failure.
 */
public class NoValidConnectionsException extends SshException {
    private static final long serialVersionUID = 1L;
    private final transient Map<InetSocketAddress, IOException> errors;

    /**
     * @param errors each address tried, in order, with its failure
     * @param message what happened
     */
    public NoValidConnectionsException(Map<InetSocketAddress, IOException> errors, String message) {
        super(message);
        this.errors = Map.copyOf(errors);
    }

    /** @param errors each address tried with its failure; the message lists them */
    public NoValidConnectionsException(Map<InetSocketAddress, IOException> errors) {
        this(errors, "Unable to connect to any address: " + errors.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().getMessage() + ")")
                .collect(Collectors.joining(", ")));
    }

    /** @param message what happened */
    public NoValidConnectionsException(String message) {
        this(Map.of(), message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public NoValidConnectionsException(String message, Throwable cause) {
        super(message, cause);
        this.errors = Map.of();
    }

    /** @return the failure of each address tried */
    public Map<InetSocketAddress, IOException> errors() {
        return errors;
    }
}
