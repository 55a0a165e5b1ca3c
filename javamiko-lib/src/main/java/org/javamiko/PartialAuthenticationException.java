package org.javamiko;

import java.util.List;

/**
 * Authentication succeeded partially: the server wants another method too, one of {@link #allowedTypes()}.
 */
public class PartialAuthenticationException extends AuthenticationException {
    private static final long serialVersionUID = 1L;
    /** The methods the server allows, as it named them. */
    private final List<String> allowedTypes;

    /**
     * @param allowedTypes the methods the server allows, as it named them
     * @param message what happened
     */
    public PartialAuthenticationException(List<String> allowedTypes, String message) {
        super(message);
        this.allowedTypes = List.copyOf(allowedTypes);
    }

    /** @param message what happened */
    public PartialAuthenticationException(String message) {
        this(List.of(), message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public PartialAuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.allowedTypes = List.of();
    }

    /** @return the authentication methods the server still allows, in its order; never null */
    public List<String> allowedTypes() {
        return allowedTypes;
    }
}
