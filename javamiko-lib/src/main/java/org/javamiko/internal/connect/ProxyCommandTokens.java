package org.javamiko.internal.connect;

/** Expands {@code %h %p %r %n %%} in a proxy command given to the builder, as ssh does. */
public final class ProxyCommandTokens {
    private ProxyCommandTokens() {
    }

    /**
     * Expands %h %p %r %n and %% in a ProxyCommand.
     *
     * @return the command to run
     * @throws IllegalArgumentException for an unknown token or an unsafe name
     */
    public static String expand(String command, String host, int port, String user, String alias) {
        ShellSafeNames.require(host, "host name");
        ShellSafeNames.require(user, "user name");
        ShellSafeNames.require(alias, "host name");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i == command.length()) {
                throw new IllegalArgumentException("The proxy command ends with a lone '%': " + command);
            }
            switch (command.charAt(i)) {
                case 'h' -> out.append(host);
                case 'p' -> out.append(port);
                case 'r' -> out.append(user);
                case 'n' -> out.append(alias);
                case '%' -> out.append('%');
                default -> throw new IllegalArgumentException("Unknown token %" + command.charAt(i)
                        + " in the proxy command (known: %h %p %r %n %%): " + command);
            }
        }
        return out.toString();
    }
}
