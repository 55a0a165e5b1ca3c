package org.javamiko.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One criterion of a {@code Match} line, e.g. {@code !host *.example.org} or {@code exec "test -f x"}.
 *
 * @param kind what is compared
 * @param negated whether the criterion was written with a leading {@code !}
 * @param argument the pattern list or command; empty for {@code all}, {@code canonical}, {@code final}
 */
record MatchCriterion(Kind kind, boolean negated, String argument) {

    /** The criteria of OpenSSH 9.2's {@code Match}. */
    enum Kind {
        ALL, CANONICAL, FINAL, HOST, ORIGINALHOST, USER, LOCALUSER, EXEC;

        boolean takesArgument() {
            return this != ALL && this != CANONICAL && this != FINAL;
        }
    }

    /**
     * Parses the arguments of a Match line with OpenSSH's rules: {@code all} stands alone (or after
     * a single other criterion), every other criterion but {@code canonical} and {@code final} takes
     * one argument, and at least one criterion is required.
     */
    static List<MatchCriterion> parseAll(ConfigLine line, String source) throws ConfigSyntaxException {
        List<String> args = line.arguments();
        List<MatchCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            boolean negated = word.startsWith("!");
            String name = (negated ? word.substring(1) : word).toLowerCase(Locale.ROOT);
            Kind kind = kindOf(name, source, line.lineNumber());
            if (kind == Kind.ALL) {
                if (criteria.size() > 1 || i + 1 < args.size()) {
                    throw new ConfigSyntaxException(source, line.lineNumber(),
                            "'" + word + "' cannot be combined with other Match attributes");
                }
                criteria.add(new MatchCriterion(kind, negated, ""));
            } else if (!kind.takesArgument()) {
                criteria.add(new MatchCriterion(kind, negated, ""));
            } else {
                if (i + 1 >= args.size() || args.get(i + 1).isEmpty()) {
                    throw new ConfigSyntaxException(source, line.lineNumber(),
                            "missing Match criteria for " + name);
                }
                criteria.add(new MatchCriterion(kind, negated, args.get(++i)));
            }
        }
        return List.copyOf(criteria);
    }

    private static Kind kindOf(String name, String source, int lineNumber) throws ConfigSyntaxException {
        for (Kind kind : Kind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                return kind;
            }
        }
        throw new ConfigSyntaxException(source, lineNumber, "unsupported Match attribute " + name);
    }
}
