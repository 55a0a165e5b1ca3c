package org.javamiko;

/**
 * One host of a {@link Fleet}, parsed from {@code [user@]host[:port]} as {@code pssh -H} takes it
 * ({@code [v6-address]:port} for IPv6 with a port). {@link #host()} is what {@link SshClient#connect}
 * gets, so it may be an ssh_config alias.
 *
 * <pre>{@code
 * FleetHost h = FleetHost.parse("deploy@web-1:2222");   // user deploy, host web-1, port 2222
 * }</pre>
 *
 * @param spec the text as given, e.g. {@code "deploy@web-1:2222"}; results name hosts by it
 * @param user the user before {@code @}, or null when none was given
 * @param host the host name, address or ssh_config alias
 * @param port the port after {@code :}, or -1 when none was given
 */
public record FleetHost(String spec, String user, String host, int port) {

    /**
     * Parses {@code [user@]host[:port]}; an IPv6 address is bracketed when a port follows
     * ({@code [::1]:2222}), and taken whole when it is bare ({@code ::1}).
     *
     * @param spec the host as a user would type it
     * @return the parts
     * @throws IllegalArgumentException when the host is empty or the port is not a number in 1..65535
     */
    public static FleetHost parse(String spec) {
        String rest = spec.strip();
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String host = rest;
        int port = -1;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in host " + spec);
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = parsePort(after.substring(1), spec);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("unexpected text after ] in host " + spec);
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            int colon = rest.indexOf(':');
            host = rest.substring(0, colon);
            port = parsePort(rest.substring(colon + 1), spec);
        }
        if (host.isEmpty() || (user != null && user.isEmpty())) {
            throw new IllegalArgumentException("no host name in " + spec);
        }
        return new FleetHost(spec, user, host, port);
    }

    private static int parsePort(String text, String spec) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port '" + text + "' in host " + spec);
    }
}
