package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.javamiko.testing.DropbearServer;
import org.javamiko.testing.KeySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code javamiko scp} against Dropbear, whose server runs the {@code scp} on its PATH. Dropbear's
 * test account logs in by password only, so the command runs on a terminal (tmux) and the test
 * types the password at its prompt, as a person would.
 */
class ScpDropbearCommandTest {
    @RegisterExtension
    static final DropbearServer dropbear = DropbearServer.builder().build();

    @TempDir
    Path dir;
    Path config;
    Path remote;
    Path stderr;
    Tmux tmux;

    @BeforeEach
    void setUp() throws Exception {
        Path knownHosts = dropbear.writeKnownHosts(dir.resolve("known_hosts"));
        config = Files.write(dir.resolve("ssh_config"), List.of(
                "Host db",
                "  HostName " + dropbear.host(),
                "  Port " + dropbear.port(),
                "  User " + dropbear.user(),
                "  IdentityFile " + KeySet.clientKeys().ed25519(),
                "  IdentitiesOnly yes",
                "  IdentityAgent none",
                "  UserKnownHostsFile " + knownHosts,
                "  GlobalKnownHostsFile none",
                "  StrictHostKeyChecking yes"));
        remote = dropbear.sharedDirectory(Files.createTempDirectory("javamiko-cli-scp-dropbear"));
        stderr = dir.resolve("stderr");
        tmux = new Tmux(dir.resolve("tmux.sock"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        tmux.close();
        try (Stream<Path> walk = Files.walk(remote)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Runs {@code javamiko scp -F config ARGS} on a terminal, its stderr into {@link #stderr}, types
     * the password at its prompt (which goes to the terminal itself), and returns its exit status.
     */
    private String scpTypingThePassword(String... args) throws Exception {
        Path status = dir.resolve("status");
        List<String> words = new ArrayList<>(List.of("scp", "-F", config.toString()));
        words.addAll(List.of(args));
        tmux.start(120, 30, Cli.processCommand(words.toArray(String[]::new)) + " 2> " + stderr
                + "; echo $? > " + status + "; sleep 60");
        tmux.awaitScreen("the password prompt", text -> text.contains(dropbear.user() + "@db's password:"));
        tmux.type(dropbear.password());
        tmux.enter();
        return Tmux.awaitLine(status);
    }

    @Test
    void aFileGoesUpAfterThePasswordPrompt() throws Exception {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        Path file = Files.write(dir.resolve("up.bin"), data);

        assertThat(scpTypingThePassword(file.toString(), "db:" + remote)).as("%s", stderr).isEqualTo("0");
        assertThat(Files.readAllBytes(remote.resolve("up.bin"))).isEqualTo(data);
        assertThat(Files.getOwner(remote.resolve("up.bin")).getName()).isEqualTo(dropbear.user());
    }

    @Test
    void aTreeComesDownAfterThePasswordPrompt() throws Exception {
        Files.createDirectories(remote.resolve("tree/sub"));
        Files.writeString(remote.resolve("tree/a.txt"), "a from dropbear\n");
        Files.writeString(remote.resolve("tree/sub/b.txt"), "b from dropbear\n");
        Path back = Files.createDirectories(dir.resolve("back"));

        assertThat(scpTypingThePassword("-r", "db:" + remote.resolve("tree"), back.toString())).as(dropbear.log())
                .isEqualTo("0");
        assertThat(back.resolve("tree/a.txt")).hasContent("a from dropbear");
        assertThat(back.resolve("tree/sub/b.txt")).hasContent("b from dropbear");
    }

    @Test
    void aMissingRemoteFileGivesTheServersMessageAndStatusOne() throws Exception {
        Path back = Files.createDirectories(dir.resolve("back"));

        assertThat(scpTypingThePassword("db:" + remote.resolve("nope"), back.toString())).isEqualTo("1");
        assertThat(Files.readString(stderr)).contains("nope").contains("No such file or directory");
        assertThat(back).isEmptyDirectory();
    }
}
