package org.javamiko.agent;

import java.nio.file.Path;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;

/**
 * Run in a child JVM by {@link AgentEnvironmentTest}, whose environment decides
 * {@code SSH_AUTH_SOCK}: prints the fingerprint of each key {@code new Agent()} finds, then, given
 * {@code port user known_hosts}, logs in to 127.0.0.1 with the defaults' agent (no key of its own)
 * and prints what {@code echo} returned.
 */
final class AgentFromEnvironmentMain {
    private AgentFromEnvironmentMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Agent agent = new Agent()) {
            System.out.println("connected " + agent.isConnected());
            for (AgentKey key : agent.getKeys()) {
                System.out.println("key " + key.fingerprint());
            }
        }
        if (args.length == 3) {
            try (SshClient client = new SshClient()) {
                client.loadSystemHostKeys(Path.of(args[2]));
                client.connect("127.0.0.1", ConnectOptions.builder().port(Integer.parseInt(args[0])).username(args[1])
                        .lookForKeys(false).build());
                System.out.print(client.run("echo logged-in-through-SSH_AUTH_SOCK").stdout());
            }
        }
    }
}
