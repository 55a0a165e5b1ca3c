package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobPatternTest {

    private static boolean matches(String pattern, String host) {
        return GlobPattern.parse(pattern).matches(new HostQuery(host));
    }

    @Test
    void plainNameMatchesItselfOnly() {
        assertThat(matches("foo.example.com", "foo.example.com")).isTrue();
        assertThat(matches("foo.example.com", "foo.example.co")).isFalse();
        assertThat(matches("foo.example.com", "xfoo.example.com")).isFalse();
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(matches("Foo.Example.COM", "foo.example.com")).isTrue();
        assertThat(matches("foo.example.com", "FOO.example.com")).isTrue();
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        assertThat(matches("*.example.com", "a.b.example.com")).isTrue();
        assertThat(matches("*.example.com", ".example.com")).isTrue();
        assertThat(matches("*.example.com", "example.com")).isFalse();
        assertThat(matches("*", "anything")).isTrue();
        assertThat(matches("a*b*c", "aXXbYYc")).isTrue();
        assertThat(matches("a*b*c", "aXXbYY")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(matches("host?.example.com", "host1.example.com")).isTrue();
        assertThat(matches("host?.example.com", "host.example.com")).isFalse();
        assertThat(matches("host?.example.com", "host12.example.com")).isFalse();
    }

    @Test
    void bracketsArePlainCharactersSoPortEntriesMatchLiterally() {
        assertThat(matches("[foo.example.com]:2222", "[foo.example.com]:2222")).isTrue();
        assertThat(matches("[foo.example.com]:2222", "[foo.example.com]:22")).isFalse();
        assertThat(matches("foo.example.com", "[foo.example.com]:2222")).isFalse();
        assertThat(matches("[*.example.com]:*", "[foo.example.com]:2222")).isTrue();
        assertThat(matches("*.example.com", "[foo.example.com]:2222")).isFalse();
    }

    @Test
    void negatedPatternMatchesWhatItNegatesAndSaysSo() {
        GlobPattern pattern = GlobPattern.parse("!bad.example.com");
        assertThat(pattern.negated()).isTrue();
        assertThat(pattern.matches(new HostQuery("bad.example.com"))).isTrue();
        assertThat(pattern.text()).isEqualTo("!bad.example.com");
    }

    @Test
    void manyStarsAgainstANonMatchingLongNameStayCheap() {
        String pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
        String host = "a".repeat(2000);
        assertThat(matches(pattern, host)).isFalse();
    }

    @Test
    void namesExactlyOnlyTheSameTextNotThroughWildcards() {
        assertThat(GlobPattern.parse("Foo.example.com").namesExactly(new HostQuery("foo.example.com"))).isTrue();
        assertThat(GlobPattern.parse("*.example.com").namesExactly(new HostQuery("foo.example.com"))).isFalse();
        assertThat(GlobPattern.parse("!foo.example.com").namesExactly(new HostQuery("foo.example.com"))).isFalse();
    }
}
