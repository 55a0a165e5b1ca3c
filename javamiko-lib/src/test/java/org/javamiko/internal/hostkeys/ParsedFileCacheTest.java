package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known_hosts files parsed once per JVM while unchanged. */
class ParsedFileCacheTest {
    @TempDir
    Path dir;

    private final ParsedFileCache cache = new ParsedFileCache();
    private final AtomicInteger parses = new AtomicInteger();

    private List<HostKeyLine> read(Path file) throws IOException {
        return cache.read(file, f -> {
            parses.incrementAndGet();
            return Files.readAllLines(f).stream().map(line -> HostKeyLine.passThrough(RawLine.of(line))).toList();
        });
    }

    @Test
    void anUnchangedFileIsParsedOnceAndItsLinesShared() throws IOException {
        Path file = Files.writeString(dir.resolve("known_hosts"), "# a comment\n");

        List<HostKeyLine> first = read(file);
        List<HostKeyLine> second = read(file);

        assertThat(parses).hasValue(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void aFileThatGrewIsParsedAgain() throws IOException {
        Path file = Files.writeString(dir.resolve("known_hosts"), "# one\n");
        read(file);

        Files.writeString(file, "# two\n", StandardOpenOption.APPEND);

        assertThat(read(file)).hasSize(2);
        assertThat(parses).hasValue(2);
    }

    @Test
    void aFileReplacedByAnotherIsParsedAgain() throws IOException {
        Path file = Files.writeString(dir.resolve("known_hosts"), "# one\n");
        read(file);

        Path replacement = Files.writeString(dir.resolve("known_hosts.new"), "# two\n");
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(read(file)).hasSize(1);
        assertThat(parses).hasValue(2);
    }
}
