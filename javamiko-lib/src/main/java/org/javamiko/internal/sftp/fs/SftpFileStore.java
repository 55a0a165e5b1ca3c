package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;

import org.javamiko.sftp.SftpStatVfs;

/**
 * The file system holding a path on the server, as {@code statvfs@openssh.com} describes it. The
 * figures are asked for on each call, so they are current. SFTP does not name mounts: the name
 * is the path the store was found from.
 */
final class SftpFileStore extends FileStore {
    private final SftpPath path;

    SftpFileStore(SftpPath path) {
        this.path = path;
    }

    private SftpStatVfs stat() throws IOException {
        return FileOperations.client(path).statvfs(FileOperations.remote(path));
    }

    @Override
    public String name() {
        return path.toAbsolutePath().toString();
    }

    @Override
    public String type() {
        return "sftp";
    }

    /** @return whether the server says the file system is mounted read-only; false when it cannot be asked */
    @Override
    public boolean isReadOnly() {
        try {
            return (stat().flags() & SftpStatVfs.ST_RDONLY) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long getTotalSpace() throws IOException {
        return stat().totalBytes();
    }

    @Override
    public long getUsableSpace() throws IOException {
        return stat().availableBytes();
    }

    @Override
    public long getUnallocatedSpace() throws IOException {
        SftpStatVfs s = stat();
        return s.freeBlocks() * s.fragmentSize();
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return type == BasicFileAttributeView.class || type == PosixFileAttributeView.class
                || type == FileOwnerAttributeView.class;
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return path.getFileSystem().supportedFileAttributeViews().contains(name);
    }

    /** @return null: there are no file store attribute views */
    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    /** Reads "totalSpace", "usableSpace" or "unallocatedSpace". */
    @Override
    public Object getAttribute(String attribute) throws IOException {
        return switch (attribute) {
            case "totalSpace" -> getTotalSpace();
            case "usableSpace" -> getUsableSpace();
            case "unallocatedSpace" -> getUnallocatedSpace();
            default -> throw new UnsupportedOperationException("no file store attribute \"" + attribute
                    + "\"; there are totalSpace, usableSpace and unallocatedSpace");
        };
    }
}
