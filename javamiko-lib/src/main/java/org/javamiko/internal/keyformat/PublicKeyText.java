package org.javamiko.internal.keyformat;

import java.util.Base64;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * Public keys as text: one-line {@code .pub} / {@code authorized_keys} entries, with or without an
 * options prefix, and RFC 4716 {@code ---- BEGIN SSH2 PUBLIC KEY ----} blocks. They give the blob
 * (which may be a certificate) and the comment; the caller decodes the blob.
 */
public final class PublicKeyText {
    private PublicKeyText() {
    }

    /**
     * One public key as text holds it.
     *
     * @param blob the key or certificate blob, SSH wire format
     * @param comment the comment, empty when none
     */
    public record Entry(byte[] blob, String comment) {
    }

    /** Lines longer than this are not keys: a 16384-bit RSA certificate line is under 6 KiB. */
    private static final int MAX_LINE = 64 * 1024;

    /**
     * Parses {@code [options] type base64 [comment]}.
     *
     * @param line one line
     * @return the key blob and the line's comment
     * @throws SshException when the line holds no key
     */
    public static Entry parseLine(String line) throws SshException {
        if (line == null || line.isBlank()) {
            throw new SshException("Empty public key line");
        }
        if (line.length() > MAX_LINE) {
            throw new SshException("Public key line too long (" + line.length() + " characters)");
        }
        String s = line.strip();
        Entry key = tryKeyAt(s);
        if (key == null) {
            key = tryKeyAt(skipOptions(s));
        }
        if (key == null) {
            throw new SshException("Not a public key line (expected \"type base64 [comment]\"): " + abbreviate(s));
        }
        return key;
    }

    /**
     * Parses an RFC 4716 block ({@code ---- BEGIN SSH2 PUBLIC KEY ----}), headers and all.
     *
     * @param text the whole block
     * @return the key blob, and the comment from a {@code Comment:} header
     * @throws SshException when the block is malformed
     */
    public static Entry parseRfc4716(String text) throws SshException {
        String[] lines = text.split("\\r?\\n");
        int i = 0;
        while (i < lines.length && !lines[i].strip().equals("---- BEGIN SSH2 PUBLIC KEY ----")) {
            i++;
        }
        if (i == lines.length) {
            throw new SshException("No \"---- BEGIN SSH2 PUBLIC KEY ----\" line");
        }
        i++;
        String comment = "";
        StringBuilder body = new StringBuilder();
        boolean ended = false;
        while (i < lines.length) {
            String l = lines[i++].strip();
            if (l.equals("---- END SSH2 PUBLIC KEY ----")) {
                ended = true;
                break;
            }
            if (body.length() == 0 && l.contains(":")) {
                // A header, possibly continued on following lines ending in a backslash (RFC 4716 §3.3).
                StringBuilder header = new StringBuilder(l);
                while (header.length() > 0 && header.charAt(header.length() - 1) == '\\' && i < lines.length) {
                    header.setLength(header.length() - 1);
                    header.append(lines[i++].strip());
                }
                int colon = header.indexOf(":");
                String name = header.substring(0, colon).strip();
                String value = header.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Comment")) {
                    comment = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value;
                }
                continue;
            }
            body.append(l);
        }
        if (!ended) {
            throw new SshException("The SSH2 public key block has no \"---- END SSH2 PUBLIC KEY ----\" line");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw new SshException("The SSH2 public key block is not valid base64: " + e.getMessage(), e);
        }
        return new Entry(blob, comment);
    }

    /** @return the key if {@code s} starts with "type base64", else null */
    private static Entry tryKeyAt(String s) {
        String[] parts = s.split("\\s+", 3);
        if (parts.length < 2) {
            return null;
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String blobType;
        try {
            blobType = SshBuffer.wrap(blob).getStringUtf8();
        } catch (SshException e) {
            return null;
        }
        if (!blobType.equals(parts[0])) {
            return null;
        }
        return new Entry(blob, parts.length == 3 ? parts[2].strip() : "");
    }

    /** Skips an authorized_keys options field: up to the first whitespace outside double quotes. */
    private static String skipOptions(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                return s.substring(i).strip();
            }
        }
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? "\"" + s + "\"" : "\"" + s.substring(0, 40) + "…\"";
    }
}
