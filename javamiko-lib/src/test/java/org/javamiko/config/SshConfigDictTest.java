package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshConfigDictTest {
    private static SshConfigDict dict() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("hostname", List.of("example.org"));
        values.put("port", List.of("2222"));
        values.put("compression", List.of("yes"));
        values.put("forwardagent", List.of("False"));
        values.put("controlmaster", List.of("auto"));
        values.put("identityfile", List.of("/k/one", "/k/two"));
        return new SshConfigDict(values);
    }

    @Test
    void keysAreCaseInsensitive() {
        assertThat(dict().get("HostName")).isEqualTo("example.org");
        assertThat(dict().containsKey("PORT")).isTrue();
    }

    @Test
    void anAbsentKeyIsNullOrTheDefault() {
        assertThat(dict().get("user")).isNull();
        assertThat(dict().getOrDefault("user", "me")).isEqualTo("me");
        assertThat(dict().getList("user")).isEmpty();
    }

    @Test
    void aMultiValuedKeyGivesAllValuesAndItsFirstThroughGet() {
        assertThat(dict().getList("identityfile")).containsExactly("/k/one", "/k/two");
        assertThat(dict().get("identityfile")).isEqualTo("/k/one");
    }

    @Test
    void aSingleValuedKeyIsAOneElementList() {
        assertThat(dict().getList("port")).containsExactly("2222");
    }

    @Test
    void numbersAndBooleansAreParsed() {
        assertThat(dict().getInt("port", 22)).isEqualTo(2222);
        assertThat(dict().getInt("connecttimeout", 10)).isEqualTo(10);
        assertThat(dict().getBoolean("compression", false)).isTrue();
        assertThat(dict().getBoolean("forwardagent", true)).isFalse();
        assertThat(dict().getBoolean("batchmode", true)).isTrue();
    }

    @Test
    void valuesThatAreNotNumbersOrBooleansAreRefused() {
        assertThatThrownBy(() -> dict().getInt("hostname", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("example.org");
        assertThatThrownBy(() -> dict().getBoolean("controlmaster", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto");
    }

    @Test
    void theMapCannotBeChanged() {
        assertThatThrownBy(() -> dict().asMap().put("user", List.of("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dict().getList("identityfile").add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dictsWithTheSameSettingsAreEqual() {
        assertThat(dict()).isEqualTo(dict()).hasSameHashCodeAs(dict());
    }
}
