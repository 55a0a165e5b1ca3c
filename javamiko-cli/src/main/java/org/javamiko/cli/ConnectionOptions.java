package org.javamiko.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.AuthenticationException;
import org.javamiko.ConnectOptions;
import org.javamiko.PasswordRequiredException;
import org.javamiko.SshClient;
import org.javamiko.config.SshConfig;
import org.javamiko.config.SshConfigDict;
import org.javamiko.transport.InteractiveHandler;
import org.javamiko.transport.Prompt;
import picocli.CommandLine.Option;

/**
 * The options every connecting command takes, as ssh spells them: {@code -F -o -p -i -J -l -v}.
 * They become {@link ConnectOptions}: the configuration file (with the {@code -o} lines in front, so
 * they win as on ssh's command line) through {@code sshConfig}, the rest through the builder, whose
 * values win over the configuration's.
 */
final class ConnectionOptions implements Context.Aware {
    private Context context;

    @Option(names = "-F", paramLabel = "FILE",
            description = "ssh_config file to read instead of ~/.ssh/config and /etc/ssh/ssh_config; 'none' for none")
    String configFile;

    @Option(names = "-o", paramLabel = "Key=Value",
            description = "an ssh_config option, as on ssh's command line (e.g. -o StrictHostKeyChecking=accept-new,"
                    + " -o UserKnownHostsFile=FILE, -o ConnectTimeout=5); may be repeated")
    List<String> options = new ArrayList<>();

    @Option(names = "-p", paramLabel = "PORT", description = "port to connect to (default: the config's, else 22)")
    Integer port;

    @Option(names = "-i", paramLabel = "KEY", description = "private key file to try first; may be repeated")
    List<Path> identities = new ArrayList<>();

    @Option(names = "-J", paramLabel = "JUMP", description = "jump hosts, [user@]host[:port][,...] as ssh -J")
    String jump;

    @Option(names = "-l", paramLabel = "USER", description = "user to log in as (user@host wins)")
    String login;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    /** {@code -v}: the connection's DEBUG log on stderr, and stack traces with errors. */
    @Option(names = "-v", description = "verbose: the connection's DEBUG log on stderr, stack traces with errors")
    void verbose(boolean on) {
        if (on) {
            context.verbose = true;
            // slf4j-simple reads a logger's level when the logger is made: in a new process the
            // library's loggers are made after this.
            System.setProperty("org.slf4j.simpleLogger.log.org.javamiko", "debug");
        }
    }

    /** @return the configuration ssh would read, with the {@code -o} lines first */
    SshConfig sshConfig() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String option : options) {
            text.append(option).append('\n');
        }
        if (configFile == null) {
            text.append("Host *\nInclude ~/.ssh/config\nHost *\nInclude /etc/ssh/ssh_config\n");
        } else if (!configFile.equalsIgnoreCase("none")) {
            Path file = Path.of(configFile).toAbsolutePath();
            if (!Files.isReadable(file)) {
                throw new Failures.ConnectFailure("Can't open user config file " + configFile
                        + ": No such file or directory", null);
            }
            text.append("Host *\nInclude ").append(file).append('\n');
        }
        try {
            return SshConfig.fromText(text.toString());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new Failures.ConnectFailure("bad configuration: " + Failures.describe(
                    e.getCause() != null ? e.getCause() : e), e);
        }
    }

    /** @return the builder for {@code destination}, before any password */
    ConnectOptions.Builder builder(Destination destination, SshConfig config) {
        ConnectOptions.Builder b = builderWithoutPrompts(config);
        if (destination.user() != null) {
            b.username(destination.user());
        }
        Console console = context.io.stdinTerminal() ? System.console() : null;
        if (console != null) {
            b.interactiveHandler(prompter(console));
        }
        return b;
    }

    /**
     * @return the builder every host shares (user and port of -l and -p; a host's own user@ and
     *     :port are set on top): no prompts, for runs on many hosts at once
     */
    ConnectOptions.Builder builderWithoutPrompts(SshConfig config) {
        ConnectOptions.Builder b = ConnectOptions.builder().sshConfig(config);
        if (login != null) {
            b.username(login);
        }
        if (port != null) {
            b.port(port);
        }
        identities.forEach(b::keyFilename);
        if (jump != null) {
            b.proxyJump(jump);
        }
        return b;
    }

    /**
     * Connects and logs in to {@code target} ({@code [user@]host}). On a terminal, a refused login
     * or an encrypted key asks for a password or passphrase once, as ssh does.
     *
     * @throws Failures.ConnectFailure with ssh's one-line message
     */
    SshClient connect(String target) throws IOException {
        Destination destination = Destination.parse(target);
        SshConfig config = sshConfig();
        Console console = context.io.stdinTerminal() ? System.console() : null;
        ConnectOptions options = builder(destination, config).build();
        SshClient client = new SshClient();
        try {
            try {
                client.connect(destination.host(), options);
            } catch (PasswordRequiredException e) {
                if (console == null || isBatch(config, destination)) {
                    throw e;
                }
                char[] passphrase = console.readPassword("Enter passphrase for key: ");
                client.connect(destination.host(), builder(destination, config).passphrase(new String(passphrase)).build());
            } catch (AuthenticationException e) {
                if (console == null || isBatch(config, destination)) {
                    throw e;
                }
                SshConfigDict resolved = lookup(config, destination.host());
                String user = destination.user() != null ? destination.user() : login != null ? login
                        : resolved != null && resolved.get("user") != null ? resolved.get("user") : options.username();
                char[] password = console.readPassword("%s@%s's password: ", user, destination.host());
                client.connect(destination.host(), builder(destination, config).password(new String(password)).build());
            }
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw new Failures.ConnectFailure(describe(config, destination.user(), destination.host(), -1, e), e);
        }
    }

    /**
     * ssh's one line for a failed connect to {@code alias}, naming the host name, port and user
     * the configuration resolved it to.
     *
     * @param user the user given with the host, or null
     * @param hostPort the port given with the host, or -1
     */
    String describe(SshConfig config, String user, String alias, int hostPort, Throwable e) {
        SshConfigDict resolved = lookup(config, alias);
        String host = resolved == null ? alias : resolved.getOrDefault("hostname", alias);
        int shownPort = hostPort > 0 ? hostPort : port != null ? port : resolved == null ? 22 : resolved.getInt("port", 22);
        String shownUser = user != null ? user : login != null ? login
                : resolved != null && resolved.get("user") != null ? resolved.get("user") : System.getProperty("user.name");
        return Failures.describeConnect(shownUser + "@" + alias, host, shownPort, e);
    }

    private static SshConfigDict lookup(SshConfig config, String host) {
        try {
            return config.lookup(host);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isBatch(SshConfig config, Destination destination) {
        SshConfigDict dict = lookup(config, destination.host());
        return dict != null && dict.getBoolean("batchmode", false);
    }

    private static InteractiveHandler prompter(Console console) {
        return (name, instruction, prompts) -> {
            if (name != null && !name.isBlank()) {
                console.printf("%s%n", name);
            }
            if (instruction != null && !instruction.isBlank()) {
                console.printf("%s%n", instruction);
            }
            List<String> answers = new ArrayList<>();
            for (Prompt prompt : prompts) {
                answers.add(prompt.echo() ? console.readLine("%s", prompt.text())
                        : new String(console.readPassword("%s", prompt.text())));
            }
            return answers;
        };
    }

    /**
     * {@code [user@]host} as typed on ssh's command line.
     *
     * @param user the user, or null
     * @param host the host name or alias
     */
    record Destination(String user, String host) {
        static Destination parse(String target) {
            int at = target.lastIndexOf('@');
            String user = at > 0 ? target.substring(0, at) : null;
            String host = at >= 0 ? target.substring(at + 1) : target;
            if (host.isEmpty()) {
                throw new IllegalArgumentException("no host name in '" + target + "'");
            }
            return new Destination(user, host);
        }
    }
}
