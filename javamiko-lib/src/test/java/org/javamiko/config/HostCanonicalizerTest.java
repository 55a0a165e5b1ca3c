package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CanonicalizeHostname with a resolver that knows a fixed set of names, on paramiko's samples
 * (the expectations are those of paramiko's test suite, which resolves paramiko.org for real).
 */
class HostCanonicalizerTest {
    private static final Path DIR = ParamikoConfigSamplesTest.DIR;

    @TempDir
    Path home;

    private SshConfigDict lookup(String sample, String host, String... resolvable) throws IOException {
        return SshConfig.fromPath(DIR.resolve(sample), FakeLocal.alice(home, resolvable)).lookup(host);
    }

    @Test
    void aShortNameIsQualifiedAndTheFinalPassMatchesTheQualifiedName() throws IOException {
        SshConfigDict dict = lookup("canon", "www", "www.paramiko.org.");
        assertThat(dict.get("hostname")).isEqualTo("www.paramiko.org");
        assertThat(dict.get("user")).isEqualTo("rando");
        assertThat(dict.getList("identityfile")).containsExactly("base.key", "canonicalized.key");
    }

    @Test
    void domainsAreTriedInOrderUntilOneResolves() throws IOException {
        assertThat(lookup("multi-canon-domains", "www", "www.paramiko.org.").get("hostname"))
                .isEqualTo("www.paramiko.org");
    }

    @Test
    void anUnresolvableNameFallsBackToItselfByDefault() throws IOException {
        SshConfigDict dict = lookup("fallback-yes", "www");
        assertThat(dict.get("hostname")).isEqualTo("www");
        assertThat(dict.containsKey("user")).isFalse();
    }

    @Test
    void anUnresolvableNameIsAnErrorWithoutFallback() {
        assertThatThrownBy(() -> lookup("fallback-no", "www"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(UnknownHostException.class)
                .hasMessageContaining("www");
    }

    @Test
    void namesWithMoreDotsThanCanonicalizeMaxDotsAreLeftAlone() throws IOException {
        assertThat(lookup("deep-canon", "sub.www", "sub.www.paramiko.org.").get("user")).isEqualTo("deep");
        assertThat(lookup("deep-canon", "subber.sub.www", "subber.sub.www.paramiko.org.").get("hostname"))
                .isEqualTo("subber.sub.www");
        assertThat(lookup("deep-canon-maxdots", "subber.sub.www", "subber.sub.www.paramiko.org.").get("user"))
                .isEqualTo("deeper");
        assertThat(lookup("zero-maxdots", "sub.www", "sub.www.paramiko.org.").get("hostname"))
                .isEqualTo("sub.www");
    }

    @Test
    void settingsFromAHostBlockCanTurnCanonicalisationOn() throws IOException {
        assertThat(lookup("canon-local", "www", "www.paramiko.org.").get("user")).isEqualTo("rando");
        assertThat(lookup("no-canon", "www", "www.paramiko.org.").get("hostname")).isEqualTo("www");
    }

    @Test
    void matchCanonicalHoldsOnlyOnTheFinalPass() throws IOException {
        assertThat(lookup("match-host-canonicalized", "www", "www.paramiko.org.").get("user")).isEqualTo("rand");
        assertThat(lookup("match-host-canonicalized", "docs", "docs.paramiko.org.").get("user")).isEqualTo("eric");
        assertThat(lookup("match-canonical-yes", "www", "www.paramiko.org.").get("user")).isEqualTo("hidden");
    }

    @Test
    void aTrailingDotMeansAlreadyQualified() {
        SshConfig config = SshConfig.fromText("CanonicalizeHostname yes\nCanonicalDomains example.org\n",
                FakeLocal.alice(home, "db.example.net."));
        assertThat(config.lookup("db.example.net.").get("hostname")).isEqualTo("db.example.net");
    }

    @Test
    void addressesAreNeverQualified() {
        SshConfig config = SshConfig.fromText("CanonicalizeHostname yes\nCanonicalDomains example.org\n",
                FakeLocal.alice(home, "10.0.0.1.example.org."));
        assertThat(config.lookup("10.0.0.1").get("hostname")).isEqualTo("10.0.0.1");
    }

    @Test
    void aProxyPreventsCanonicalisationUnlessAlways() {
        String proxied = "CanonicalDomains example.org\nProxyJump gateway\n";
        LocalEnvironment local = FakeLocal.alice(home, "db.example.org.");
        assertThat(SshConfig.fromText("CanonicalizeHostname yes\n" + proxied, local).lookup("db").get("hostname"))
                .isEqualTo("db");
        assertThat(SshConfig.fromText("CanonicalizeHostname always\n" + proxied, local).lookup("db")
                .get("hostname")).isEqualTo("db.example.org");
    }

    @Test
    void canonicalDomainsNoneStopsTheSearch() {
        SshConfig config = SshConfig.fromText("CanonicalizeHostname yes\nCanonicalDomains none example.org\n",
                FakeLocal.alice(home, "db.example.org."));
        assertThat(config.lookup("db").getList("hostname")).isEqualTo(List.of("db"));
    }
}
