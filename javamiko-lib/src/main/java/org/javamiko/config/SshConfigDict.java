package org.javamiko.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings ssh_config gives one host: what {@link SshConfig#lookup(String)} returns, like
 * paramiko's SSHConfigDict. Immutable.
 *
 * <p>Keys are the keywords in lower case ({@code "hostname"}, {@code "user"}, {@code "port"},
 * {@code "identityfile"}...), for every keyword the file set, including ones javamiko does not know.
 * Most keywords have one value, a string; the {@link #MULTI_VALUED multi-valued} ones
 * ({@code identityfile}, {@code certificatefile}, {@code localforward}, {@code remoteforward},
 * {@code dynamicforward}, {@code sendenv}) collect every value, in order. {@code hostname} is always
 * present. Values are as written in the file, with quotes removed and tokens already expanded where
 * OpenSSH expands them ({@code ~}, {@code %h}, {@code %r}... in IdentityFile, ControlPath,
 * ProxyCommand and so on); defaults OpenSSH would fill in are not added.
 *
 * <pre>{@code
 * SshConfigDict host = SshConfig.fromPath(Path.of(System.getProperty("user.home"), ".ssh/config"))
 *         .lookup("build-box");
 * String hostname = host.get("hostname");          // e.g. "build-box.example.org"
 * int port = host.getInt("port", 22);
 * List<String> keys = host.getList("identityfile"); // e.g. ["/home/me/.ssh/id_build"]
 * boolean compress = host.getBoolean("compression", false);
 * }</pre>
 */
public final class SshConfigDict {

    /** The keywords that collect every value instead of keeping the first. */
    public static final Set<String> MULTI_VALUED = Set.of("identityfile", "certificatefile", "localforward",
            "remoteforward", "dynamicforward", "sendenv");

    private final Map<String, List<String>> values;

    SshConfigDict(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * The value of a keyword, or null if the configuration does not set it (like {@link Map#get}).
     * For a multi-valued keyword this is its first value.
     *
     * @param key the keyword, in any case
     * @return its (first) value, or null
     */
    public String get(String key) {
        List<String> list = values.get(normalize(key));
        return list == null ? null : list.get(0);
    }

    /**
     * The value of a keyword, or {@code defaultValue} if the configuration does not set it.
     *
     * @param key the keyword, in any case
     * @param defaultValue what to return when it is not set
     * @return its (first) value, or {@code defaultValue}
     */
    public String getOrDefault(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    /**
     * Every value of a keyword: all of them for a multi-valued keyword, the one value of any other
     * keyword as a one-element list, an empty list if it is not set.
     *
     * @param key the keyword, in any case
     * @return its values, in order; unmodifiable
     */
    public List<String> getList(String key) {
        return values.getOrDefault(normalize(key), List.of());
    }

    /**
     * Whether the configuration sets this keyword for the host.
     *
     * @param key the keyword, in any case
     * @return true when it is set
     */
    public boolean containsKey(String key) {
        return values.containsKey(normalize(key));
    }

    /**
     * A number-valued keyword such as {@code port} or {@code connecttimeout}.
     *
     * @param key the keyword, in any case
     * @param defaultValue what to return when it is not set
     * @return its value as a number, or {@code defaultValue}
     * @throws IllegalArgumentException if the value is not a decimal integer
     */
    public int getInt(String key, int defaultValue) {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is \"" + value + "\", not a number", e);
        }
    }

    /**
     * A yes/no keyword such as {@code compression} or {@code forwardagent}; {@code yes}/{@code true}
     * and {@code no}/{@code false} in any case.
     *
     * @param key the keyword, in any case
     * @param defaultValue what to return when it is not set
     * @return its value as a boolean, or {@code defaultValue}
     * @throws IllegalArgumentException for any other value (e.g. {@code ask} or {@code auto})
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true":
                return true;
            case "no", "false":
                return false;
            default:
                throw new IllegalArgumentException(key + " is \"" + value + "\", not yes or no");
        }
    }

    /**
     * Every keyword and its values, in the order first obtained.
     *
     * @return lower-case keyword to values; unmodifiable
     */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshConfigDict dict && dict.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "SshConfigDict" + values;
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
