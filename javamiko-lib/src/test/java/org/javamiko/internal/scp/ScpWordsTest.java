package org.javamiko.internal.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The remote command line, the name checks and record parsing, without a server. */
class ScpWordsTest {

    @Test
    void pathsAreSingleQuotedWithTildeLeftToTheShellAndDashesProtected() {
        assertThat(RemoteCommand.of("scp", "-t", false, false, false, "/srv/a b")).isEqualTo("scp -t '/srv/a b'");
        assertThat(RemoteCommand.of("scp", "-f", true, true, false, "it's")).isEqualTo("scp -r -p -f 'it'\\''s'");
        assertThat(RemoteCommand.of("scp", "-t", false, false, true, "~/x $y")).isEqualTo("scp -d -t ~/'x $y'");
        assertThat(RemoteCommand.of("scp", "-t", false, false, false, "~")).isEqualTo("scp -t ~");
        assertThat(RemoteCommand.of("/usr/bin/scp", "-t", false, false, false, "-rf")).isEqualTo("/usr/bin/scp -t -- '-rf'");
    }

    @Test
    void onlyPlainSingleNamesPass() {
        assertThat(ScpNames.problem("notes.txt")).isNull();
        assertThat(ScpNames.problem("..notes")).isNull();
        assertThat(ScpNames.problem("with space")).isNull();
        for (String bad : new String[] {"", ".", "..", "a/b", "/etc", "../x", "a\\b", "a\0b"}) {
            assertThat(ScpNames.problem(bad)).as(bad).isNotNull();
        }
        assertThat(ScpNames.child(Path.of("/tmp/t"), "x")).isEqualTo(Path.of("/tmp/t/x"));
    }

    @Test
    void theExpectedNameIsTheLastElementWithoutTrailingSlashes() {
        assertThat(ScpNames.baseName("/var/log/app/")).isEqualTo("app");
        assertThat(ScpNames.baseName("notes.txt")).isEqualTo("notes.txt");
        assertThat(ScpNames.baseName("~/a//")).isEqualTo("a");
    }

    @Test
    void recordsAreParsedStrictly() {
        assertThat(ControlRecord.parse(false, "0644 12 a b")).isEqualTo(new ControlRecord(false, 0644, 12, "a b"));
        assertThat(ControlRecord.parse(true, "2755 0 d")).isEqualTo(new ControlRecord(true, 02755, 0, "d"));
        for (String bad : new String[] {"", "0644", "0644 ", "0644 12", "0644 12x a", "0648 1 a", "10000 1 a",
                " 0644 1 a", "0644 -1 a", "0644 1234567890123456789 a"}) {
            assertThat(ControlRecord.parse(false, bad)).as(bad).isNull();
        }
        assertThat(ControlRecord.parseTimes("1 0 2 0")).containsExactly(1, 2);
        assertThat(ControlRecord.parseTimes("1 0 2")).isNull();
        assertThat(ControlRecord.parseTimes("1 1000000 2 0")).isNull();
        assertThat(ControlRecord.parseTimes("-1 0 2 0")).isNull();
    }
}
