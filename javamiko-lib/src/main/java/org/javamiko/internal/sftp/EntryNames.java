package org.javamiko.internal.sftp;

/**
 * The names a server lists in a directory are not trusted: each is resolved against the
 * directory listed, so a name holding a '/' ({@code /etc/passwd}, {@code a/../../x}) or naming the
 * parent would lead a recursive copy or a {@link java.nio.file.Files#walk walk} out of it (the
 * class of CVE-2019-6111). Only plain names pass.
 */
public final class EntryNames {
    private EntryNames() {
    }

    /** @return whether {@code name} is "." or "..", which every listing drops without a word */
    public static boolean isSelfOrParent(String name) {
        return name.equals(".") || name.equals("..");
    }

    /** @return whether {@code name} names one entry inside the directory: not empty, no '/', no NUL, not "." or ".." */
    public static boolean isPlain(String name) {
        return !name.isEmpty() && !isSelfOrParent(name) && name.indexOf('/') < 0 && name.indexOf('\0') < 0;
    }
}
