package org.javamiko.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line splitting as OpenSSH's readconf.c and argv_split do it. */
class ConfigLineTest {
    private static ConfigLine parse(String line) throws ConfigSyntaxException {
        return ConfigLine.parse(line, "test", 1);
    }

    @Test
    void blankLinesAndCommentsAreNothing() throws ConfigSyntaxException {
        assertThat(parse("")).isNull();
        assertThat(parse("  \t ")).isNull();
        assertThat(parse("   # Host x")).isNull();
    }

    @Test
    void oneEqualsSignMaySeparateKeywordAndValue() throws ConfigSyntaxException {
        assertThat(parse("Port=22").arguments()).containsExactly("22");
        assertThat(parse("Port = 22").arguments()).containsExactly("22");
        assertThat(parse("Port =22").arguments()).containsExactly("22");
        assertThat(parse("Port==22").arguments()).containsExactly("=22");
    }

    @Test
    void keywordsAreLowerCased() throws ConfigSyntaxException {
        assertThat(parse("HostName x").keyword()).isEqualTo("hostname");
    }

    @Test
    void quotesGroupAndEscapesProtect() throws ConfigSyntaxException {
        assertThat(parse("SendEnv \"A B\" 'C D' E\\ F G\\\"H").arguments())
                .isEqualTo(List.of("A B", "C D", "E F", "G\"H"));
    }

    @Test
    void aHashStartingAnArgumentEndsTheLineButNotInsideOne() throws ConfigSyntaxException {
        assertThat(parse("User a#b # comment").arguments()).containsExactly("a#b");
    }

    @Test
    void theRawArgumentKeepsTheLineAsWrittenWithoutTrailingBlanks() throws ConfigSyntaxException {
        assertThat(parse("ProxyCommand  nc \"%h\"  %p \t\f").rawArgument()).isEqualTo("nc \"%h\"  %p");
    }
}
