package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups with a made-up local user, so the answers do not depend on who runs the tests. */
class SshConfigLookupTest {
    @TempDir
    Path home;

    private SshConfigDict lookup(String config, String host) {
        return SshConfig.fromText(config, FakeLocal.alice(home)).lookup(host);
    }

    @Test
    void paramikosRobeySampleGivesWhatParamikoGives() throws IOException {
        SshConfig config = SshConfig.fromPath(ParamikoConfigSamplesTest.DIR.resolve("robey"), FakeLocal.alice(home));
        assertThat(config.lookup("irc.danger.com").asMap()).isEqualTo(Map.of(
                "user", List.of("robey"),
                "identityfile", List.of(home.resolve(".ssh/id_rsa").toString()),
                "crazy", List.of("something dumb"),
                "hostname", List.of("irc.danger.com")));
        assertThat(config.lookup("spoo.example.com").get("port")).isEqualTo("3333");
        assertThat(config.lookup("spoo.example.com").get("user")).isEqualTo("robey");
    }

    @Test
    void hostnameDefaultsToTheNameLookedUp() {
        assertThat(lookup("User u\n", "plain").get("hostname")).isEqualTo("plain");
    }

    @Test
    void hostnameIsLowerCasedAsSshDoes() {
        assertThat(lookup("Port 22\n", "Mixed.Example.ORG").get("hostname")).isEqualTo("mixed.example.org");
    }

    @Test
    void matchExecRunsTheCommandWithTokensExpanded() {
        SshConfigDict dict = lookup("Match exec \"test %u-%h-%r = alice-target-alice\"\n  User matched\n", "target");
        assertThat(dict.get("user")).isEqualTo("matched");
    }

    @Test
    void matchExecIsNotRunOnceAnEarlierCriterionFailed() throws IOException {
        Path marker = home.resolve("marker");
        lookup("Match host other exec \"touch " + marker + "\"\n  User x\n", "target");
        assertThat(marker).doesNotExist();
        lookup("Match host target exec \"touch " + marker + "\"\n  User x\n", "target");
        assertThat(marker).exists();
    }

    @Test
    void negatedExecHoldsWhenTheCommandFails() {
        assertThat(lookup("Match !exec false\n  User negated\n", "h").get("user")).isEqualTo("negated");
        assertThat(lookup("Match !exec true\n  User negated\n", "h").containsKey("user")).isFalse();
    }

    @Test
    void matchUserSeesTheUserSetSoFarAndLocalUserTheLocalOne() {
        assertThat(lookup("User bob\nMatch user b*\n  Port 2001\n", "h").get("port")).isEqualTo("2001");
        assertThat(lookup("Match user alice\n  Port 2002\n", "h").get("port")).isEqualTo("2002");
        assertThat(lookup("User bob\nMatch localuser alice,!bob\n  Port 2003\n", "h").get("port")).isEqualTo("2003");
    }

    @Test
    void matchFinalRereadsTheFileForTheSubstitutedHostName() throws IOException {
        SshConfig config = SshConfig.fromPath(ParamikoConfigSamplesTest.DIR.resolve("match-final"),
                FakeLocal.alice(home));
        SshConfigDict dict = config.lookup("finally");
        assertThat(dict.get("hostname")).isEqualTo("finally.example.org");
        assertThat(dict.get("port")).isEqualTo("1001");
        assertThat(dict.get("proxyjump")).isEqualTo("jump");
        assertThat(config.lookup("jump").containsKey("proxyjump")).isFalse();
    }

    @Test
    void hostNameTokenIsTheNameGiven() {
        assertThat(lookup("HostName %h.internal\n", "db").get("hostname")).isEqualTo("db.internal");
    }

    @Test
    void pathTokensUseTheFinalHostUserAndPort() {
        SshConfigDict dict = lookup("Host db\n  HostName db.internal\n  User admin\n  Port 2200\n"
                + "IdentityFile ~/.ssh/%r@%h:%p-%n\n", "db");
        assertThat(dict.get("identityfile")).isEqualTo(home.resolve(".ssh/admin@db.internal:2200-db").toString());
    }

    @Test
    void localCommandIsLeftForConnectionTime() {
        assertThat(lookup("LocalCommand echo %h %T\n", "h").get("localcommand")).isEqualTo("echo %h %T");
    }

    @Test
    void proxyCommandKeepsTheLineAsWritten() {
        assertThat(lookup("ProxyCommand ssh -W '%h:%p'   gw # via gw\n", "h").get("proxycommand"))
                .isEqualTo("ssh -W 'h:22'   gw # via gw");
    }

    @Test
    void proxyCommandNoneIsDroppedButStillBlocksLaterValues() {
        SshConfigDict dict = lookup("ProxyCommand none\nProxyCommand nc %h %p\nProxyJump gw\n", "h");
        assertThat(dict.containsKey("proxycommand")).isFalse();
        assertThat(dict.containsKey("proxyjump")).isFalse();
    }

    @Test
    void unknownKeywordsAreKeptAsParamikoKeepsThem() {
        assertThat(lookup("FutureOption value one\n", "h").get("futureoption")).isEqualTo("value one");
    }

    @Test
    void aConfigurationCanBeReadFromAFileAndLookedUpRepeatedly() throws IOException {
        Path file = home.resolve("config");
        Files.writeString(file, "Host a\n  User ua\nHost b\n  User ub\n");
        SshConfig config = SshConfig.fromPath(file);
        assertThat(config.lookup("a").get("user")).isEqualTo("ua");
        assertThat(config.lookup("b").get("user")).isEqualTo("ub");
        assertThat(config.lookup("a").get("user")).isEqualTo("ua");
    }
}
