package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPatternsTest {
    @Test
    void starAndQuestionMarkMatchAsInOpenSsh() {
        assertThat(HostPatterns.matches("www.example.org", "*.example.org")).isTrue();
        assertThat(HostPatterns.matches("example.org", "*.example.org")).isFalse();
        assertThat(HostPatterns.matches("host1", "host?")).isTrue();
        assertThat(HostPatterns.matches("host12", "host?")).isFalse();
        assertThat(HostPatterns.matches("", "*")).isTrue();
    }

    @Test
    void manyStarsStayFast() {
        String text = "a".repeat(5000);
        assertThat(HostPatterns.matches(text, "*a*a*a*a*a*a*a*a*a*a*b")).isFalse();
    }

    @Test
    void listsNeedAPositiveMatchAndNoNegatedOne() {
        assertThat(HostPatterns.matchesList("goose", "goo*,!goof", true)).isTrue();
        assertThat(HostPatterns.matchesList("goof", "goo*,!goof", true)).isFalse();
        assertThat(HostPatterns.matchesList("other", "!goof", true)).isFalse();
    }

    @Test
    void hostNameListsIgnoreCaseButUserListsDoNot() {
        assertThat(HostPatterns.matchesList("WWW", "www", true)).isTrue();
        assertThat(HostPatterns.matchesList("Bob", "bob", false)).isFalse();
    }

    @Test
    void aNegatedHostPatternVetoesTheLine() {
        assertThat(HostPatterns.hostLineMatches("bad.example.org", List.of("*.example.org", "!bad.*"))).isFalse();
        assertThat(HostPatterns.hostLineMatches("ok.example.org", List.of("*.example.org", "!bad.*"))).isTrue();
        assertThat(HostPatterns.hostLineMatches("MixedCase", List.of("mixedcase"))).isFalse();
    }
}
