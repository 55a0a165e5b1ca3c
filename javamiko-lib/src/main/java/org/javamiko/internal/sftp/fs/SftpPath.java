package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A path on an SFTP server, with POSIX semantics: "/" separates names, a leading "/" makes it
 * absolute, repeated and trailing slashes are dropped, "." and ".." stay until {@link #normalize()}.
 * Immutable; equal when the file system and the text are equal (case matters).
 */
public final class SftpPath implements Path {
    private final SftpFileSystem fs;
    private final boolean absolute;
    private final String[] names;
    private final String text;

    SftpPath(SftpFileSystem fs, boolean absolute, String[] names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = names;
        this.text = (absolute ? "/" : "") + String.join("/", names);
    }

    /** Parses {@code first} and {@code more} joined by "/". */
    static SftpPath parse(SftpFileSystem fs, String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String m : more) {
            if (!m.isEmpty()) {
                sb.append('/').append(m);
            }
        }
        String s = sb.toString();
        if (s.indexOf('\0') >= 0) {
            throw new InvalidPathException(s, "an SFTP path cannot hold a NUL character");
        }
        List<String> parts = new ArrayList<>();
        for (String p : s.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return new SftpPath(fs, s.startsWith("/"), parts.toArray(new String[0]));
    }

    /** @return {@code path} as one of ours, or a ProviderMismatchException */
    static SftpPath of(Path path) {
        Objects.requireNonNull(path, "path");
        if (path instanceof SftpPath p) {
            return p;
        }
        throw new ProviderMismatchException("not an SFTP path: " + path + " (" + path.getClass().getName() + ")");
    }

    @Override
    public SftpFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public SftpPath getRoot() {
        return absolute ? new SftpPath(fs, true, new String[0]) : null;
    }

    @Override
    public SftpPath getFileName() {
        return names.length == 0 ? null : new SftpPath(fs, false, new String[] {names[names.length - 1]});
    }

    @Override
    public SftpPath getParent() {
        if (names.length == 0 || (names.length == 1 && !absolute)) {
            return null;
        }
        return new SftpPath(fs, absolute, Arrays.copyOf(names, names.length - 1));
    }

    @Override
    public int getNameCount() {
        return names.length;
    }

    @Override
    public SftpPath getName(int index) {
        if (index < 0 || index >= names.length) {
            throw new IllegalArgumentException("name index " + index + " outside 0.." + (names.length - 1) + " of " + text);
        }
        return new SftpPath(fs, false, new String[] {names[index]});
    }

    @Override
    public SftpPath subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > names.length || beginIndex >= endIndex) {
            throw new IllegalArgumentException("subpath " + beginIndex + ".." + endIndex + " outside the "
                    + names.length + " names of " + text);
        }
        return new SftpPath(fs, false, Arrays.copyOfRange(names, beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof SftpPath o) || o.fs != fs || o.absolute != absolute || o.names.length > names.length) {
            return false;
        }
        return Arrays.equals(names, 0, o.names.length, o.names, 0, o.names.length);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof SftpPath o) || o.fs != fs || o.names.length > names.length) {
            return false;
        }
        if (o.absolute) {
            return equals(o);
        }
        int from = names.length - o.names.length;
        return Arrays.equals(names, from, names.length, o.names, 0, o.names.length);
    }

    /** Drops "." names and folds "name/.." pairs; ".." at the root of an absolute path is dropped. */
    @Override
    public SftpPath normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && absolute)) {
                out.add(n);
            }
        }
        return new SftpPath(fs, absolute, out.toArray(new String[0]));
    }

    @Override
    public SftpPath resolve(Path other) {
        SftpPath o = of(other);
        if (o.absolute) {
            return o;
        }
        if (o.names.length == 0) {
            return this;
        }
        String[] joined = Arrays.copyOf(names, names.length + o.names.length);
        System.arraycopy(o.names, 0, joined, names.length, o.names.length);
        return new SftpPath(fs, absolute, joined);
    }

    @Override
    public SftpPath resolve(String other) {
        return resolve(parse(fs, other));
    }

    @Override
    public SftpPath relativize(Path other) {
        SftpPath o = of(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + o + " against " + this
                    + ": one is absolute, the other relative");
        }
        int common = 0;
        while (common < names.length && common < o.names.length && names[common].equals(o.names[common])) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < names.length; i++) {
            out.add("..");
        }
        out.addAll(Arrays.asList(o.names).subList(common, o.names.length));
        return new SftpPath(fs, false, out.toArray(new String[0]));
    }

    /**
     * @return {@code sftp://user@host:port/absolute/path}, the names percent-encoded as needed;
     *         {@code sftp:/absolute/path} on a file system over a client whose address is unknown
     */
    @Override
    public URI toUri() {
        try {
            URI base = fs.baseUri();
            return new URI("sftp", base == null ? null : base.getAuthority(), toAbsolutePath().text, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot express " + text + " as a URI", e);
        }
    }

    /** Resolves a relative path against the server's start directory (the file system's working directory). */
    @Override
    public SftpPath toAbsolutePath() {
        return absolute ? this : fs.workingDirectory().resolve(this);
    }

    /**
     * The server's canonical form (SFTP REALPATH, which follows symbolic links on OpenSSH), or, with
     * {@link LinkOption#NOFOLLOW_LINKS}, the absolute normalized path. Either way the file must exist.
     */
    @Override
    public SftpPath toRealPath(LinkOption... options) throws IOException {
        return fs.realPath(this, options);
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("SFTP cannot watch for changes");
    }

    @Override
    public int compareTo(Path other) {
        return text.compareTo(of(other).text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SftpPath p && p.fs == fs && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
