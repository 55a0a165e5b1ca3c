package org.javamiko.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code javamiko demo}: the README's first command, unchanged. */
@Command(name = "demo", header = "Show the client against an embedded SSH server (the README's first command).",
        mixinStandardHelpOptions = true,
        description = {"Start an SSH server on 127.0.0.1 (Apache MINA SSHD, in this process) and show javamiko's "
                + "client against it: host-key policies, exec, run, exit status, stderr, SFTP with a progress "
                + "bar."})
final class DemoCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        new Demo(context.io.out()).run();
        return 0;
    }
}
