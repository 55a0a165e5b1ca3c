package org.javamiko.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.javamiko.SshException;

/**
 * Reads ssh_config text into {@link ConfigEntry} lists, following Includes as it goes.
 *
 * <p>Every Include is read once, when the configuration is loaded, whether or not its block will
 * ever be active (OpenSSH also parses inactive includes, to report their errors). Nesting is bounded
 * at 16 levels like OpenSSH's, a file that includes itself (directly or not) is reported as a loop,
 * and the total number of included files read is capped so that no arrangement of Includes can make
 * loading take exponential time.
 */
final class ConfigParser {
    /** OpenSSH's READCONF_MAX_DEPTH. */
    static final int MAX_INCLUDE_DEPTH = 16;
    /** Files read through Includes per configuration, all depths together. */
    static final int MAX_INCLUDED_FILES = 512;
    /** Larger files are refused before they are read. */
    static final long MAX_FILE_BYTES = 4L << 20;

    private static final Set<String> YES_NO = Set.of("yes", "no", "true", "false");

    private final IncludeResolver includes;
    private final Deque<Path> includeChain = new ArrayDeque<>();
    private int includedFiles;

    ConfigParser(IncludeResolver includes) {
        this.includes = includes;
    }

    /** Reads a configuration file (not permission-checked: like {@code ssh -F}, the caller chose it). */
    List<ConfigEntry> parseFile(Path file) throws IOException {
        String text = readBounded(file);
        includeChain.push(realPathOf(file));
        try {
            return parseText(text, file.toString());
        } finally {
            includeChain.pop();
        }
    }

    /** Parses configuration text; {@code source} names it in error messages. */
    List<ConfigEntry> parseText(String text, String source) throws IOException {
        List<ConfigEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            ConfigLine line = ConfigLine.parse(lines[i], source, i + 1);
            if (line != null) {
                entries.add(toEntry(line, source));
            }
        }
        return List.copyOf(entries);
    }

    private ConfigEntry toEntry(ConfigLine line, String source) throws IOException {
        switch (line.keyword()) {
            case "host":
                for (String pattern : line.arguments()) {
                    if (pattern.isEmpty() || pattern.equals("!")) {
                        throw new ConfigSyntaxException(source, line.lineNumber(), "empty Host pattern");
                    }
                }
                return new ConfigEntry.HostLine(line.arguments());
            case "match":
                return new ConfigEntry.MatchLine(MatchCriterion.parseAll(line, source));
            case "include":
                return include(line, source);
            default:
                checkValue(line, source);
                return new ConfigEntry.Setting(line);
        }
    }

    /** Checks the values this package itself relies on, so a typo fails at load time with its line. */
    private static void checkValue(ConfigLine line, String source) throws ConfigSyntaxException {
        String value = line.arguments().get(0).toLowerCase(Locale.ROOT);
        switch (line.keyword()) {
            case "port":
                if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
                    throw new ConfigSyntaxException(source, line.lineNumber(), "bad port '" + value + "'");
                }
                break;
            case "canonicalizemaxdots":
                if (!value.matches("[0-9]{1,9}")) {
                    throw new ConfigSyntaxException(source, line.lineNumber(),
                            "CanonicalizeMaxDots must be a number, not '" + value + "'");
                }
                break;
            case "canonicalizehostname":
                if (!YES_NO.contains(value) && !value.equals("always")) {
                    throw new ConfigSyntaxException(source, line.lineNumber(),
                            "CanonicalizeHostname must be yes, no or always, not '" + value + "'");
                }
                break;
            case "canonicalizefallbacklocal":
                if (!YES_NO.contains(value)) {
                    throw new ConfigSyntaxException(source, line.lineNumber(),
                            "CanonicalizeFallbackLocal must be yes or no, not '" + value + "'");
                }
                break;
            default:
                break;
        }
    }

    private ConfigEntry include(ConfigLine line, String source) throws IOException {
        if (includeChain.size() > MAX_INCLUDE_DEPTH) {
            throw new ConfigSyntaxException(source, line.lineNumber(),
                    "too many nested Includes (more than " + MAX_INCLUDE_DEPTH + ")");
        }
        List<ConfigEntry.IncludedFile> files = new ArrayList<>();
        for (String pattern : line.arguments()) {
            for (Path file : includes.resolve(pattern, source, line.lineNumber())) {
                files.add(new ConfigEntry.IncludedFile(file, readIncluded(file, source, line.lineNumber())));
            }
        }
        return new ConfigEntry.Include(List.copyOf(files));
    }

    private List<ConfigEntry> readIncluded(Path file, String source, int lineNumber) throws IOException {
        if (++includedFiles > MAX_INCLUDED_FILES) {
            throw new ConfigSyntaxException(source, lineNumber,
                    "more than " + MAX_INCLUDED_FILES + " files read through Include");
        }
        Path real = realPathOf(file);
        if (includeChain.contains(real)) {
            throw new ConfigSyntaxException(source, lineNumber, "Include loop: " + file + " includes itself");
        }
        includes.checkPermissions(file);
        String text;
        try {
            text = readBounded(file);
        } catch (NoSuchFileException e) {
            return List.of(); // vanished between glob and read: OpenSSH skips ENOENT too
        } catch (IOException e) {
            throw new SshException(source + " line " + lineNumber
                    + ": cannot read included file " + file + ": " + describe(e), e);
        }
        includeChain.push(real);
        try {
            return parseText(text, file.toString());
        } finally {
            includeChain.pop();
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    private static Path realPathOf(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static String readBounded(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new SshException(file + " is " + size + " bytes; ssh_config files over "
                    + MAX_FILE_BYTES + " bytes are refused");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
