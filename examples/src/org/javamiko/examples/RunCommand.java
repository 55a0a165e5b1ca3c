package org.javamiko.examples;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

import org.javamiko.CommandResult;
import org.javamiko.ExecStreams;
import org.javamiko.SshClient;

/**
 * Runs a command on a server, twice: once with {@code run} (the whole output at the end), once
 * with {@code execCommand} (streams, as paramiko's {@code exec_command}).
 *
 * <pre>
 * RunCommand [user@]host[:port] command...
 * </pre>
 *
 * The host must be in {@code ~/.ssh/known_hosts} (an unknown host is refused); the login uses
 * the agent and the usual key files in {@code ~/.ssh}.
 */
public final class RunCommand {
    private RunCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RunCommand [user@]host[:port] command...");
            System.exit(2);
        }
        Target target = Target.parse(args[0]);
        String command = String.join(" ", Arrays.copyOfRange(args, 1, args.length));

        int status;
        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys();
            client.connect(target.host(), target.options().timeout(Duration.ofSeconds(10)).build());

            // 1. run(): stdout and stderr are drained together, so neither can fill up and stall the command
            CommandResult result = client.run(command);
            System.out.print(result.stdout());
            System.err.print(result.stderr());
            status = result.exitStatus();

            // 2. execCommand(): the streams while the command runs; unread output is buffered, so
            //    reading only stdout never deadlocks even if the command floods stderr
            try (ExecStreams streams = client.execCommand(command)) {
                streams.stdin().close();                              // the command sees EOF on its stdin
                long bytes = streams.stdout().transferTo(System.out);
                int again = streams.channel().recvExitStatus();
                System.out.println("[streamed " + bytes + " bytes, exit status " + again + "]");
            }
        }
        System.exit(status);
    }
}
