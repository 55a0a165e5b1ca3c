package org.javamiko.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings gathered so far during a lookup, with OpenSSH's rules for combining them: the first
 * value obtained wins, except for the multi-valued keywords, which collect every value.
 */
final class OptionSet {
    /** Keywords whose value is the rest of the line as written, for a shell to split. */
    static final Set<String> RAW_LINE_KEYWORDS = Set.of("proxycommand", "localcommand", "remotecommand",
            "knownhostscommand");

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> closed = new HashSet<>();

    /** Applies one setting from an active block. */
    void apply(ConfigLine line) {
        String key = line.keyword();
        if (closed.contains(key)) {
            return;
        }
        switch (key) {
            case "identityfile", "certificatefile", "localforward", "remoteforward", "dynamicforward" ->
                    // OpenSSH skips a repeated identity or forward (e.g. seen again on the final pass).
                    addUnique(key, line.joinedArguments());
            case "sendenv" -> sendEnv(line.arguments());
            case "proxycommand", "proxyjump" -> {
                // Whichever of the two comes first wins; "none" still claims the slot.
                if (!values.containsKey("proxycommand") && !values.containsKey("proxyjump")) {
                    put(key, key.equals("proxycommand") ? line.rawArgument() : line.joinedArguments());
                }
            }
            default -> {
                if (!values.containsKey(key)) {
                    put(key, RAW_LINE_KEYWORDS.contains(key) ? line.rawArgument() : line.joinedArguments());
                }
            }
        }
    }

    /**
     * Makes keys that are still unset stay unset: ssh fills in their defaults between its passes, so
     * later passes cannot set them any more.
     */
    void closeUnset(String... keys) {
        for (String key : keys) {
            if (!values.containsKey(key)) {
                closed.add(key);
            }
        }
    }

    /** The single value of a key, or null when no active block set it. */
    String get(String key) {
        List<String> list = values.get(key);
        return list == null ? null : list.get(0);
    }

    /** Sets a value regardless of what was there (HostName after %h expansion and canonicalisation). */
    void replace(String key, String value) {
        values.put(key, new ArrayList<>(List.of(value)));
    }

    /** A copy of everything gathered, in the order first obtained. */
    Map<String, List<String>> snapshot() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    private void put(String key, String value) {
        values.put(key, new ArrayList<>(List.of(value)));
    }

    private void addUnique(String key, String value) {
        List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** SendEnv adds patterns; {@code -pattern} removes those added so far that it matches. */
    private void sendEnv(List<String> arguments) {
        List<String> list = values.computeIfAbsent("sendenv", k -> new ArrayList<>());
        for (String argument : arguments) {
            if (argument.startsWith("-")) {
                list.removeIf(existing -> HostPatterns.matches(existing, argument.substring(1)));
            } else {
                list.add(argument);
            }
        }
        if (list.isEmpty()) {
            values.remove("sendenv");
        }
    }
}
