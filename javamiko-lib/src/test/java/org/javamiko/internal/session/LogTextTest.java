package org.javamiko.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Server texts are logged with their control characters escaped. */
class LogTextTest {
    @Test
    void controlCharactersAreEscaped() {
        assertThat(LogText.escape("ok\r\nfake log line\u001b[2J\u0000")).isEqualTo("ok\\r\\nfake log line\\u001b[2J\\u0000");
    }

    @Test
    void printableTextIsUnchanged() {
        String text = "Welcome — Grüße, 日本";
        assertThat(LogText.escape(text)).isSameAs(text);
    }
}
