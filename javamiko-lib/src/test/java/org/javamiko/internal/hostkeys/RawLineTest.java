package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RawLineTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitThenJoinIsTheIdentity() {
        for (String content : List.of("", "\n", "a\nb\n", "a\nb", "a\r\n\r\nb\r\n", "\n\n\nx", "\u00ff\u00fe\n")) {
            assertThat(RawLine.join(RawLine.split(bytes(content)))).isEqualTo(bytes(content));
        }
    }

    @Test
    void lastLineWithoutNewlineIsUnterminated() {
        List<RawLine> lines = RawLine.split(bytes("a\nb"));
        assertThat(lines).containsExactly(new RawLine(bytes("a"), true), new RawLine(bytes("b"), false));
    }

    @Test
    void carriageReturnStaysInTheLine() {
        assertThat(RawLine.split(bytes("a\r\n"))).containsExactly(new RawLine(bytes("a\r"), true));
    }

    @Test
    void joinTerminatesAnUnterminatedLineWhenMoreFollow() {
        List<RawLine> lines = new ArrayList<>(RawLine.split(bytes("a\nb")));
        lines.add(RawLine.of("c"));
        assertThat(RawLine.join(lines)).isEqualTo(bytes("a\nb\nc\n"));
    }

    @Test
    void invalidUtf8HasNoText() {
        RawLine line = new RawLine(new byte[] {'#', ' ', (byte) 0xff}, true);
        assertThatThrownBy(line::text).isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void utf8TextIsDecoded() throws Exception {
        assertThat(RawLine.of("# café").text()).isEqualTo("# café");
    }
}
