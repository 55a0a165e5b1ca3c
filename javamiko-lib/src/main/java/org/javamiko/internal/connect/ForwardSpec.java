package org.javamiko.internal.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One LocalForward, RemoteForward or DynamicForward of an ssh_config, read as {@code ssh} reads
 * it: the listen part and the destination are joined with {@code :} and split into fields
 * ({@code [v6:addr]} bracketed), a field starting with {@code /} being a Unix socket path.
 *
 * @param kind which keyword it came from
 * @param bindHost the listen address as written: null when none was given, {@code ""} or
 *        {@code *} for all addresses
 * @param bindPort the listen port (0: any), or -1 when listening on a Unix socket path
 * @param bindPath the Unix socket path to listen on, or null
 * @param destHost the destination host, or null (dynamic, or a socket path destination)
 * @param destPort the destination port, or -1
 * @param destPath the destination Unix socket path, or null
 * @param text the keyword's value as written, for messages
 */
public record ForwardSpec(Kind kind, String bindHost, int bindPort, String bindPath, String destHost, int destPort,
        String destPath, String text) {

    /** The three keywords. */
    public enum Kind {
        /** LocalForward, {@code ssh -L}. */
        LOCAL,
        /** RemoteForward, {@code ssh -R}. */
        REMOTE,
        /** DynamicForward, {@code ssh -D}. */
        DYNAMIC;

        /** @return the ssh_config keyword */
        public String keyword() {
            return switch (this) {
                case LOCAL -> "LocalForward";
                case REMOTE -> "RemoteForward";
                case DYNAMIC -> "DynamicForward";
            };
        }
    }

    /**
     * @param kind the keyword
     * @param value its value, e.g. {@code 8080 localhost:80}, {@code [::1]:8080 db:5432}, {@code 1080}
     * @return the forwarding
     * @throws IllegalArgumentException naming the keyword and value when ssh would refuse it too
     */
    public static ForwardSpec parse(Kind kind, String value) {
        ForwardSpec spec = fromFields(kind, value);
        // as ssh: only the server may choose a port (RemoteForward 0), and a destination has one
        if ((spec.bindPath == null && spec.bindPort == 0 && kind != Kind.REMOTE) || spec.destPort == 0) {
            throw malformed(kind, value, kind == Kind.REMOTE ? "a destination port of 1-65535"
                    : "ports of 1-65535 (port 0 is for RemoteForward only)");
        }
        return spec;
    }

    private static ForwardSpec fromFields(Kind kind, String value) {
        String[] args = value.trim().split("\\s+");
        if (args.length > 2 || args[0].isEmpty() || (kind == Kind.DYNAMIC && args.length > 1)
                || (kind == Kind.LOCAL && args.length < 2)) {
            throw malformed(kind, value, kind == Kind.DYNAMIC ? "one argument, [address:]port"
                    : "two arguments, [address:]port and host:port");
        }
        List<String> f = fields(kind, value, args.length == 1 ? args[0] : args[0] + ":" + args[1]);
        boolean lastIsPath = path(f.get(f.size() - 1));
        boolean firstIsPath = path(f.get(0));
        try {
            if (args.length == 1) { // dynamic, or RemoteForward's SOCKS on the server
                return switch (f.size()) {
                    case 1 -> firstIsPath ? new ForwardSpec(kind, null, -1, f.get(0), null, -1, null, value)
                            : new ForwardSpec(kind, null, port(f.get(0)), null, null, -1, null, value);
                    case 2 -> new ForwardSpec(kind, f.get(0), port(f.get(1)), null, null, -1, null, value);
                    default -> throw malformed(kind, value, "[address:]port");
                };
            }
            return switch (f.size()) {
                case 2 -> firstIsPath && lastIsPath ? new ForwardSpec(kind, null, -1, f.get(0), null, -1, f.get(1), value)
                        : new ForwardSpec(kind, null, port(f.get(0)), null, null, -1, need(lastIsPath, f.get(1),
                                kind, value), value);
                case 3 -> lastIsPath ? new ForwardSpec(kind, f.get(0), port(f.get(1)), null, null, -1, f.get(2), value)
                        : firstIsPath ? new ForwardSpec(kind, null, -1, f.get(0), f.get(1), port(f.get(2)), null, value)
                        : new ForwardSpec(kind, null, port(f.get(0)), null, f.get(1), port(f.get(2)), null, value);
                case 4 -> new ForwardSpec(kind, f.get(0), port(f.get(1)), null, f.get(2), port(f.get(3)), null, value);
                default -> throw malformed(kind, value, "[address:]port host:port");
            };
        } catch (NumberFormatException e) {
            throw malformed(kind, value, "ports of 0-65535");
        }
    }

    private static String need(boolean ok, String field, Kind kind, String value) {
        if (!ok) {
            throw malformed(kind, value, "host:port or a /socket path as the destination");
        }
        return field;
    }

    private static boolean path(String field) {
        return field.startsWith("/");
    }

    private static int port(String field) {
        int port = Integer.parseInt(field);
        if (port < 0 || port > 65535) {
            throw new NumberFormatException(field);
        }
        return port;
    }

    /** Splits at {@code :}, a {@code [...]} field keeping its colons (IPv6) and losing its brackets. */
    private static List<String> fields(Kind kind, String value, String joined) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i <= joined.length()) {
            int end;
            String field;
            if (i < joined.length() && joined.charAt(i) == '[') {
                int close = joined.indexOf(']', i);
                if (close < 0 || (close + 1 < joined.length() && joined.charAt(close + 1) != ':')) {
                    throw malformed(kind, value, "a closing ] after an IPv6 address");
                }
                field = joined.substring(i + 1, close);
                end = close + 1;
            } else {
                end = joined.indexOf(':', i);
                end = end < 0 ? joined.length() : end;
                field = joined.substring(i, end);
            }
            fields.add(field);
            i = end + 1;
        }
        return fields;
    }

    private static IllegalArgumentException malformed(Kind kind, String value, String expected) {
        return new IllegalArgumentException("Bad " + kind.keyword() + " '" + value + "' in the ssh_config: expected "
                + expected);
    }

    /** @return the forwarding as {@code ssh -G} prints it, e.g. {@code localforward 8080 [localhost]:80} */
    public String describe() {
        String listen = bindPath != null ? bindPath
                : (bindHost == null ? "" : "[" + bindHost + "]:") + bindPort;
        String dest = destPath != null ? destPath : destHost != null ? "[" + destHost + "]:" + destPort
                : kind == Kind.REMOTE ? "[socks]:0" : null;
        return kind.keyword().toLowerCase(Locale.ROOT) + " " + listen + (dest == null ? "" : " " + dest);
    }
}
