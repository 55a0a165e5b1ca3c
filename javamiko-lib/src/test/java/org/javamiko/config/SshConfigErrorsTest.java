package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.javamiko.SshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed configurations fail at load time with the file and line; bad values fail at lookup. */
class SshConfigErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aKeywordWithoutValueNamesFileAndLine() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, "# comment\nHost x\n  lolwut\n");
        assertThatThrownBy(() -> SshConfig.fromPath(file))
                .isInstanceOf(SshException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("lolwut");
    }

    @Test
    void fromTextReportsMalformedLinesAsIllegalArgument() {
        assertThatThrownBy(() -> SshConfig.fromText("User a\nCanonicalDomains\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("canonicaldomains");
    }

    @Test
    void anUnclosedQuoteIsReported() {
        assertThatThrownBy(() -> SshConfig.fromText("IdentityFile \"/no/end\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("quotes");
    }

    @Test
    void aCommentInPlaceOfTheValueIsAMissingArgument() {
        assertThatThrownBy(() -> SshConfig.fromText("User # nobody\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing argument");
    }

    @Test
    void aMatchCriterionWithoutArgumentIsReported() {
        assertThatThrownBy(() -> SshConfig.fromText("Match exec\n  User x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1: missing Match criteria for exec");
        assertThatThrownBy(() -> SshConfig.fromText("Match host a user\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing Match criteria for user");
    }

    @Test
    void allCannotFollowOrPrecedeOtherCriteria() {
        assertThatThrownBy(() -> SshConfig.fromText("Match all host x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> SshConfig.fromText("Match canonical final all\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be combined");
    }

    @Test
    void anUnknownMatchCriterionIsReported() {
        assertThatThrownBy(() -> SshConfig.fromText("\n\nMatch localnetwork 10.0.0.0/8\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("unsupported Match attribute localnetwork");
    }

    @Test
    void valuesThisLibraryReliesOnAreChecked() {
        assertThatThrownBy(() -> SshConfig.fromText("Port 0x10\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad port");
        assertThatThrownBy(() -> SshConfig.fromText("Port 70000\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad port");
        assertThatThrownBy(() -> SshConfig.fromText("CanonicalizeHostname maybe\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CanonicalizeHostname");
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> SshConfig.fromPath(dir.resolve("absent")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anUnknownTokenFailsTheLookupNamingKeywordAndToken() {
        SshConfig config = SshConfig.fromText("IdentityFile ~/.ssh/%q\n");
        assertThatThrownBy(() -> config.lookup("h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identityfile")
                .hasMessageContaining("%q");
    }

    @Test
    void anUnsetEnvironmentVariableFailsTheLookup() {
        SshConfig config = SshConfig.fromText("ControlPath ${JAVAMIKO_SURELY_UNSET_VARIABLE}/cp\n");
        assertThatThrownBy(() -> config.lookup("h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JAVAMIKO_SURELY_UNSET_VARIABLE");
    }

    @Test
    void hostNameTakesOnlyPercentH() {
        SshConfig config = SshConfig.fromText("HostName %r.example.org\n");
        assertThatThrownBy(() -> config.lookup("h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%r");
    }
}
