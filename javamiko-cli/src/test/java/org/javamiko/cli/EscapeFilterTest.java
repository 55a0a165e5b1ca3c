package org.javamiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** ssh's escapes: only right after a newline (or first of all). */
class EscapeFilterTest {
    private final EscapeFilter filter = new EscapeFilter();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private EscapeFilter.Action type(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return filter.filter(b, b.length, sent);
    }

    @Test
    void tildeDotAtTheStartDisconnects() {
        assertThat(type("~.")).isEqualTo(EscapeFilter.Action.DISCONNECT);
        assertThat(sent.size()).isZero();
    }

    @Test
    void tildeDotAfterEnterDisconnectsEvenAcrossReads() {
        assertThat(type("ls\r")).isEqualTo(EscapeFilter.Action.NONE);
        assertThat(type("~")).isEqualTo(EscapeFilter.Action.NONE);
        assertThat(type(".")).isEqualTo(EscapeFilter.Action.DISCONNECT);
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("ls\r");
    }

    @Test
    void tildeInsideALineIsSent() {
        assertThat(type("cd ~.")).isEqualTo(EscapeFilter.Action.NONE);
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("cd ~.");
    }

    @Test
    void doubleTildeSendsOneAndOtherCharactersSendBoth() {
        type("~~x\r~a");
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("~x\r~a");
    }

    @Test
    void tildeQuestionMarkAsksForHelp() {
        assertThat(type("~?")).isEqualTo(EscapeFilter.Action.HELP);
        assertThat(sent.size()).isZero();
    }
}
