package org.javamiko.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The small-file tree of the tree benchmark, made from a seed so that every run transfers the
 * same tree: {@value #TOP_DIRS} top-level directories of {@value #SUB_DIRS} subdirectories each,
 * the files spread at random over all of them, sizes log-uniform between {@value #MIN_SIZE} and
 * {@value #MAX_SIZE} bytes (as many files of 1–2 KiB as of 32–64 KiB), random contents.
 *
 * @param root where the tree is
 * @param dirs the directories relative to {@code root}, '/'-separated, parents before children
 * @param files the files, in creation order
 */
public record TreeLayout(Path root, List<String> dirs, List<TreeFile> files) {
    static final int TOP_DIRS = 10;
    static final int SUB_DIRS = 10;
    static final int MIN_SIZE = 1024;
    static final int MAX_SIZE = 64 * 1024;

    /**
     * One file of the tree.
     *
     * @param path relative to the root, '/'-separated
     * @param size in bytes
     */
    public record TreeFile(String path, int size) {
    }

    /** Writes a tree of {@code fileCount} files under {@code root}, which must not exist yet. */
    public static TreeLayout generate(Path root, int fileCount, long seed) throws IOException {
        if (fileCount < 1) {
            throw new IllegalArgumentException("a tree needs at least one file, not " + fileCount);
        }
        List<String> dirs = new ArrayList<>();
        for (int top = 0; top < TOP_DIRS; top++) {
            dirs.add(String.format(Locale.ROOT, "d%02d", top));
        }
        for (int top = 0; top < TOP_DIRS; top++) {
            for (int sub = 0; sub < SUB_DIRS; sub++) {
                dirs.add(String.format(Locale.ROOT, "d%02d/s%02d", top, sub));
            }
        }
        Files.createDirectory(root);
        for (String d : dirs) {
            Files.createDirectory(root.resolve(d));
        }
        SplittableRandom random = new SplittableRandom(seed);
        double logMin = Math.log(MIN_SIZE);
        double logMax = Math.log(MAX_SIZE);
        byte[] content = new byte[MAX_SIZE];
        List<TreeFile> files = new ArrayList<>(fileCount);
        for (int i = 0; i < fileCount; i++) {
            String dir = dirs.get(random.nextInt(dirs.size()));
            int size = (int) Math.min(MAX_SIZE, Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin))));
            TreeFile f = new TreeFile(String.format(Locale.ROOT, "%s/f%05d.bin", dir, i), size);
            random.nextBytes(content);
            try (OutputStream out = Files.newOutputStream(root.resolve(f.path()))) {
                out.write(content, 0, size);
            }
            files.add(f);
        }
        return new TreeLayout(root, List.copyOf(dirs), List.copyOf(files));
    }

    /** @return the directories grouped by depth, shallowest first, so each group's parents come earlier */
    public List<List<String>> dirsByDepth() {
        TreeMap<Integer, List<String>> byDepth = new TreeMap<>();
        for (String d : dirs) {
            int depth = d.split("/").length;
            byDepth.computeIfAbsent(depth, k -> new ArrayList<>()).add(d);
        }
        return new ArrayList<>(byDepth.values());
    }

    /** @return the sum of the file sizes */
    public long totalBytes() {
        long total = 0;
        for (TreeFile f : files) {
            total += f.size();
        }
        return total;
    }
}
