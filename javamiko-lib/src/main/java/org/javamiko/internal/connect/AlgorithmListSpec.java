package org.javamiko.internal.connect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.javamiko.transport.AlgorithmKind;
import java.util.regex.Pattern;
import org.javamiko.transport.SecurityOptions;

/**
 * An ssh_config algorithm list against javamiko's defaults: {@code a,b} exactly, {@code +a,b}
 * appended, {@code -a*} removed (patterns allowed), {@code ^a,b} put first.
 */
public final class AlgorithmListSpec {
    private AlgorithmListSpec() {
    }

    /**
     * @param kind the algorithm kind, as in {@code disabledAlgorithms}
     * @param value the config value: a list, or one that starts with +, - or ^
     * @return the list to offer
     */
    public static List<String> resolve(String kind, String value) {
        if (value.isEmpty() || "+-^".indexOf(value.charAt(0)) < 0) {
            return Arrays.asList(value.split(","));
        }
        List<String> defaults = new SecurityOptions().get(AlgorithmKind.fromKey(kind));
        List<String> named = Arrays.asList(value.substring(1).split(","));
        Set<String> result = new LinkedHashSet<>();
        switch (value.charAt(0)) {
            case '+' -> {
                result.addAll(defaults);
                result.addAll(named);
            }
            case '^' -> {
                result.addAll(named);
                result.addAll(defaults);
            }
            default -> defaults.stream().filter(name -> named.stream().noneMatch(p -> matches(p, name)))
                    .forEach(result::add);
        }
        return new ArrayList<>(result);
    }

    private static boolean matches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return name.matches(regex.toString());
    }
}
