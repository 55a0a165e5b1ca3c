package org.javamiko.examples;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.javamiko.SshClient;
import org.javamiko.agent.Agent;
import org.javamiko.agent.AgentKey;

/**
 * Lists the keys of the running ssh-agent ({@code SSH_AUTH_SOCK}), then logs in with them alone:
 * no key file is read. The private keys never leave the agent; it signs for us.
 *
 * <pre>
 * AgentLogin [user@]host[:port] command...
 * </pre>
 */
public final class AgentLogin {
    private AgentLogin() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AgentLogin [user@]host[:port] command...");
            System.exit(2);
        }
        Target target = Target.parse(args[0]);
        String command = String.join(" ", Arrays.copyOfRange(args, 1, args.length));

        try (Agent agent = new Agent()) {
            List<AgentKey> keys = agent.getKeys();
            if (keys.isEmpty()) {
                System.err.println("the agent holds no keys: add one with ssh-add");
                System.exit(1);
            }
            for (AgentKey key : keys) {
                System.out.println("agent key: " + key.getName() + " " + key.fingerprint());
            }
        }

        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys();
            client.connect(target.host(), target.options().allowAgent(true).lookForKeys(false).build());
            System.out.print(client.run(command).stdout());
        }
    }
}
