package org.javamiko.internal.hostkeys;

import java.util.Base64;
import java.util.Optional;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Parses one {@code known_hosts} line: {@code [marker] hosts keytype base64-key [comment]}, the
 * fields separated by spaces or tabs, lines starting with {@code #} (after blanks) being comments.
 */
public final class KnownHostsLineParser {
    private KnownHostsLineParser() {
    }

    /**
     * @param line one line without its line terminator (a trailing CR is tolerated)
     * @return the entry; empty for a blank line or a comment
     * @throws MalformedKnownHostsLineException when the line is neither, nor a usable entry:
     *     an unknown marker, missing fields, a bad hashed name, a key that is not base64, or
     *     a key blob whose own type differs from the key type field
     */
    public static Optional<KnownHostsEntry> parse(String line) throws MalformedKnownHostsLineException {
        Fields fields = new Fields(line);
        String first = fields.next();
        if (first == null || first.startsWith("#")) {
            return Optional.empty();
        }
        Marker marker = Marker.NONE;
        String hostField = first;
        if (first.startsWith("@")) {
            marker = Marker.fromToken(first).orElseThrow(
                    () -> new MalformedKnownHostsLineException("unknown marker " + first));
            hostField = require(fields.next(), "host names after the marker");
        }
        HostPatternList hosts = HostPatternList.parse(hostField);
        String keyType = require(fields.next(), "key type");
        String base64Key = require(fields.next(), "key");
        checkBlobNamesType(base64Key, keyType);
        return Optional.of(new KnownHostsEntry(marker, hosts, keyType, base64Key, fields.rest()));
    }

    private static String require(String field, String what) throws MalformedKnownHostsLineException {
        if (field == null) {
            throw new MalformedKnownHostsLineException("line ends before the " + what);
        }
        return field;
    }

    /**
     * A key blob starts with its own type name; a line whose type field says otherwise is one
     * OpenSSH rejects too, and checking it here keeps such lines out of lookups even before the
     * rest of the blob is parsed.
     */
    private static void checkBlobNamesType(String base64Key, String keyType) throws MalformedKnownHostsLineException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            throw new MalformedKnownHostsLineException("key is not valid base64", e);
        }
        String blobType;
        try {
            blobType = new SshBuffer(blob, 0, blob.length).getStringUtf8();
        } catch (SshException e) {
            throw new MalformedKnownHostsLineException("key blob is truncated before its type name", e);
        }
        if (!blobType.equals(keyType)) {
            throw new MalformedKnownHostsLineException(
                    "key type field " + keyType + " does not match the key blob's type " + blobType);
        }
    }

    /** Splits a line into blank-separated fields, leaving the remainder for the comment. */
    private static final class Fields {
        private final String line;
        private int pos;

        Fields(String line) {
            this.line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }

        String next() {
            skipBlanks();
            if (pos == line.length()) {
                return null;
            }
            int start = pos;
            while (pos < line.length() && !isBlank(line.charAt(pos))) {
                pos++;
            }
            return line.substring(start, pos);
        }

        String rest() {
            skipBlanks();
            return line.substring(pos).strip();
        }

        private void skipBlanks() {
            while (pos < line.length() && isBlank(line.charAt(pos))) {
                pos++;
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }
    }
}
