package org.javamiko.internal.session;

/**
 * Makes text the server chose (its identification string, banner, DEBUG messages) safe to log:
 * control characters could otherwise rewrite a terminal or forge log lines.
 */
public final class LogText {
    private LogText() {
    }

    /**
     * @return {@code text} with every control character (but none of the other characters)
     *         written as {@code \\n}, {@code \\r}, {@code \\t} or {@code \\uXXXX}; null stays null
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || Character.getType(c) == Character.FORMAT;
            if (!control) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? text : b.toString();
    }
}
