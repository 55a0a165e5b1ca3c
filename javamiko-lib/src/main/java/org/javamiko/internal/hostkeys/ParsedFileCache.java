package org.javamiko.internal.hostkeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The last known_hosts files read, parsed, for as long as they stay as they were (same file,
 * size and modification time). Every {@code SshClient} reads its known_hosts files once; a fleet
 * of a thousand clients, each reading the same thousand-line file, parsed a million lines (and
 * held a million keys: 900 MiB) before this cache. The lines are immutable, so clients share them.
 */
final class ParsedFileCache {
    /** Files kept; a client reads a few (user and system files), a JVM rarely more than a handful. */
    private static final int CAPACITY = 16;

    private record Stamp(Object fileKey, long size, FileTime modified) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime());
        }
    }

    private record Parsed(Stamp stamp, List<HostKeyLine> lines) {
    }

    private final Object parsing = new Object();
    private final Map<Path, Parsed> files = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Parsed> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Reads a file's lines, parsed. */
    @FunctionalInterface
    interface Parser {
        List<HostKeyLine> parse(Path file) throws IOException;
    }

    /**
     * @return the lines of {@code file}: the cached ones while it is unchanged, else freshly parsed
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    List<HostKeyLine> read(Path file, Parser parser) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        List<HostKeyLine> cached = cached(key, Stamp.of(key));
        if (cached != null) {
            return cached;
        }
        // One parse at a time: the clients a fleet connects at once all want the same file, and
        // each parsing its own copy kept as many copies as there were connects in parallel.
        synchronized (parsing) {
            Stamp before = Stamp.of(key);
            cached = cached(key, before);
            if (cached != null) {
                return cached;
            }
            List<HostKeyLine> lines = List.copyOf(parser.parse(file));
            // kept only when nothing changed while it was read: a writer in between makes it a one-off
            if (Objects.equals(Stamp.of(key), before)) {
                synchronized (files) {
                    files.put(key, new Parsed(before, lines));
                }
            }
            return lines;
        }
    }

    private List<HostKeyLine> cached(Path key, Stamp now) {
        synchronized (files) {
            Parsed cached = files.get(key);
            return cached != null && cached.stamp().equals(now) ? cached.lines() : null;
        }
    }
}
