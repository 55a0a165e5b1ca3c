package org.javamiko.internal.hostkeys;

import java.util.ArrayList;
import java.util.List;

/**
 * The host field of a {@code known_hosts} line: comma-separated names, wildcard patterns,
 * negated patterns and hashed names.
 *
 * <p>A host matches the field when at least one element matches it and no negated element does:
 * negation wins, whatever the order (OpenSSH's {@code match_hostname}). A field of negated
 * patterns only therefore matches nothing.
 */
public final class HostPatternList {
    private final String text;
    private final List<HostPattern> patterns;

    private HostPatternList(String text, List<HostPattern> patterns) {
        this.text = text;
        this.patterns = patterns;
    }

    /**
     * @param field the host field as written, e.g. {@code a.example.com,[a.example.com]:2222,!b*}
     * @return the parsed field
     * @throws MalformedKnownHostsLineException when an element written as a hashed name is not one
     */
    public static HostPatternList parse(String field) throws MalformedKnownHostsLineException {
        List<HostPattern> patterns = new ArrayList<>();
        for (String element : field.split(",", -1)) {
            patterns.add(HashedHostName.looksHashed(element) ? HashedHostName.parse(element) : GlobPattern.parse(element));
        }
        return new HostPatternList(field, List.copyOf(patterns));
    }

    /** @return the field exactly as written */
    public String text() {
        return text;
    }

    /** @return the elements, in file order */
    public List<HostPattern> patterns() {
        return patterns;
    }

    /**
     * @param host the host being looked up
     * @return true when some element matches and no negated element does
     */
    public boolean matches(HostQuery host) {
        boolean matched = false;
        for (HostPattern pattern : patterns) {
            if (pattern.matches(host)) {
                if (pattern.negated()) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /**
     * @param host the host
     * @return true when one element names exactly this host (see {@link HostPattern#namesExactly})
     */
    public boolean namesExactly(HostQuery host) {
        for (HostPattern pattern : patterns) {
            if (pattern.namesExactly(host)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
