package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link java.nio.file.Files#readAttributes(java.nio.file.Path, String, java.nio.file.LinkOption...)}
 * and {@link java.nio.file.Files#setAttribute} by name: "view:name,name" or "view:*", the view
 * being "basic" (the default), "posix" or "owner".
 */
final class AttributeMaps {
    private static final Map<String, Function<SftpFileAttributes, Object>> BASIC = new LinkedHashMap<>();
    private static final Map<String, Function<SftpFileAttributes, Object>> POSIX = new LinkedHashMap<>();
    private static final Map<String, Function<SftpFileAttributes, Object>> OWNER = new LinkedHashMap<>();

    static {
        BASIC.put("lastModifiedTime", SftpFileAttributes::lastModifiedTime);
        BASIC.put("lastAccessTime", SftpFileAttributes::lastAccessTime);
        BASIC.put("creationTime", SftpFileAttributes::creationTime);
        BASIC.put("size", SftpFileAttributes::size);
        BASIC.put("isRegularFile", SftpFileAttributes::isRegularFile);
        BASIC.put("isDirectory", SftpFileAttributes::isDirectory);
        BASIC.put("isSymbolicLink", SftpFileAttributes::isSymbolicLink);
        BASIC.put("isOther", SftpFileAttributes::isOther);
        BASIC.put("fileKey", SftpFileAttributes::fileKey);
        OWNER.put("owner", SftpFileAttributes::owner);
        POSIX.putAll(BASIC);
        POSIX.putAll(OWNER);
        POSIX.put("permissions", SftpFileAttributes::permissions);
        POSIX.put("group", SftpFileAttributes::group);
    }

    private AttributeMaps() {
    }

    private static Map<String, Function<SftpFileAttributes, Object>> view(String name) {
        return switch (name) {
            case "basic" -> BASIC;
            case "posix" -> POSIX;
            case "owner" -> OWNER;
            default -> throw new UnsupportedOperationException("SFTP has no \"" + name
                    + "\" attribute view; it offers basic, posix and owner");
        };
    }

    /** @return the named attributes of {@code attrs} for a request like "posix:permissions,size" */
    static Map<String, Object> read(SftpFileAttributes attrs, String request) {
        int colon = request.indexOf(':');
        String viewName = colon < 0 ? "basic" : request.substring(0, colon);
        Map<String, Function<SftpFileAttributes, Object>> view = view(viewName);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : request.substring(colon + 1).split(",")) {
            if (name.equals("*")) {
                view.forEach((n, f) -> out.put(n, f.apply(attrs)));
                continue;
            }
            Function<SftpFileAttributes, Object> f = view.get(name);
            if (f == null) {
                throw new IllegalArgumentException("the " + viewName + " view has no attribute \"" + name
                        + "\"; it has " + view.keySet());
            }
            out.put(name, f.apply(attrs));
        }
        return out;
    }

    /** Sets one attribute named like "posix:permissions" through {@code v}. */
    @SuppressWarnings("unchecked")
    static void write(SftpAttributeView v, String attribute, Object value) throws IOException {
        int colon = attribute.indexOf(':');
        String viewName = colon < 0 ? "basic" : attribute.substring(0, colon);
        String name = attribute.substring(colon + 1);
        if (!view(viewName).containsKey(name)) {
            throw new IllegalArgumentException("the " + viewName + " view has no attribute \"" + name + "\"");
        }
        switch (name) {
            case "lastModifiedTime" -> v.setTimes((FileTime) value, null, null);
            case "lastAccessTime" -> v.setTimes(null, (FileTime) value, null);
            case "creationTime" -> v.setTimes(null, null, (FileTime) value);
            case "permissions" -> v.setPermissions((Set<PosixFilePermission>) value);
            case "owner" -> v.setOwner((UserPrincipal) value);
            case "group" -> v.setGroup((GroupPrincipal) value);
            default -> throw new IllegalArgumentException("\"" + name + "\" cannot be set; settable: "
                    + List.of("lastModifiedTime", "lastAccessTime", "permissions", "owner", "group"));
        }
    }
}
