package org.javamiko.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.javamiko.ExecOptions;
import org.javamiko.ExecStreams;
import org.javamiko.SshClient;
import org.javamiko.transport.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code javamiko exec [user@]host [--] command...}: as {@code ssh host command}. */
@Command(name = "exec", header = "Run a command on a host, as `ssh host command`.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs COMMAND on HOST: its stdout and stderr are streamed as they arrive, stdin is "
                + "forwarded when it is not a terminal (else the command gets end-of-file at once), and the "
                + "exit status is the command's (255 for a connection or authentication error, or when the "
                + "command was killed by a signal)."},
        footer = {"", "Examples:", "  javamiko exec build-01 -- make -C /srv/app test",
                "  tar czf - src | javamiko exec -p 2222 deploy@web1 'tar xzf - -C /srv'",
                "  javamiko exec -t web1 top"})
final class ExecCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ForwardOptions forwards;

    @Option(names = "-t", description = "allocate a pseudo-terminal (interactive programs; needs a terminal on stdin)")
    boolean tty;

    @Option(names = "-A", description = "forward the ssh-agent to the command")
    boolean forwardAgent;

    @Parameters(index = "0", paramLabel = "[USER@]HOST", description = "host name or ssh_config alias")
    String target;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND",
            description = "the command; several words are joined with spaces, as ssh does")
    List<String> command;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Io io = context.io;
        String line = String.join(" ", command);
        try (SshClient client = connection.connect(target)) {
            forwards.open(client);
            if (tty) {
                if (!io.stdinTerminal()) {
                    io.err().println("Pseudo-terminal will not be allocated because stdin is not a terminal.");
                } else {
                    return new TerminalSession(io, client, target).run(line);
                }
            }
            try (ExecStreams streams = client.execCommand(line, ExecOptions.builder().forwardAgent(forwardAgent).build())) {
                Channel channel = streams.channel();
                if (io.stdinTerminal()) {
                    channel.shutdownWrite();
                } else {
                    Pump.start("javamiko-stdin", io.in(), streams.stdin(), channel::shutdownWrite);
                }
                Thread err = Pump.start("javamiko-stderr", streams.stderr(), io.err(), null);
                Pump.copy(streams.stdout(), io.out());
                err.join();
                io.out().flush();
                io.err().flush();
                return exitStatus(channel.recvExitStatus());
            }
        }
    }

    /** ssh's status: the remote one, or 255 when the server sent none (e.g. the command was killed). */
    static int exitStatus(int remote) {
        return remote < 0 ? Failures.CONNECTION : remote & 0xff;
    }
}
