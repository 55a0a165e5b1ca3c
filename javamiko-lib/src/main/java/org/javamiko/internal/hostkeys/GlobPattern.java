package org.javamiko.internal.hostkeys;

import java.util.Locale;

/**
 * A plain host name or a wildcard pattern ({@code *} any run of characters, {@code ?} exactly one),
 * optionally negated with a leading {@code !}. Matching ignores case, as OpenSSH's does.
 *
 * @param text the element exactly as written
 * @param negated whether it started with {@code !}
 * @param lowerCasePattern the pattern without {@code !}, in lower case
 */
public record GlobPattern(String text, boolean negated, String lowerCasePattern) implements HostPattern {

    /**
     * @param text one element of a host field, e.g. {@code *.example.com}, {@code !bad.example.com}
     *     or {@code [host]:2222} (brackets are ordinary characters here, as in OpenSSH)
     * @return the pattern
     */
    public static GlobPattern parse(String text) {
        boolean negated = text.startsWith("!");
        String pattern = negated ? text.substring(1) : text;
        return new GlobPattern(text, negated, pattern.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean matches(HostQuery host) {
        return globMatches(lowerCasePattern, host.lowerCaseName());
    }

    @Override
    public boolean namesExactly(HostQuery host) {
        return !negated && text.equalsIgnoreCase(host.name());
    }

    /**
     * Wildcard matching in linear space and without recursion: on a mismatch, the last {@code *}
     * seen swallows one more character and matching resumes after it. A hostile pattern such as
     * {@code *a*a*a*b} therefore costs at most pattern length times text length steps.
     *
     * @param pattern the pattern, with {@code *} and {@code ?}
     * @param text the text to match in full
     * @return true when the whole text matches the whole pattern
     */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starAt = -1;
        int textAtStar = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                textAtStar = t;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++textAtStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
