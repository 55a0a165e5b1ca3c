package org.javamiko.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.javamiko.SshException;

/**
 * Turns an Include argument into the files it names, as OpenSSH does for a user configuration:
 * {@code ~} is the home directory, a relative path lives in {@code ~/.ssh}, and each path element
 * may be a glob ({@code *}, {@code ?}, {@code [...]}); the matches come back sorted, a pattern that
 * matches nothing names no file, and {@code *} does not match a leading dot.
 */
final class IncludeResolver {
    private static final int MAX_MATCHES = 4096;

    private final Path home;

    IncludeResolver(Path home) {
        this.home = home;
    }

    List<Path> resolve(String pattern, String source, int lineNumber) throws IOException {
        Path anchored;
        try {
            anchored = anchor(pattern);
        } catch (InvalidPathException e) {
            throw new ConfigSyntaxException(source, lineNumber, "bad Include path " + pattern + ": " + e.getReason());
        }
        List<Path> current = List.of(anchored.getRoot());
        for (Path element : anchored.getRoot().relativize(anchored)) {
            String name = element.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!isGlob(name)) {
                    Path candidate = dir.resolve(name);
                    if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) || Files.exists(candidate)) {
                        next.add(candidate);
                    }
                } else if (Files.isDirectory(dir)) {
                    next.addAll(globIn(dir, name, source, lineNumber));
                }
                if (next.size() > MAX_MATCHES) {
                    throw new ConfigSyntaxException(source, lineNumber,
                            "Include " + pattern + " matches more than " + MAX_MATCHES + " files");
                }
            }
            current = next;
        }
        List<Path> sorted = new ArrayList<>(current);
        Collections.sort(sorted);
        return sorted;
    }

    /**
     * OpenSSH's secure_permissions check for included files: owned by root or by us, and writable by
     * nobody else, since an included file can run commands (ProxyCommand, Match exec).
     */
    void checkPermissions(Path file) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return; // no POSIX permissions here (Windows): nothing meaningful to check
        }
        String owner = attributes.owner().getName();
        boolean ownerOk = owner.equals("root") || owner.equals(System.getProperty("user.name"));
        boolean writableByOthers = attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE);
        if (!ownerOk || writableByOthers) {
            throw new SshException("Bad owner or permissions on included file " + file
                    + " (owner " + owner + ", " + PosixFilePermissions.toString(
                    attributes.permissions()) + "): it must belong to you or root and be writable by no one else");
        }
    }

    private Path anchor(String pattern) {
        if (pattern.equals("~")) {
            return home;
        }
        if (pattern.startsWith("~/")) {
            return home.resolve(pattern.substring(2));
        }
        Path path = Path.of(pattern);
        return path.isAbsolute() ? path : home.resolve(".ssh").resolve(pattern);
    }

    private static boolean isGlob(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    private static List<Path> globIn(Path dir, String pattern, String source, int lineNumber) throws IOException {
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("{", "\\{"));
        } catch (IllegalArgumentException e) {
            throw new ConfigSyntaxException(source, lineNumber, "bad Include pattern " + pattern + ": " + e.getMessage());
        }
        boolean dotAllowed = pattern.startsWith(".");
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((dotAllowed || !name.startsWith(".")) && matcher.matches(entry.getFileName())) {
                    matches.add(entry);
                }
                if (matches.size() > MAX_MATCHES) {
                    break;
                }
            }
        }
        return matches;
    }
}
