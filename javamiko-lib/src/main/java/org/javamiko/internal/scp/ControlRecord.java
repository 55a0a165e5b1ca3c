package org.javamiko.internal.scp;

/**
 * A parsed {@code C} (file) or {@code D} (directory) record: {@code C0644 1234 name}.
 *
 * @param directory true for {@code D}
 * @param mode the permission bits, at most {@code 07777}
 * @param size the file size (0 for directories)
 * @param name the name exactly as sent (checked separately by {@link ScpNames})
 */
record ControlRecord(boolean directory, int mode, long size, String name) {

    /**
     * Parses the rest of a record line after its {@code C} or {@code D}.
     *
     * @return the record, or null when the line is malformed
     */
    static ControlRecord parse(boolean directory, String rest) {
        int i = 0;
        int mode = 0;
        while (i < rest.length() && rest.charAt(i) >= '0' && rest.charAt(i) <= '7') {
            mode = (mode << 3) | (rest.charAt(i) - '0');
            if (mode > 07777) {
                return null;
            }
            i++;
        }
        if (i == 0 || i >= rest.length() || rest.charAt(i) != ' ') {
            return null;
        }
        int sizeStart = ++i;
        while (i < rest.length() && rest.charAt(i) >= '0' && rest.charAt(i) <= '9') {
            i++;
        }
        if (i == sizeStart || i - sizeStart > 18 || i >= rest.length() || rest.charAt(i) != ' ') {
            return null;
        }
        long size = Long.parseLong(rest.substring(sizeStart, i));
        return new ControlRecord(directory, mode, size, rest.substring(i + 1));
    }

    /**
     * Parses the rest of a {@code T} line: {@code mtime musec atime ausec}.
     *
     * @return {mtime, atime} in seconds, or null when malformed
     */
    static long[] parseTimes(String rest) {
        String[] fields = rest.split(" ", -1);
        if (fields.length != 4) {
            return null;
        }
        long[] values = new long[4];
        for (int k = 0; k < 4; k++) {
            String f = fields[k];
            if (f.isEmpty() || f.length() > 18 || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            values[k] = Long.parseLong(f);
        }
        if (values[1] > 999_999 || values[3] > 999_999) {
            return null;
        }
        return new long[] {values[0], values[2]};
    }
}
