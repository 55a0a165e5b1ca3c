package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPatternListTest {

    private static boolean matches(String field, String host) throws Exception {
        return HostPatternList.parse(field).matches(new HostQuery(host));
    }

    @Test
    void anyNameOfACommaListMatches() throws Exception {
        String field = "a.example.com,b.example.com,10.0.0.1,[c.example.com]:2222";
        assertThat(matches(field, "a.example.com")).isTrue();
        assertThat(matches(field, "b.example.com")).isTrue();
        assertThat(matches(field, "10.0.0.1")).isTrue();
        assertThat(matches(field, "[c.example.com]:2222")).isTrue();
        assertThat(matches(field, "c.example.com")).isFalse();
    }

    @Test
    void negationWinsWhicheverComesFirst() throws Exception {
        assertThat(matches("*.example.com,!bad.example.com", "bad.example.com")).isFalse();
        assertThat(matches("!bad.example.com,*.example.com", "bad.example.com")).isFalse();
        assertThat(matches("*.example.com,!bad.example.com", "good.example.com")).isTrue();
    }

    @Test
    void negatedPatternsAloneMatchNothing() throws Exception {
        assertThat(matches("!bad.example.com", "good.example.com")).isFalse();
    }

    @Test
    void hashedNamesMayStandInACommaList() throws Exception {
        String field = "other.example.com,|1|BMsIC6cUIP2zBuXR3t2LRcJYjzM=|hpkJMysjTk/+zzUUzxQEa2ieq6c=";
        assertThat(matches(field, "foo.example.com")).isTrue();
        assertThat(matches(field, "other.example.com")).isTrue();
        assertThat(matches(field, "bar.example.com")).isFalse();
    }

    @Test
    void aBadHashedElementMakesTheFieldMalformed() {
        assertThatThrownBy(() -> HostPatternList.parse("ok.example.com,|1|garbage"))
                .isInstanceOf(MalformedKnownHostsLineException.class);
    }

    @Test
    void textIsKeptAsWritten() throws Exception {
        assertThat(HostPatternList.parse("B.example.com,*.x").text()).isEqualTo("B.example.com,*.x");
    }

    @Test
    void namesExactlyIgnoresWildcardElements() throws Exception {
        HostPatternList field = HostPatternList.parse("*.example.com,a.example.com");
        assertThat(field.namesExactly(new HostQuery("a.example.com"))).isTrue();
        assertThat(field.namesExactly(new HostQuery("b.example.com"))).isFalse();
    }
}
