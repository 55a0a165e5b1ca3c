package org.javamiko.examples;

import org.javamiko.ConnectOptions;

/**
 * A {@code [user@]host[:port]} argument, as {@code ssh} takes it ({@code [::1]:2222} for IPv6).
 *
 * @param user the user to log in as; the local user name when the argument names none
 * @param host the server's name or address
 * @param port the TCP port, 22 when the argument names none
 */
record Target(String user, String host, int port) {

    static Target parse(String arg) {
        String user = System.getProperty("user.name");
        String rest = arg;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        int port = 22;
        String host = rest;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            host = rest.substring(1, close);
            if (rest.length() > close + 1) {
                port = Integer.parseInt(rest.substring(close + 2));
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = Integer.parseInt(rest.substring(rest.indexOf(':') + 1));
        }
        return new Target(user, host, port);
    }

    /** Options for this target; the rest as paramiko's defaults: keys from ~/.ssh and the agent. */
    ConnectOptions.Builder options() {
        return ConnectOptions.builder().username(user).port(port);
    }
}
