package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;

import org.javamiko.testing.Connect;
import org.javamiko.testing.DropbearServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCP against Dropbear: its server runs the {@code scp} it finds on PATH (OpenSSH's here, as on
 * Debian) as the logged-in user, by password.
 */
class ScpDropbearTest {
    @RegisterExtension
    static final DropbearServer dropbear = DropbearServer.builder().build();

    @TempDir
    static Path keysDir;

    @TempDir
    Path local;

    /** Owned by the Dropbear user, under /tmp (a @TempDir is 0700 root). */
    Path remote;

    static SshClient client;
    static ScpClient scp;

    @BeforeAll
    static void connect() throws IOException {
        client = Connect.trusting(dropbear, keysDir);
        client.connect(dropbear.host(), ConnectOptions.builder().port(dropbear.port()).username(dropbear.user())
                .password(dropbear.password()).lookForKeys(false).allowAgent(false).build());
        scp = new ScpClient(client);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @BeforeEach
    void remoteDirectory() throws IOException {
        remote = dropbear.sharedDirectory(Files.createTempDirectory("javamiko-scp-dropbear"));
    }

    @AfterEach
    void removeRemote() throws IOException {
        try (Stream<Path> walk = Files.walk(remote)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aFileGoesUpAndComesBack() throws IOException {
        Path file = Files.writeString(local.resolve("hello.txt"), "hello dropbear\n");

        scp.put(file, remote.toString());
        assertThat(remote.resolve("hello.txt")).hasContent("hello dropbear");
        assertThat(Files.getOwner(remote.resolve("hello.txt")).getName()).isEqualTo(dropbear.user());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scp.getfo(remote.resolve("hello.txt").toString(), out);
        assertThat(out.toString()).isEqualTo("hello dropbear\n");
    }

    @Test
    void aTreeGoesUpRecursivelyWithTimesAndModes() throws IOException {
        Path tree = ScpOpenSshTest.sampleTree(local.resolve("site"));

        scp.put(List.of(tree), remote.toString(), ScpOptions.builder().recursive(true).preserveTimes(true).build());

        ScpOpenSshTest.assertSameTree(tree, remote.resolve("site"), true);
    }

    @Test
    void aTreeComesDownRecursivelyWithTimesAndModes() throws IOException {
        Path tree = ScpOpenSshTest.sampleTree(remote.resolve("site"));
        UserPrincipal owner = Files.getOwner(remote);
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.toList()) {
                Files.setOwner(p, owner);
            }
        }

        scp.get(tree.toString(), local.resolve("copy"), ScpOptions.builder().recursive(true).preserveTimes(true).build());

        ScpOpenSshTest.assertSameTree(tree, local.resolve("copy"), true);
    }

    @Test
    void aMissingFileFailsWithTheServersMessage() {
        String missing = remote.resolve("absent").toString();

        assertThatThrownBy(() -> scp.get(missing, local.resolve("x")))
                .isInstanceOfSatisfying(ScpException.class,
                        e -> assertThat(e.remoteMessage()).contains("No such file or directory"));
    }

    @Test
    void aPermissionProblemOnTheServerIsReported() throws IOException {
        Path file = Files.writeString(local.resolve("f"), "x");

        assertThatThrownBy(() -> scp.put(file, "/root/javamiko-should-not-exist"))
                .isInstanceOfSatisfying(ScpException.class,
                        e -> assertThat(e.remoteMessage()).contains("Permission denied"));
    }
}
