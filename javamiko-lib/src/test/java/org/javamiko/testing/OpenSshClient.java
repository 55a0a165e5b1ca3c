package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenSSH's {@code ssh} client, run against a test server: the independent client that proves a
 * fixture works, and a reference to compare our client's behaviour with.
 *
 * <p>The server's host keys are always pinned ({@code StrictHostKeyChecking=yes} with a
 * known_hosts file holding exactly {@link SshTestServer#knownHostsLines()}); the user's own ssh
 * configuration, known_hosts and agent are never consulted.
 *
 * <pre>{@code
 * ExternalCommand.Result result = OpenSshClient.to(sshd, tempDir)
 *         .identity(sshd.clientKeys().ed25519())
 *         .run("echo hi");
 * }</pre>
 */
public final class OpenSshClient {

    private final SshTestServer server;
    private final Path workDir;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String user;
    private Path identity;
    private String askPassAnswer;
    private boolean verbose;
    private Duration timeout = Duration.ofSeconds(30);

    private OpenSshClient(SshTestServer server, Path workDir) {
        this.server = server;
        this.workDir = workDir;
        this.user = server.user();
    }

    /**
     * A client for {@code server}, keeping its known_hosts (and any askpass script) in
     * {@code workDir}, e.g. a JUnit {@code @TempDir}.
     */
    public static OpenSshClient to(SshTestServer server, Path workDir) {
        return new OpenSshClient(server, workDir);
    }

    /** Logs in as {@code name} instead of {@link SshTestServer#user()}. */
    public OpenSshClient user(String name) {
        this.user = name;
        return this;
    }

    /** Authenticates with this private key file (and no other key). */
    public OpenSshClient identity(Path privateKey) {
        this.identity = privateKey;
        return this;
    }

    /** Adds {@code -o key=value}, e.g. {@code option("PreferredAuthentications", "password")}. */
    public OpenSshClient option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /**
     * Answers every password or keyboard-interactive prompt with {@code answer}, through an
     * {@code SSH_ASKPASS} program ({@code SSH_ASKPASS_REQUIRE=force}): how to type a password
     * into ssh without a terminal or sshpass.
     */
    public OpenSshClient answerPromptsWith(String answer) {
        this.askPassAnswer = answer;
        return this;
    }

    /** Passes {@code -v}: ssh then writes the negotiation and authentication steps to stderr. */
    public OpenSshClient verbose() {
        this.verbose = true;
        return this;
    }

    /** How long ssh may take before it is killed (default 30 s). */
    public OpenSshClient timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /**
     * Runs {@code remoteCommand} on the server with {@code ssh} and returns ssh's exit code (the
     * remote command's, or 255 for an ssh error) and output.
     *
     * @throws IOException if ssh cannot be started or does not finish in time
     */
    public ExternalCommand.Result run(String remoteCommand) throws IOException {
        List<String> command = new ArrayList<>(List.of("ssh"));
        command.addAll(commonArguments());
        command.addAll(List.of("-p", Integer.toString(server.port()), "-l", user, server.host(), remoteCommand));
        return withPromptAnswers(ExternalCommand.of(command)).run();
    }

    /**
     * Runs OpenSSH's {@code sftp} client on the server's SFTP subsystem with a batch of sftp
     * commands (one per line, e.g. {@code "put local remote\nls -l /tmp"}) and returns its exit
     * code (0 when every command succeeded) and output.
     *
     * @throws IOException if sftp cannot be started or does not finish in time
     */
    public ExternalCommand.Result sftpBatch(String batch) throws IOException {
        List<String> command = new ArrayList<>(List.of("sftp", "-b", "-"));
        command.addAll(commonArguments());
        command.addAll(List.of("-P", Integer.toString(server.port()), user + "@" + server.host()));
        return withPromptAnswers(ExternalCommand.of(command)).stdin(batch).run();
    }

    /** The arguments ssh and sftp share: config, host key pinning, identity and options. */
    private List<String> commonArguments() {
        Path knownHosts = server.writeKnownHosts(workDir.resolve("known_hosts"));
        List<String> arguments = new ArrayList<>(List.of("-F", "/dev/null"));
        if (verbose) {
            arguments.add("-v");
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("UserKnownHostsFile", knownHosts.toString());
        all.put("GlobalKnownHostsFile", "/dev/null");
        all.put("StrictHostKeyChecking", "yes");
        all.put("BatchMode", askPassAnswer == null ? "yes" : "no");
        all.put("IdentityAgent", "none");
        all.put("ConnectTimeout", "10");
        if (identity != null) {
            arguments.addAll(List.of("-i", identity.toString()));
            all.put("IdentitiesOnly", "yes");
        }
        all.putAll(options);
        all.forEach((key, value) -> arguments.addAll(List.of("-o", key + "=" + value)));
        return arguments;
    }

    private ExternalCommand withPromptAnswers(ExternalCommand command) {
        command.timeout(timeout);
        if (askPassAnswer != null) {
            command.env("SSH_ASKPASS", writeAskPassScript().toString())
                    .env("SSH_ASKPASS_REQUIRE", "force")
                    .env("JAVAMIKO_ASKPASS_ANSWER", askPassAnswer);
        }
        return command;
    }

    /** A script that prints the answer; the answer itself travels in the environment. */
    private Path writeAskPassScript() {
        Path script = workDir.resolve("askpass.sh");
        try {
            Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$JAVAMIKO_ASKPASS_ANSWER\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }
}
