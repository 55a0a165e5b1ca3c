package org.javamiko.internal.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * One hop of {@code ssh -J}: {@code [user@]host[:port]}, {@code [user@][v6addr]:port} or
 * {@code ssh://[user@]host[:port]}.
 *
 * @param user the user, or null for the configured one
 * @param host the host name or address
 * @param port the port, or -1 for the configured one
 */
public record JumpSpec(String user, String host, int port) {

    /**
     * @param jumps a comma-separated list, as {@code ssh -J}
     * @throws IllegalArgumentException naming the malformed hop
     */
    public static List<JumpSpec> parseList(String jumps) {
        List<JumpSpec> hops = new ArrayList<>();
        for (String hop : jumps.split(",", -1)) {
            hops.add(parse(hop.trim()));
        }
        return hops;
    }

    static JumpSpec parse(String hop) {
        String rest = hop.startsWith("ssh://") ? hop.substring("ssh://".length()) : hop;
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
                throw malformed(hop);
            }
            host = rest.substring(1, close);
            if (close + 1 < rest.length()) {
                if (rest.charAt(close + 1) != ':') {
                    throw malformed(hop);
                }
                port = port(rest.substring(close + 2), hop);
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = port(rest.substring(rest.indexOf(':') + 1), hop);
        }
        if (host.isEmpty() || (user != null && user.isEmpty())) {
            throw malformed(hop);
        }
        ShellSafeNames.require(host, "jump host name");
        ShellSafeNames.require(user, "jump user name");
        return new JumpSpec(user, host, port);
    }

    private static int port(String text, String hop) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the hop
        }
        throw malformed(hop);
    }

    private static IllegalArgumentException malformed(String hop) {
        return new IllegalArgumentException("The jump host '" + hop + "' is not [user@]host[:port]");
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + (port < 0 ? "" : ":" + port);
    }
}
