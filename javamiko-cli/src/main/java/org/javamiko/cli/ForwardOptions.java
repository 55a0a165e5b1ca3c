package org.javamiko.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.PortForward;
import org.javamiko.SshClient;
import picocli.CommandLine.Option;

/**
 * ssh's {@code -L}, {@code -R} and {@code -D}: forwardings opened after login that live as long as the
 * command or shell (the client closes them with the connection).
 */
final class ForwardOptions implements Context.Aware {
    private Context context;

    @Option(names = "-L", paramLabel = "[BIND:]PORT:HOST:HOSTPORT",
            description = "forward a local port through the server to HOST:HOSTPORT, as ssh -L; may be repeated")
    List<String> local = new ArrayList<>();

    @Option(names = "-R", paramLabel = "[BIND:]PORT:HOST:HOSTPORT",
            description = "have the server listen on PORT and forward to HOST:HOSTPORT from here, as ssh -R "
                    + "(port 0: the server picks, printed on stderr); may be repeated")
    List<String> remote = new ArrayList<>();

    @Option(names = "-D", paramLabel = "[BIND:]PORT",
            description = "a SOCKS 4/5 proxy on a local port, connections made by the server, as ssh -D; may be repeated")
    List<String> dynamic = new ArrayList<>();

    @Override
    public void context(Context context) {
        this.context = context;
    }

    /** Opens every forwarding asked for; a refused one fails the command, as ExitOnForwardFailure. */
    List<PortForward> open(SshClient client) throws IOException {
        List<PortForward> open = new ArrayList<>();
        for (String spec : local) {
            String[] f = fields(spec, 3, "-L");
            open.add(client.forwardLocal(f[0], port(f[1], spec), f[2], port(f[3], spec)));
        }
        for (String spec : remote) {
            String[] f = fields(spec, 3, "-R");
            PortForward forward = client.forwardRemote(f[0] == null ? "" : f[0], port(f[1], spec), f[2], port(f[3], spec));
            if (port(f[1], spec) == 0) {
                context.io.err().println("Allocated port " + forward.boundPort() + " for remote forward to " + f[2] + ":"
                        + f[3]);
            }
            open.add(forward);
        }
        for (String spec : dynamic) {
            String[] f = fields(spec, 1, "-D");
            open.add(client.forwardDynamic(f[0], port(f[1], spec)));
        }
        return open;
    }

    /** {@code [bind:]a[:b:c]} → {bind or null, a, b, c}; {@code [v6]} brackets allowed around addresses. */
    private static String[] fields(String spec, int required, String option) throws Failures.CommandFailure {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean bracket = false;
        for (char c : spec.toCharArray()) {
            if (c == '[') {
                bracket = true;
            } else if (c == ']') {
                bracket = false;
            } else if (c == ':' && !bracket) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        if (parts.size() == required) {
            parts.add(0, null);
        }
        if (parts.size() != required + 1) {
            throw new Failures.CommandFailure(2, "bad " + option + " specification '" + spec + "'");
        }
        return parts.toArray(String[]::new);
    }

    private static int port(String text, String spec) throws Failures.CommandFailure {
        try {
            int p = Integer.parseInt(text);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Failures.CommandFailure(2, "bad port '" + text + "' in '" + spec + "'");
    }
}
