package org.javamiko.internal.scp;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The checks on every file name a server sends in a {@code C} or {@code D} record, before anything
 * is created: a name is one path element, never {@code .}, {@code ..}, empty, or containing
 * {@code /}, {@code \} or NUL (CVE-2018-20685, CVE-2019-6111), and the path it makes stays inside
 * the directory it is received into.
 */
public final class ScpNames {
    private ScpNames() {
    }

    /** @return why {@code name} is refused, or null when it is a safe single file name */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "an empty file name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "the file name '" + name + "'";
        }
        if (name.indexOf('/') >= 0) {
            return "a file name containing '/' (" + ScpStream.describe(name) + ")";
        }
        if (name.indexOf('\\') >= 0) {
            return "a file name containing '\\' (" + ScpStream.describe(name) + ")";
        }
        if (name.indexOf('\0') >= 0) {
            return "a file name containing NUL (" + ScpStream.describe(name) + ")";
        }
        return null;
    }

    /**
     * Resolves a checked name in {@code dir}, and checks that the result is a direct child of it
     * (the local file system may read names differently, e.g. Windows' {@code C:x}).
     *
     * @return the child, or null when it would not be a direct child of {@code dir}
     */
    public static Path child(Path dir, String name) {
        try {
            Path child = dir.resolve(name);
            Path normalDir = dir.toAbsolutePath().normalize();
            Path normalChild = child.toAbsolutePath().normalize();
            if (!normalDir.equals(normalChild.getParent()) || child.getFileName() == null
                    || !child.getFileName().toString().equals(name)) {
                return null;
            }
            return child;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * The name a source sends for {@code remotePath}: its last element, trailing slashes ignored
     * (as OpenSSH's source does).
     */
    public static String baseName(String remotePath) {
        String p = remotePath;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
