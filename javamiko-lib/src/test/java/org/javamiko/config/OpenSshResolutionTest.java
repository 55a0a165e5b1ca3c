package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.javamiko.testing.ExternalCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configurations written for the features paramiko's samples do not cover, each checked against ssh -G. */
class OpenSshResolutionTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSsh() {
        SshG.assumeInstalled();
    }

    private void assertLikeSsh(String config, String... hosts) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, config);
        for (String host : hosts) {
            SshG.assertResolvesLikeSsh(file, host);
        }
    }

    @Test
    void separatorsQuotesAndTrailingComments() throws IOException {
        assertLikeSsh("""
                Host a
                  Port=2200
                  HostName   =  a.example.org   # the real name
                  IdentityFile "/keys/with space/id"
                  IdentityFile /keys/plain\\ escaped
                \tCompression\tyes
                User=alice
                """, "a", "b");
    }

    @Test
    void hostLinesTakeSeveralPatternsWildcardsAndNegation() throws IOException {
        assertLikeSsh("""
                Host *.example.org !bad.example.org other
                  User wildcard
                Host ?ingle
                  Port 1001
                Host *
                  User fallback
                  Port 1002
                """, "good.example.org", "bad.example.org", "other", "single", "xsingle", "example.org");
    }

    @Test
    void hostLinesAreCaseSensitiveButMatchHostIsNot() throws IOException {
        assertLikeSsh("""
                Host MixedCase
                  User mixed
                Match host mixedcase
                  Port 2022
                """, "MixedCase", "mixedcase", "MIXEDCASE");
    }

    @Test
    void tokensInPathsAndRemoteCommand() throws IOException {
        assertLikeSsh("""
                Host t*
                  HostName real-%h.%%
                  User tok
                  Port 2022
                  HostKeyAlias alias-%h
                  ControlPath ~/cp/%C-%d-%h-%i-%k-%L-%l-%n-%p-%r-%u-%%-${HOME}
                  IdentityAgent ~/agent-%h-%r
                  UserKnownHostsFile ~/kh/%h %d/second-%p
                  RemoteCommand echo %h %r %n %p ~
                """, "tokens", "TOKENS");
    }

    @Test
    void identityFileTokensMatchThoseOfControlPath() throws IOException {
        // ssh -G prints IdentityFile unexpanded but expands ControlPath, and both take the same tokens.
        String template = "~/id-%C-%d-%h-%i-%k-%L-%l-%n-%p-%r-%u-%%-${HOME}";
        Path file = dir.resolve("config");
        Files.writeString(file, "HostName Real.%h\nUser idt\nIdentityFile " + template
                + "\nCertificateFile " + template + "\nControlPath " + template + "\n");
        SshConfigDict ours = SshConfig.fromPath(file).lookup("Host1");
        String sshControlPath = SshG.resolve(file, "Host1").settings().get("controlpath").get(0);
        assertThat(ours.get("identityfile")).isEqualTo(sshControlPath);
        assertThat(ours.get("certificatefile")).isEqualTo(sshControlPath);
    }

    @Test
    void proxyCommandTokensAreThoseSshRuns() throws IOException {
        Path ran = dir.resolve("ran");
        Path file = dir.resolve("config");
        Files.writeString(file, "Host P*\n  HostName Target.%h\n  User pu\n  Port 2201\n"
                + "  ProxyCommand /bin/sh -c 'echo \"%h %p %r %n %%\" > " + ran + "'\n");
        ExternalCommand.of("ssh", "-F", file.toString(), "-o", "BatchMode=yes", "Proxy1", "true")
                .timeout(Duration.ofSeconds(30)).run();
        String command = SshConfig.fromPath(file).lookup("Proxy1").get("proxycommand");
        ExternalCommand.of("/bin/sh", "-c", command.replace(ran.toString(), ran + ".ours"))
                .timeout(Duration.ofSeconds(30)).run().requireSuccess();
        assertThat(Files.readString(Path.of(ran + ".ours"))).isEqualTo(Files.readString(ran));
    }

    @Test
    void multiValuedKeywordsCollectAndSendEnvRemoves() throws IOException {
        assertLikeSsh("""
                Host m
                  IdentityFile /k/one
                  SendEnv LANG LC_* FOO
                  LocalForward 8080 localhost:80
                  RemoteForward 9090 localhost:90
                  DynamicForward 1080
                Host *
                  IdentityFile /k/two
                  IdentityFile /k/one
                  SendEnv -LC_* BAR
                  CertificateFile /k/one-cert.pub
                """, "m", "n");
    }

    @Test
    void finalPassAddsSettingsForTheCanonicalNameWithoutDuplicatingLists() throws IOException {
        assertLikeSsh("""
                CanonicalizeHostname yes
                CanonicalDomains invalid
                IdentityFile /k/base
                SendEnv BASE
                Host short
                  HostName Long.Name
                Host long.name
                  User from-final-pass
                Match canonical host long.name
                  Port 4022
                """, "short", "other");
    }

    @Test
    void firstOfProxyJumpAndProxyCommandWinsAndNoneBlocksBoth() throws IOException {
        assertLikeSsh("""
                Host jump-first
                  ProxyJump gateway
                  ProxyCommand nc %h %p
                Host command-first
                  ProxyCommand nc %h %p
                  ProxyJump gateway
                Host none-first
                  ProxyCommand none
                Host *
                  ProxyJump late
                """, "jump-first", "command-first", "none-first");
    }

    @Test
    void includesWithGlobsApplyInTheIncludersBlockOnly() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(conf.resolve("10-users"), "User included\nHost inner\n  Port 2300\n");
        Files.writeString(conf.resolve("20-more"), "Compression yes\nMatch host nowhere\n");
        Files.writeString(conf.resolve(".hidden"), "Port 9999\n");
        assertLikeSsh("Host inc*\n  Include " + conf + "/*\n  ForwardAgent yes\nHost other\n  Include "
                + conf + "/1*\n  ForwardX11 yes\n", "inc", "inner", "other");
    }

    @Test
    void matchCriteriaCombineUserLocalUserAndExec() throws IOException {
        String me = System.getProperty("user.name");
        assertLikeSsh("Match localuser " + me + " exec \"test %h = ex\"\n  User exec-ok\n"
                + "Match user exec-ok !exec false\n  Port 2444\n"
                + "Match !localuser " + me + "\n  Compression yes\n", "ex", "other");
    }

    @Test
    void aMatchFinalInAnInactiveIncludeStillRequestsTheFinalPass() throws IOException {
        Path inner = dir.resolve("inner");
        Files.writeString(inner, "Match final\n  User never\n");
        assertLikeSsh("Host nomatch\n  Include " + inner + "\nHost x\n  HostName x.final\nHost x.final\n  Port 2345\n",
                "x");
    }

    @Test
    void theSystemConfigurationResolvesLikeSsh() throws IOException {
        Path system = Path.of("/etc/ssh/ssh_config");
        assumeTrue(Files.isReadable(system), "no /etc/ssh/ssh_config here");
        SshG.assertResolvesLikeSsh(system, "anyhost");
    }

    @Test
    void specialValuesPassThroughExpansion() throws IOException {
        assertLikeSsh("""
                Host a
                  IdentityAgent $SSH_AUTH_SOCK
                  ControlPath none
                  UserKnownHostsFile none
                  GlobalKnownHostsFile ~/global %h
                  ForwardAgent ~/agent-%h.sock
                Host b
                  IdentityAgent none
                  ControlPath ~/.ssh/cm-%r@%h:%p
                  ProxyJump alice@gw.example.org:2222,gw2
                """, "a", "b");
    }

    @Test
    void canonicalisationSettingsCannotComeFromTheFinalPass() throws IOException {
        // ssh fills in their defaults between the passes.
        assertLikeSsh("""
                Match final
                  CanonicalizeHostname yes
                  CanonicalizeMaxDots 0
                  CanonicalizeFallbackLocal no
                  User from-final
                """, "a", "b.x");
    }
}
