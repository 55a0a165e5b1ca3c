package org.javamiko.internal.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.javamiko.config.SshConfigDict;

/** The config's values for one host, typed; every lookup answers "not set" when there is no config. */
public final class ConfigValues {
    private final SshConfigDict dict;

    /** @param dict the resolved config for one host, or null when there is no config */
    public ConfigValues(SshConfigDict dict) {
        this.dict = dict;
    }

    /** @return true when there is a config at all */
    public boolean present() {
        return dict != null;
    }

    /** @return true when the config sets {@code keyword} */
    public boolean has(String keyword) {
        return dict != null && dict.containsKey(keyword);
    }

    /** @return the keyword's value, or {@code fallback} */
    public String get(String keyword, String fallback) {
        return dict == null ? fallback : dict.getOrDefault(keyword, fallback);
    }

    /** @return the keyword's value as a number, or {@code fallback} */
    public int integer(String keyword, int fallback) {
        return dict == null ? fallback : dict.getInt(keyword, fallback);
    }

    /** @return the keyword's value as yes/no, or {@code fallback} */
    public boolean bool(String keyword, boolean fallback) {
        return dict == null ? fallback : dict.getBoolean(keyword, fallback);
    }

    /** ConnectTimeout and ServerAliveInterval: seconds, {@code none} meaning zero. */
    public Duration seconds(String keyword) {
        String value = get(keyword, "0");
        return value.equalsIgnoreCase("none") ? Duration.ZERO : Duration.ofSeconds(integer(keyword, 0));
    }

    /** @return the keyword's files in order, without {@code none} */
    public List<Path> paths(String keyword) {
        List<Path> files = new ArrayList<>();
        if (dict != null) {
            dict.getList(keyword).stream().filter(file -> !file.equalsIgnoreCase("none")).forEach(f -> files.add(path(f)));
        }
        return files;
    }

    /** @return every value of a multi-valued keyword (LocalForward...), in order; empty when unset */
    public List<String> list(String keyword) {
        return dict == null ? List.of() : dict.getList(keyword);
    }

    /** @return the keyword's comma-separated value, empty when unset */
    public List<String> commaList(String keyword) {
        String value = get(keyword, null);
        return value == null ? List.of() : Arrays.asList(value.split(","));
    }

    /** SetEnv: {@code NAME=value} pairs separated by spaces. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        String value = get("setenv", null);
        if (value != null) {
            for (String pair : value.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return env;
    }

    /** Whether {@code first} was obtained before {@code second} (the dictionary keeps that order). */
    public boolean firstOf(String first, String second) {
        for (String keyword : dict.asMap().keySet()) {
            if (keyword.equals(first) || keyword.equals(second)) {
                return keyword.equals(first);
            }
        }
        return true;
    }

    /** A path as written in the config; {@code ~} is the home directory (when the parser left it). */
    public static Path path(String file) {
        if (file.equals("~") || file.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + file.substring(1));
        }
        return Path.of(file);
    }
}
