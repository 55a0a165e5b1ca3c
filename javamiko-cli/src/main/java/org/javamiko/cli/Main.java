package org.javamiko.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * The {@code javamiko} command: {@code exec}, {@code shell}, {@code sftp}, {@code keygen},
 * {@code fingerprint}, {@code known-hosts}, {@code run}, and {@code demo}, which shows the client
 * against an embedded server. {@code javamiko --help} lists them.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the sub-command and its arguments
     */
    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /**
     * Runs the command with the given streams, without exiting: what the tests call.
     *
     * @param io where the command reads and writes
     * @param args the sub-command and its arguments
     * @return the exit status: the remote command's for exec and shell, 255 for a connection or
     *     authentication error, 2 for a usage error, 1 for other failures
     */
    public static int run(Io io, String... args) {
        return commandLine(io).execute(args);
    }

    /**
     * @param io where the command reads and writes
     * @return the picocli command line of {@code javamiko}, its output going to {@code io}
     */
    public static CommandLine commandLine(Io io) {
        Context context = new Context(io);
        CommandLine cli = new CommandLine(JavamikoCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof Context.Aware aware) {
                    aware.context(context);
                }
                return made;
            }
        });
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setExecutionExceptionHandler(new Failures(context));
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }
}
