package org.javamiko.internal.hostkeys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a file exactly as it was read: its bytes without the {@code \n} (a {@code \r} before
 * it stays part of the line), and whether a {@code \n} ended it (the last line of a file may lack
 * one). Keeping the bytes, not decoded text, is what lets a file round-trip byte for byte even
 * when a comment is not valid UTF-8.
 *
 * @param bytes the line's bytes, without the terminating {@code \n}
 * @param terminated whether the line ended with {@code \n}
 */
public record RawLine(byte[] bytes, boolean terminated) {

    /**
     * @param content a whole file
     * @return its lines, in order; an empty file has none
     */
    public static List<RawLine> split(byte[] content) {
        List<RawLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(new RawLine(Arrays.copyOfRange(content, start, i), true));
                start = i + 1;
            }
        }
        if (start < content.length) {
            lines.add(new RawLine(Arrays.copyOfRange(content, start, content.length), false));
        }
        return lines;
    }

    /**
     * Joins lines back into file content: each line followed by its \n, and a \n added after an
     * unterminated line when more lines follow (a file that lacked a final newline, merged with
     * another or appended to).
     *
     * @param lines the lines
     * @return the file content
     */
    public static byte[] join(List<RawLine> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            RawLine line = lines.get(i);
            out.writeBytes(line.bytes);
            if (line.terminated || i < lines.size() - 1) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /**
     * @param text a line of text without terminator
     * @return the line, encoded in UTF-8 and terminated
     */
    public static RawLine of(String text) {
        return new RawLine(text.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * @return the line as text
     * @throws MalformedKnownHostsLineException when it is not valid UTF-8
     */
    public String text() throws MalformedKnownHostsLineException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedKnownHostsLineException("line is not valid UTF-8", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawLine other && terminated == other.terminated && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Boolean.hashCode(terminated);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8) + (terminated ? "\\n" : "");
    }
}
