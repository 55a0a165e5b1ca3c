package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.javamiko.SshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Include: where files are looked for, globbing, loops and unreadable files. */
class IncludeTest {
    @TempDir
    Path home;

    private LocalEnvironment local() {
        return FakeLocal.alice(home);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void relativePathsAreInDotSsh() throws IOException {
        write(".ssh/extra", "User from-dot-ssh\n");
        assertThat(SshConfig.fromText("Include extra\n", local()).lookup("h").get("user")).isEqualTo("from-dot-ssh");
    }

    @Test
    void tildeIsTheHomeDirectory() throws IOException {
        write("elsewhere/conf", "Port 2022\n");
        assertThat(SshConfig.fromText("Include ~/elsewhere/conf\n", local()).lookup("h").get("port"))
                .isEqualTo("2022");
    }

    @Test
    void globsMatchInSortedOrderSkippingDotFiles() throws IOException {
        write(".ssh/conf.d/20-b", "User second\nPort 2020\n");
        write(".ssh/conf.d/10-a", "User first\n");
        write(".ssh/conf.d/.05-hidden", "User hidden\nPort 2005\n");
        SshConfigDict dict = SshConfig.fromText("Include conf.d/*\n", local()).lookup("h");
        assertThat(dict.get("user")).isEqualTo("first");
        assertThat(dict.get("port")).isEqualTo("2020");
    }

    @Test
    void aPatternMatchingNothingIsIgnored() {
        assertThat(SshConfig.fromText("Include nothing-here/*\nUser u\n", local()).lookup("h").get("user"))
                .isEqualTo("u");
    }

    @Test
    void anIncludedFileCannotChangeTheIncludersBlock() throws IOException {
        write(".ssh/inner", "Host nomatch\n  Port 1\n");
        SshConfigDict dict = SshConfig.fromText("Host h\n  Include inner\n  User still-active\n", local())
                .lookup("h");
        assertThat(dict.get("user")).isEqualTo("still-active");
        assertThat(dict.containsKey("port")).isFalse();
    }

    @Test
    void anIncludeInAnInactiveBlockActivatesNothing() throws IOException {
        write(".ssh/inner", "Port 1\nHost *\n  User never\n");
        SshConfigDict dict = SshConfig.fromText("Host other\n  Include inner\n", local()).lookup("h");
        assertThat(dict.containsKey("port")).isFalse();
        assertThat(dict.containsKey("user")).isFalse();
    }

    @Test
    void aFileIncludingItselfIsReportedAsALoop() throws IOException {
        Path a = write(".ssh/a", "Include b\n");
        write(".ssh/b", "User x\nInclude a\n");
        assertThatThrownBy(() -> SshConfig.fromPath(a, local()))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("Include loop")
                .hasMessageContaining(home.resolve(".ssh/b") + " line 2");
    }

    @Test
    void aGlobMatchingTheIncluderIsALoopToo() throws IOException {
        Path self = write(".ssh/conf.d/self", "Include conf.d/*\n");
        assertThatThrownBy(() -> SshConfig.fromPath(self, local()))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("Include loop");
    }

    @Test
    void nestingDeeperThanOpenSshAllowsIsRefused() throws IOException {
        for (int i = 0; i < 20; i++) {
            write(".ssh/level" + i, "Include level" + (i + 1) + "\n");
        }
        write(".ssh/level20", "User deep\n");
        assertThatThrownBy(() -> SshConfig.fromPath(home.resolve(".ssh/level0"), local()))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("too many nested Includes");
    }

    @Test
    void anUnreadableIncludeNamesTheFile() throws IOException {
        Files.createDirectories(home.resolve(".ssh/a-directory"));
        Path config = write("config", "Include a-directory\n");
        assertThatThrownBy(() -> SshConfig.fromPath(config, local()))
                .isInstanceOf(SshException.class)
                .hasMessageContaining(config + " line 1")
                .hasMessageContaining("a-directory");
        assertThatThrownBy(() -> SshConfig.fromText("Include a-directory\n", local()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("a-directory");
    }

    @Test
    void anIncludedFileWritableByOthersIsRefused() throws IOException {
        Path shared = write(".ssh/shared", "ProxyCommand evil\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> SshConfig.fromText("Include shared\n", local()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Bad owner or permissions")
                .hasMessageContaining(shared.toString());
    }

    @Test
    void aSyntaxErrorInAnIncludedFileNamesThatFile() throws IOException {
        Path inner = write(".ssh/inner", "User ok\n\nPort\n");
        assertThatThrownBy(() -> SshConfig.fromText("Include inner\n", local()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(inner + " line 3");
    }

    @Test
    void hostPatternsOfIncludedFilesAreListed() throws IOException {
        write(".ssh/inner", "Host inner-*\n");
        assertThat(SshConfig.fromText("Host a b\nInclude inner\nHost *\n", local()).getHostnames())
                .containsExactly("a", "b", "inner-*", "*");
    }
}
