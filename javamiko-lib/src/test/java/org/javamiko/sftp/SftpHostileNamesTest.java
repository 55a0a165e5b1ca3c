package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.javamiko.SshClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names a server lists are not trusted (the class of CVE-2019-6111): MINA SSHD's SFTP server,
 * scripted to rename entries of a directory as a hostile server would, lists them to every
 * listing path; only plain names come out.
 */
class SftpHostileNamesTest {
    /** Real files in the listed directory, and the name the hostile server gives each. */
    private static final Map<String, String> HOSTILE_NAMES = Map.of(
            "absolute", "/etc/passwd",
            "climbing", "a/../../escaped",
            "nul", "x\0y",
            "empty", "",
            "parent", "..");

    @RegisterExtension
    static final MinaServer mina = MinaServer.builder()
            .configure(s -> s.setSubsystemFactories(List.of(new HostileNames()))).build();

    @TempDir
    Path dir;

    private Path listed;

    /** MINA's SFTP subsystem, but an entry's name in a listing comes from {@link #HOSTILE_NAMES}. */
    private static final class HostileNames extends SftpSubsystemFactory {
        @Override
        public Command createSubsystem(ChannelSession channel) {
            return new SftpSubsystem(channel, this) {
                @Override
                protected String getShortName(Path f) throws IOException {
                    String name = super.getShortName(f);
                    return HOSTILE_NAMES.getOrDefault(name, name);
                }
            };
        }
    }

    @BeforeEach
    void makeTheDirectory() throws IOException {
        listed = Files.createDirectory(dir.resolve("listed"));
        Files.writeString(listed.resolve("plain"), "fine");
        for (String name : HOSTILE_NAMES.keySet()) {
            Files.writeString(listed.resolve(name), "hostile");
        }
    }

    private SshClient connect() throws IOException {
        return Connect.connected(mina, dir, KeySet.clientKeys().ed25519());
    }

    @Test
    void listdirKeepsOnlyPlainNames() throws Exception {
        try (SshClient client = connect(); SftpClient sftp = client.openSftp()) {
            assertThat(sftp.listdir(listed.toString())).containsExactly("plain");
        }
    }

    @Test
    void listdirAttrKeepsOnlyPlainNames() throws Exception {
        try (SshClient client = connect(); SftpClient sftp = client.openSftp()) {
            assertThat(sftp.listdirAttr(listed.toString())).extracting(SftpAttributes::getFilename)
                    .containsExactly("plain");
        }
    }

    @Test
    void aFileSystemListingNeverLeavesTheDirectory() throws Exception {
        try (SshClient client = connect(); SftpClient sftp = client.openSftp(); FileSystem fs = sftp.fileSystem();
             Stream<Path> entries = Files.list(fs.getPath(listed.toString()))) {
            List<String> seen = entries.map(Path::toString).collect(Collectors.toList());
            assertThat(seen).containsExactly(listed + "/plain");
        }
    }
}
