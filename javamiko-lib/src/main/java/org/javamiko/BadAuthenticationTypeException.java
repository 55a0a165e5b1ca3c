package org.javamiko;

import java.util.List;

/**
 * The server does not allow the authentication method that was tried; {@link #allowedTypes()} lists those it does.
 */
public class BadAuthenticationTypeException extends AuthenticationException {
    private static final long serialVersionUID = 1L;
    /** The methods the server allows, as it named them. */
    private final List<String> allowedTypes;

    /**
     * @param allowedTypes the methods the server allows, as it named them
     * @param message what happened
     */
    public BadAuthenticationTypeException(List<String> allowedTypes, String message) {
        super(message);
        this.allowedTypes = List.copyOf(allowedTypes);
    }

    /** @param message what happened */
    public BadAuthenticationTypeException(String message) {
        this(List.of(), message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public BadAuthenticationTypeException(String message, Throwable cause) {
        super(message, cause);
        this.allowedTypes = List.of();
    }

    /** @return the authentication methods the server still allows, in its order; never null */
    public List<String> allowedTypes() {
        return allowedTypes;
    }
}
