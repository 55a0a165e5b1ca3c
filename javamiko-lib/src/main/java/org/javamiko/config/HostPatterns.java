package org.javamiko.config;

import java.util.List;
import java.util.Locale;

/** OpenSSH's wildcard patterns ({@code *} and {@code ?}) and comma-separated pattern lists with {@code !}. */
final class HostPatterns {
    private HostPatterns() {
    }

    /**
     * Whether {@code text} matches {@code pattern} as a whole, case-sensitively.
     *
     * <p>Greedy with one backtrack point, so time is bounded by length(text) × length(pattern) even
     * for patterns like {@code *a*a*a*b}.
     */
    static boolean matches(String text, String pattern) {
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * OpenSSH's match_pattern_list: true if some pattern of the comma-separated list matches and no
     * {@code !}-negated one does.
     *
     * @param lowerCase whether to compare case-insensitively (host names), as match_hostname does
     */
    static boolean matchesList(String text, String patternList, boolean lowerCase) {
        String subject = lowerCase ? text.toLowerCase(Locale.ROOT) : text;
        boolean positive = false;
        for (String pattern : patternList.split(",", -1)) {
            boolean negated = pattern.startsWith("!");
            String body = negated ? pattern.substring(1) : pattern;
            if (lowerCase) {
                body = body.toLowerCase(Locale.ROOT);
            }
            if (matches(subject, body)) {
                if (negated) {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /**
     * A {@code Host} line: true if some pattern matches {@code host} and no {@code !}-negated one
     * does. Unlike {@code Match host}, OpenSSH compares these case-sensitively.
     */
    static boolean hostLineMatches(String host, List<String> patterns) {
        boolean matched = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            if (matches(host, negated ? pattern.substring(1) : pattern)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }
}
