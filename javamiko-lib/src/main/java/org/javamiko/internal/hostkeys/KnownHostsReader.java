package org.javamiko.internal.hostkeys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.javamiko.keys.PKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code known_hosts} file into {@link HostKeyLine}s. A line that cannot be used (unknown
 * marker or key type, bad base64, truncated key, bad hashed name, invalid UTF-8) is logged at
 * DEBUG and kept as text: one bad line never makes the file unreadable.
 */
public final class KnownHostsReader {
    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsReader.class);
    private static final ParsedFileCache CACHE = new ParsedFileCache();

    private KnownHostsReader() {
    }

    /**
     * @param file the file
     * @return every line of it, in order (an immutable list, shared while the file is unchanged)
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    public static List<HostKeyLine> read(Path file) throws IOException {
        return CACHE.read(file, KnownHostsReader::parse);
    }

    private static List<HostKeyLine> parse(Path file) throws IOException {
        List<RawLine> rawLines = KnownHostsFiles.readLines(file);
        List<HostKeyLine> lines = new ArrayList<>(rawLines.size());
        for (int i = 0; i < rawLines.size(); i++) {
            lines.add(toHostKeyLine(file, i + 1, rawLines.get(i)));
        }
        return lines;
    }

    private static HostKeyLine toHostKeyLine(Path file, int lineNumber, RawLine raw) {
        try {
            Optional<KnownHostsEntry> entry = KnownHostsLineParser.parse(raw.text());
            if (entry.isEmpty()) {
                return HostKeyLine.passThrough(raw);
            }
            return HostKeyLine.loaded(raw, entry.get(), decodeKey(entry.get()));
        } catch (MalformedKnownHostsLineException e) {
            LOG.debug("{}:{}: skipping line: {}", file, lineNumber, e.getMessage());
            return HostKeyLine.passThrough(raw);
        }
    }

    /**
     * The key parser says whether the blob is a key we know. Its runtime exceptions are caught too:
     * whatever a hostile blob does to it, the rest of the file stays usable.
     */
    private static PKey decodeKey(KnownHostsEntry entry) throws MalformedKnownHostsLineException {
        PKey key;
        try {
            key = PKey.fromBlob(entry.keyBlob());
        } catch (IOException | RuntimeException e) {
            throw new MalformedKnownHostsLineException("unusable " + entry.keyType() + " key: " + e.getMessage(), e);
        }
        if (!key.getName().equals(entry.keyType())) {
            throw new MalformedKnownHostsLineException(
                    "key type field " + entry.keyType() + " does not match the key's type " + key.getName());
        }
        return key;
    }
}
