package org.javamiko.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a tree holds, to check a transfer: the number of regular files, their total size, and
 * one SHA-256 over every file's relative path, size and contents, in path order. Two trees
 * with the same digest have the same files at the same places with the same bytes.
 *
 * @param files regular files anywhere under the root
 * @param bytes their total size
 * @param sha256 hex digest over (path, 0, size as 8 bytes, contents) of each file, sorted by path
 */
public record TreeDigest(int files, long bytes, String sha256) {

    /** @return the digest of the tree under {@code root} */
    public static TreeDigest of(Path root) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> paths.add(relative(root, p)));
        }
        Collections.sort(paths);
        MessageDigest md = newSha256();
        byte[] buf = new byte[64 * 1024];
        long bytes = 0;
        for (String path : paths) {
            Path file = root.resolve(path);
            long size = Files.size(file);
            md.update(path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(ByteBuffer.allocate(Long.BYTES).putLong(size).array());
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            bytes += size;
        }
        return new TreeDigest(paths.size(), bytes, HexFormat.of().formatHex(md.digest()));
    }

    /** @throws IllegalStateException naming what differs, when {@code actual} is not this tree */
    public void check(String what, TreeDigest actual) {
        if (!equals(actual)) {
            throw new IllegalStateException(what + ": got " + actual.files + " files, " + actual.bytes
                    + " bytes, SHA-256 " + actual.sha256 + "; expected " + files + " files, " + bytes + " bytes, SHA-256 "
                    + sha256);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
