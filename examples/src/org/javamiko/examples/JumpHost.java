package org.javamiko.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;

import org.javamiko.SshClient;
import org.javamiko.transport.Channel;

/**
 * Reaches a server through a jump host (a bastion), as {@code ssh -J jump target command}: a
 * {@code direct-tcpip} channel of the jump host's connection carries the second SSH connection.
 * Both host keys are checked against {@code ~/.ssh/known_hosts}.
 *
 * <pre>
 * JumpHost [user@]jump[:port] [user@]target[:port] command...
 * </pre>
 *
 * The one-line form of the same is {@code ConnectOptions.builder().proxyJump("user@jump:port")}.
 */
public final class JumpHost {
    private JumpHost() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: JumpHost [user@]jump[:port] [user@]target[:port] command...");
            System.exit(2);
        }
        Target jump = Target.parse(args[0]);
        Target target = Target.parse(args[1]);
        String command = String.join(" ", Arrays.copyOfRange(args, 2, args.length));

        try (SshClient bastion = new SshClient(); SshClient inner = new SshClient()) {
            bastion.loadSystemHostKeys();
            bastion.connect(jump.host(), jump.options().build());

            // the jump host opens the TCP connection to the target (as it resolves the name)
            Channel tunnel = bastion.getTransport().openChannel("direct-tcpip",
                    new InetSocketAddress(target.host(), target.port()), new InetSocketAddress("127.0.0.1", 0));

            inner.loadSystemHostKeys();
            inner.connect(target.host(), target.options().sock(tunnel).build());
            System.out.print(inner.run(command).stdout());
        }
    }
}
