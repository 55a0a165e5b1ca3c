package org.javamiko.internal.keyformat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.javamiko.SshException;

/**
 * One armored block: {@code -----BEGIN LABEL-----}, optional RFC 1421 headers
 * ({@code Proc-Type}, {@code DEK-Info}), base64 body, {@code -----END LABEL-----}.
 *
 * @param label the label between BEGIN and the dashes, e.g. {@code RSA PRIVATE KEY}
 * @param headers the headers by name (empty when none)
 * @param body the decoded body
 */
public record PemBlock(String label, Map<String, String> headers, byte[] body) {

    /**
     * Finds the first block with the given label in the text.
     *
     * @param text the file's text
     * @param label e.g. {@code OPENSSH PRIVATE KEY}
     * @return the block
     * @throws SshException when the block is missing its end line or its base64 is broken
     */
    public static PemBlock find(String text, String label) throws SshException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        if (b < 0) {
            throw new SshException("No \"" + begin + "\" line");
        }
        int e = text.indexOf(end, b);
        if (e < 0) {
            throw new SshException("The key is truncated: no \"" + end + "\" line");
        }
        String[] lines = text.substring(b + begin.length(), e).split("\\r?\\n|\\r");
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base64 = new StringBuilder();
        String lastHeader = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (base64.length() == 0 && colon > 0) {
                lastHeader = line.substring(0, colon).strip();
                headers.put(lastHeader, line.substring(colon + 1).strip());
            } else if (base64.length() == 0 && lastHeader != null && Character.isWhitespace(raw.charAt(0))) {
                headers.merge(lastHeader, line, String::concat); // RFC 1421 continuation line
            } else {
                base64.append(line);
            }
        }
        try {
            return new PemBlock(label, Map.copyOf(headers), Base64.getMimeDecoder().decode(base64.toString()));
        } catch (IllegalArgumentException ex) {
            throw new SshException("The " + label + " block is not valid base64 (corrupt file?)", ex);
        }
    }
}
