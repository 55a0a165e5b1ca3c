package org.javamiko.internal.hostkeys;

/** One element of the comma-separated host field of a {@code known_hosts} line. */
public sealed interface HostPattern permits GlobPattern, HashedHostName {

    /** @return the element exactly as written in the file */
    String text();

    /** @return true for a {@code !pattern}, whose match excludes the host from the whole line */
    boolean negated();

    /**
     * @param host the host being looked up
     * @return true when this element (ignoring negation) matches the host
     */
    boolean matches(HostQuery host);

    /**
     * Whether this element names exactly this one host, not through a wildcard: the test
     * {@code add} uses to find the entry it replaces.
     *
     * @param host the host
     * @return true for the same plain name (ignoring case) or a hash of the name
     */
    boolean namesExactly(HostQuery host);
}
