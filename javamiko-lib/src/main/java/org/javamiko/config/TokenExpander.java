package org.javamiko.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * OpenSSH's expansions of a setting's value: {@code ~} (home), {@code ${NAME}} (environment) and the
 * {@code %} tokens of ssh_config(5)'s TOKENS section, each keyword getting only the ones OpenSSH
 * gives it. An unknown {@code %x} is an error, as it is for ssh.
 */
final class TokenExpander {
    /**
     * Keywords taking ~, ${NAME} and the connection tokens (%C %d %h %i %k %L %l %n %p %r %u); so
     * does ForwardAgent when its value is a socket path rather than yes or no.
     */
    static final Set<String> PATH_KEYWORDS = Set.of("identityfile", "certificatefile", "controlpath",
            "identityagent", "userknownhostsfile");
    /** Keywords taking the connection tokens only. */
    static final Set<String> COMMAND_KEYWORDS_WITH_TOKENS = Set.of("remotecommand");
    /** Keywords taking %h %n %p %r. */
    static final Set<String> PROXY_KEYWORDS = Set.of("proxycommand", "proxyjump");

    private final Map<Character, Supplier<String>> connectionTokens = new HashMap<>();
    private final Map<Character, Supplier<String>> proxyTokens = new HashMap<>();
    private final LocalEnvironment local;

    /**
     * @param host the final remote host name (%h)
     * @param originalHost the name given to lookup (%n)
     * @param port the remote port (%p)
     * @param remoteUser the remote user (%r)
     * @param hostKeyAlias HostKeyAlias if set, else null (%k falls back to the original name)
     */
    TokenExpander(LocalEnvironment local, String host, String originalHost, String port, String remoteUser,
            String hostKeyAlias) {
        this.local = local;
        proxyTokens.put('h', () -> host);
        proxyTokens.put('n', () -> originalHost);
        proxyTokens.put('p', () -> port);
        proxyTokens.put('r', () -> remoteUser);
        connectionTokens.putAll(proxyTokens);
        connectionTokens.put('C', () -> connectionHash(local.hostName(), host, port, remoteUser));
        connectionTokens.put('d', () -> local.home().toString());
        connectionTokens.put('i', local::uid);
        connectionTokens.put('k', () -> hostKeyAlias != null ? hostKeyAlias : originalHost);
        connectionTokens.put('L', () -> shortName(local.hostName()));
        connectionTokens.put('l', local::hostName);
        connectionTokens.put('u', local::userName);
    }

    /** The tokens of a {@code Match exec} command, where %h is the host name known so far. */
    static Map<Character, Supplier<String>> forMatchExec(LocalEnvironment local, String host, String originalHost,
            String port, String remoteUser, String hostKeyAlias) {
        return new TokenExpander(local, host, originalHost, port, remoteUser, hostKeyAlias).connectionTokens;
    }

    /** Expands one value of {@code keyword}; keywords without expansions come back unchanged. */
    String expand(String keyword, String value) {
        if (PATH_KEYWORDS.contains(keyword) || (keyword.equals("forwardagent") && isAgentSocketPath(value))) {
            return percent(dollar(tilde(value, local), local, keyword), connectionTokens, keyword);
        }
        if (COMMAND_KEYWORDS_WITH_TOKENS.contains(keyword)) {
            return percent(value, connectionTokens, keyword);
        }
        if (PROXY_KEYWORDS.contains(keyword)) {
            return percent(value, proxyTokens, keyword);
        }
        if (keyword.equals("revokedhostkeys")) {
            return tilde(value, local);
        }
        return value;
    }

    /** ForwardAgent takes yes/no or the path of an agent socket; only a path is expanded. */
    private static boolean isAgentSocketPath(String value) {
        return !Set.of("yes", "no", "true", "false").contains(value.toLowerCase(Locale.ROOT));
    }

    /** OpenSSH's hash for %C: SHA-1 of local host name, remote host, port and remote user, in hex. */
    static String connectionHash(String localHost, String host, String port, String user) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((localHost + host + port + user)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    /** Replaces {@code %%} and the given {@code %x} tokens; any other {@code %x} is an error. */
    static String percent(String template, Map<Character, Supplier<String>> tokens, String keyword) {
        StringBuilder out = new StringBuilder(template.length());
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= template.length()) {
                throw new IllegalArgumentException(keyword + " \"" + template + "\" ends with a lone %");
            }
            char token = template.charAt(++i);
            if (token == '%') {
                out.append('%');
            } else if (tokens.containsKey(token)) {
                out.append(tokens.get(token).get());
            } else {
                throw new IllegalArgumentException(keyword + " \"" + template + "\": unknown token %" + token);
            }
        }
        return out.toString();
    }

    /** {@code ~} or a leading {@code ~/} is the home directory; {@code ~user} is left as written. */
    static String tilde(String value, LocalEnvironment local) {
        if (value.equals("~")) {
            return local.home().toString();
        }
        if (value.startsWith("~/")) {
            return local.home().resolve(value.substring(2)).toString();
        }
        return value;
    }

    private static String dollar(String value, LocalEnvironment local, String keyword) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("${", i)) {
                int close = value.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException(keyword + " \"" + value + "\": unterminated ${");
                }
                String name = value.substring(i + 2, close);
                String variable = local.environment().get(name);
                if (variable == null) {
                    throw new IllegalArgumentException(keyword + " \"" + value + "\": environment variable "
                            + name + " is not set");
                }
                out.append(variable);
                i = close + 1;
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String shortName(String hostName) {
        int dot = hostName.indexOf('.');
        return dot < 0 ? hostName : hostName.substring(0, dot);
    }
}
