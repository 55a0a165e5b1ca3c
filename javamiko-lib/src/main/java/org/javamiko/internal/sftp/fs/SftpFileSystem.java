package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.javamiko.sftp.SftpClient;

/**
 * The files of one SFTP session as a {@link FileSystem}. It either owns its connection (made by
 * {@link SftpFileSystemProvider#newFileSystem(URI, java.util.Map)}, closed with it) or borrows an
 * open {@link SftpClient} ({@link SftpClient#fileSystem()}, left open when this closes).
 */
public final class SftpFileSystem extends FileSystem {
    private static final Set<String> VIEWS = Set.of("basic", "posix", "owner");

    private final FileSystemProvider provider;
    private final SftpClient client;
    private final AutoCloseable owned;
    private final URI baseUri;
    private final SftpPath workingDirectory;
    private final Runnable onClose;
    private volatile boolean open = true;

    /**
     * @param client the session every operation goes through
     * @param owned closed when this file system closes (the connection it made), or null to leave
     *              the client open
     * @param baseUri {@code sftp://user@host:port}, or null when the address is unknown (a borrowed client)
     * @param onClose told once when this closes (the provider forgets it), may be null
     */
    public SftpFileSystem(FileSystemProvider provider, SftpClient client, AutoCloseable owned, URI baseUri,
                          Runnable onClose) throws IOException {
        this.provider = provider;
        this.client = client;
        this.owned = owned;
        this.baseUri = baseUri;
        this.onClose = onClose;
        String start = client.getcwd() != null ? client.getcwd() : client.normalize(".");
        this.workingDirectory = SftpPath.parse(this, start);
    }

    /** @return the client behind this file system; throws once it is closed */
    public SftpClient client() {
        if (!open) {
            throw new ClosedFileSystemException();
        }
        return client;
    }

    URI baseUri() {
        return baseUri;
    }

    SftpPath workingDirectory() {
        return workingDirectory;
    }

    /** Symbolic links followed in one toRealPath before giving up, as Linux's MAXSYMLINKS. */
    private static final int MAX_LINKS = 40;

    /**
     * toRealPath: the server's REALPATH, then, as long as the result is a symbolic link, its
     * target (MINA's REALPATH does not follow links, OpenSSH's does). Without following links,
     * the lexical normal form. Either way the file must exist.
     */
    SftpPath realPath(SftpPath path, LinkOption... options) throws IOException {
        SftpClient c = client();
        if (!FileOperations.follows(options)) {
            c.lstat(path.toAbsolutePath().toString());
            return path.toAbsolutePath().normalize();
        }
        SftpPath real = getPath(c.normalize(path.toAbsolutePath().toString()));
        for (int links = 0; c.lstat(real.toString()).isSymlink(); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null,
                        "more than " + MAX_LINKS + " symbolic links to follow");
            }
            SftpPath target = getPath(c.readlink(real.toString()));
            real = getPath(c.normalize(real.getParent().resolve(target).toString()));
        }
        return real;
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    /** Closes the connection if this file system made it; a borrowed client stays open. */
    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        if (onClose != null) {
            onClose.run();
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("closing the SFTP connection failed", e);
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(new SftpPath(this, true, new String[0]));
    }

    /** @return the store holding "/" when the server offers {@code statvfs@openssh.com}, else none */
    @Override
    public Iterable<FileStore> getFileStores() {
        SftpPath root = new SftpPath(this, true, new String[0]);
        return client().hasExtension(FileOperations.EXT_STATVFS) ? List.of(new SftpFileStore(root)) : List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return VIEWS;
    }

    @Override
    public SftpPath getPath(String first, String... more) {
        return SftpPath.parse(this, first, more);
    }

    /**
     * "glob:" and "regex:" as {@link FileSystems#getDefault()} reads them on a POSIX system, matched
     * against the path's text.
     */
    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a path matcher needs \"glob:\" or \"regex:\" before the pattern: "
                    + syntaxAndPattern);
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        if (syntax.equalsIgnoreCase("regex")) {
            Pattern re = Pattern.compile(pattern);
            return p -> re.matcher(p.toString()).matches();
        }
        if (!syntax.equalsIgnoreCase("glob")) {
            throw new UnsupportedOperationException("unknown path matcher syntax \"" + syntax + "\": use glob or regex");
        }
        // the default file system's glob, applied to our text as a path of its own
        PathMatcher local = FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
        return p -> local.matches(Path.of(p.toString()));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return NumericPrincipals.LOOKUP;
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("SFTP cannot watch for changes");
    }

    @Override
    public String toString() {
        return "SftpFileSystem[" + baseUri + "]";
    }
}
