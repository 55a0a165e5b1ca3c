package org.javamiko.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of {@code javamiko}: only sub-commands; alone it prints the help. */
@Command(name = "javamiko", mixinStandardHelpOptions = true, version = "javamiko 0.1.0",
        header = "An SSH client on the javamiko library.",
        description = {"Run commands, open shells, transfer files, manage keys and known hosts, and run one "
                + "command on many hosts at once.",
                "",
                "Hosts are resolved through ~/.ssh/config and /etc/ssh/ssh_config as ssh resolves them (-F FILE "
                + "for another file, -F none for none, -o Key=Value on top); known_hosts, StrictHostKeyChecking, "
                + "the ssh-agent and the ~/.ssh/id_* keys are used as ssh uses them."},
        subcommands = {ExecCommand.class, ShellCommand.class, SftpCommand.class, ScpCommand.class, RunCommand.class,
                KeygenCommand.class, FingerprintCommand.class, KnownHostsCommand.class, DemoCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {"  exec, shell: the remote command's status; 255 for a connection or authentication error "
                + "(one line on stderr; -v adds the DEBUG log and stack traces).",
                "  run: 0 only if every host succeeded. Others: 0 on success, 1 on failure, 2 for a usage error.",
                "",
                "`javamiko COMMAND --help` describes each command."})
final class JavamikoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
