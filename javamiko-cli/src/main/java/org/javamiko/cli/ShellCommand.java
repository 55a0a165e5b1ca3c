package org.javamiko.cli;

import java.util.concurrent.Callable;

import org.javamiko.SshClient;
import org.javamiko.transport.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code javamiko shell [user@]host}: as {@code ssh host}. */
@Command(name = "shell", header = "Open an interactive shell on a host, as `ssh host`.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens a login shell on a pseudo-terminal with your terminal's size and TERM. Your "
                + "terminal is in raw mode (every key goes to the server; restored at the end) and window size "
                + "changes are forwarded.",
                "",
                "Escapes, typed at the start of a line: ~. disconnects, ~? lists the escapes, ~~ sends one ~.",
                "",
                "When stdin is not a terminal, the shell runs without a pty and reads its commands from stdin, "
                + "as ssh does. Exit status: the shell's; 255 after ~. or for a connection or authentication "
                + "error."})
final class ShellCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ForwardOptions forwards;

    @Parameters(index = "0", paramLabel = "[USER@]HOST", description = "host name or ssh_config alias")
    String target;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Io io = context.io;
        try (SshClient client = connection.connect(target)) {
            forwards.open(client);
            if (io.stdinTerminal()) {
                return new TerminalSession(io, client, target).run(null);
            }
            io.err().println("Pseudo-terminal will not be allocated because stdin is not a terminal.");
            Channel channel = client.getTransport().openSession();
            try {
                channel.invokeShell();
                Pump.start("javamiko-stdin", io.in(), channel.getOutputStream(), channel::shutdownWrite);
                Thread err = Pump.start("javamiko-stderr", channel.getErrorStream(), io.err(), null);
                Pump.copy(channel.getInputStream(), io.out());
                err.join();
                return ExecCommand.exitStatus(channel.recvExitStatus());
            } finally {
                channel.close();
            }
        }
    }
}
