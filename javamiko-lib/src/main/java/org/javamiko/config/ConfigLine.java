package org.javamiko.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One meaningful line of an ssh_config file, split the way OpenSSH's readconf.c splits it.
 *
 * <p>The keyword ends at the first whitespace or {@code =}; one {@code =} (with whitespace around
 * it) may separate it from the arguments. Arguments are split on blanks, honour single and double
 * quotes and the escapes {@code \" \' \\ \space}, and a {@code #} at the start of an argument ends
 * the line. Commands ({@code ProxyCommand} and friends) use {@link #rawArgument()} instead: the rest
 * of the line as written, because the shell, not ssh, splits them.
 *
 * @param keyword the keyword, lower-cased
 * @param arguments the arguments, unquoted, without a trailing comment
 * @param rawArgument everything after the keyword and its separator, trailing whitespace removed
 * @param lineNumber where the line is in its file, counting from 1
 */
record ConfigLine(String keyword, List<String> arguments, String rawArgument, int lineNumber) {

    private static final String WHITESPACE = " \t\r\n";

    /**
     * Splits one line.
     *
     * @param source the file name (or {@code <text>}) for error messages
     * @return the line, or null for a blank line or a comment
     * @throws ConfigSyntaxException for a keyword without argument or an unclosed quote
     */
    static ConfigLine parse(String line, String source, int lineNumber) throws ConfigSyntaxException {
        int end = line.length();
        while (end > 0 && (WHITESPACE + "\f").indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        int pos = skip(line, 0, end, WHITESPACE);
        if (pos == end || line.charAt(pos) == '#') {
            return null;
        }
        int keywordStart = pos;
        while (pos < end && (WHITESPACE + "=").indexOf(line.charAt(pos)) < 0) {
            pos++;
        }
        String keyword = line.substring(keywordStart, pos).toLowerCase(Locale.ROOT);
        boolean equalsSeen = pos < end && line.charAt(pos) == '=';
        pos = skip(line, equalsSeen ? pos + 1 : pos, end, WHITESPACE);
        if (!equalsSeen && pos < end && line.charAt(pos) == '=') {
            pos = skip(line, pos + 1, end, WHITESPACE);
        }
        String raw = line.substring(pos, end);
        if (raw.isEmpty()) {
            throw new ConfigSyntaxException(source, lineNumber, "no argument after keyword \"" + keyword + "\"");
        }
        List<String> arguments = splitArguments(raw, source, lineNumber);
        if (arguments.isEmpty()) {
            throw new ConfigSyntaxException(source, lineNumber, "missing argument for \"" + keyword + "\"");
        }
        return new ConfigLine(keyword, List.copyOf(arguments), raw, lineNumber);
    }

    /** The arguments joined by single spaces: the value of a keyword taking free text or a list. */
    String joinedArguments() {
        return String.join(" ", arguments);
    }

    private static int skip(String s, int from, int end, String chars) {
        int i = from;
        while (i < end && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static List<String> splitArguments(String s, String source, int lineNumber)
            throws ConfigSyntaxException {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            StringBuilder arg = new StringBuilder();
            char quote = 0;
            for (; i < n; i++) {
                c = s.charAt(i);
                if (c == '\\' && i + 1 < n && isEscapable(s.charAt(i + 1), quote)) {
                    arg.append(s.charAt(++i));
                } else if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            }
            if (quote != 0) {
                throw new ConfigSyntaxException(source, lineNumber, "invalid quotes (unclosed " + quote + ")");
            }
            out.add(arg.toString());
        }
        return out;
    }

    private static boolean isEscapable(char next, char quote) {
        return next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' ');
    }
}
