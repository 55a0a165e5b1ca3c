package org.javamiko.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.javamiko.SshException;

/**
 * An OpenSSH client configuration (ssh_config(5)), like paramiko's SSHConfig: load it once, then
 * {@link #lookup(String)} the settings for each host.
 *
 * <p>Lookup follows ssh itself: the first value obtained for a keyword wins; {@code Host} lines
 * take {@code *}/{@code ?} patterns, several per line, {@code !} to exclude; {@code Match} supports
 * {@code all}, {@code host}, {@code originalhost}, {@code user}, {@code localuser}, {@code exec}
 * (run through {@code $SHELL -c}, or /bin/sh, exactly as ssh runs it: only trust configuration files
 * you would trust ssh with), {@code canonical} and {@code final}, each negatable; {@code Include}
 * reads files relative to {@code ~/.ssh}, with globs; tokens ({@code %h %p %r %u %l %L %n %d %C %i
 * %k %%}, {@code ~}, {@code ${VAR}}) are expanded in the keywords ssh expands them in. When
 * CanonicalizeHostname is on or a {@code Match final} is present, the configuration is read a second
 * time for the final host name, as ssh does.
 *
 * <p>A loaded configuration never changes; lookups may run concurrently from several threads.
 *
 * <p>Unlike ssh, unknown keywords are kept (paramiko does the same), and defaults are not filled in.
 * Not done: {@code Match localnetwork}, {@code tagged} and other criteria newer than OpenSSH 9.2
 * (they are reported as unsupported), CanonicalizePermittedCNAMEs (the JDK resolver does not
 * show CNAME chains), {@code ~user} paths, and tokens in LocalCommand, KnownHostsCommand and
 * forwarding specifications (those need connection-time values and are returned as written).
 *
 * <pre>{@code
 * SshConfig config = SshConfig.fromPath(Path.of(System.getProperty("user.home"), ".ssh", "config"));
 * SshConfigDict settings = config.lookup("prod-db");
 * client.connect(settings.get("hostname"), ConnectOptions.builder()
 *         .port(settings.getInt("port", 22))
 *         .username(settings.getOrDefault("user", System.getProperty("user.name")))
 *         .keyFilenames(settings.getList("identityfile").stream().map(Path::of).toList())
 *         .build());
 * }</pre>
 */
public final class SshConfig {
    private final List<ConfigEntry> entries;
    private final LocalEnvironment local;

    private SshConfig(List<ConfigEntry> entries, LocalEnvironment local) {
        this.entries = entries;
        this.local = local;
    }

    /**
     * Reads a configuration file and every file it includes (relative Include paths are taken from
     * {@code ~/.ssh}, as for ssh's user configuration, wherever this file is).
     *
     * @param path the configuration file
     * @return the parsed configuration
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws SshException for a malformed line (the message names file and line), an Include loop,
     *     or an included file that cannot be read or is writable by others
     * @throws IOException if the file cannot be read
     */
    public static SshConfig fromPath(Path path) throws IOException {
        return fromPath(path, LocalEnvironment.system());
    }

    /**
     * The configuration {@code ssh} reads: {@code ~/.ssh/config}, then {@code /etc/ssh/ssh_config}
     * (the first value obtained for a keyword wins, so the user's file comes first). Missing
     * files are fine: with neither, the configuration is empty.
     *
     * @return the parsed configuration, empty when neither file exists
     * @throws SshException for a malformed line (naming file and line) or a bad Include
     * @throws IOException if a file exists but cannot be read
     */
    public static SshConfig load() throws IOException {
        return load(LocalEnvironment.system(), Path.of("/etc/ssh/ssh_config"));
    }

    static SshConfig load(LocalEnvironment local, Path systemFile) throws IOException {
        ConfigParser parser = new ConfigParser(new IncludeResolver(local.home()));
        List<ConfigEntry> all = new ArrayList<>();
        for (Path file : List.of(local.home().resolve(".ssh").resolve("config"), systemFile)) {
            if (Files.isRegularFile(file)) {
                all.add(new ConfigEntry.HostLine(List.of("*"))); // each file starts outside any Host block
                all.addAll(parser.parseFile(file));
            }
        }
        return new SshConfig(List.copyOf(all), local);
    }

    /**
     * Parses configuration text (Include lines still read files, relative to {@code ~/.ssh}).
     *
     * @param text the configuration, as in an ssh_config file
     * @return the parsed configuration
     * @throws IllegalArgumentException for a malformed line, naming its line number
     * @throws UncheckedIOException if an included file cannot be read
     */
    public static SshConfig fromText(String text) {
        return fromText(text, LocalEnvironment.system());
    }

    static SshConfig fromPath(Path path, LocalEnvironment local) throws IOException {
        return new SshConfig(new ConfigParser(new IncludeResolver(local.home())).parseFile(path), local);
    }

    static SshConfig fromText(String text, LocalEnvironment local) {
        try {
            return new SshConfig(new ConfigParser(new IncludeResolver(local.home())).parseText(text, "<text>"),
                    local);
        } catch (ConfigSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings for {@code host}, as ssh would use them to connect to it.
     *
     * @param host the name as the user would type it after {@code ssh}
     * @return the keywords that apply, lower-case, with tokens and {@code ${VAR}} expanded
     * @throws IllegalArgumentException if a value holds an unknown {@code %} token or an unset
     *     {@code ${VAR}}
     * @throws UncheckedIOException if a {@code Match exec} command cannot be started, or canonicalisation
     *     finds no name and CanonicalizeFallbackLocal is no (an {@link java.net.UnknownHostException})
     */
    public SshConfigDict lookup(String host) {
        Objects.requireNonNull(host, "host");
        OptionSet options = new OptionSet();
        LookupPass first = new LookupPass(local, host, host, false, options);
        first.run(entries);
        // ssh gives these their defaults right after the first pass, so a final pass cannot set them.
        options.closeUnset("canonicalizehostname", "canonicalizemaxdots", "canonicalizefallbacklocal");

        String finalHost = host;
        if (options.get("hostname") != null) {
            finalHost = expandHostName(options.get("hostname"), host);
        }
        finalHost = finalHost.toLowerCase(Locale.ROOT);
        String canonicalize = options.get("canonicalizehostname");
        boolean canonicalizing = canonicalize != null && !canonicalize.equalsIgnoreCase("no")
                && !canonicalize.equalsIgnoreCase("false");
        if (canonicalizing) {
            finalHost = new HostCanonicalizer(local).canonicalize(finalHost, options,
                    canonicalize.equalsIgnoreCase("always"));
        }
        options.replace("hostname", finalHost);
        if (canonicalizing || first.finalPassRequested()) {
            new LookupPass(local, finalHost, host, true, options).run(entries);
        }
        return new SshConfigDict(expandTokens(options, finalHost, host));
    }

    /**
     * Every pattern of every Host line, like paramiko's get_hostnames (Match lines are not included).
     *
     * @return the patterns, in file order
     */
    public Set<String> getHostnames() {
        Set<String> names = new LinkedHashSet<>();
        collectHostnames(entries, names);
        return names;
    }

    private static void collectHostnames(List<ConfigEntry> entries, Set<String> names) {
        for (ConfigEntry entry : entries) {
            if (entry instanceof ConfigEntry.HostLine hostLine) {
                names.addAll(hostLine.patterns());
            } else if (entry instanceof ConfigEntry.Include include) {
                include.files().forEach(file -> collectHostnames(file.entries(), names));
            }
        }
    }

    /** HostName accepts {@code %h} (the name given) and {@code %%} only. */
    static String expandHostName(String hostName, String originalHost) {
        Map<Character, Supplier<String>> tokens = Map.of('h', () -> originalHost);
        return TokenExpander.percent(hostName, tokens, "hostname");
    }

    private Map<String, List<String>> expandTokens(OptionSet options, String finalHost, String originalHost) {
        String port = options.get("port") == null ? "22" : options.get("port");
        String user = options.get("user") == null ? local.userName() : options.get("user");
        TokenExpander expander = new TokenExpander(local, finalHost, originalHost, port, user,
                options.get("hostkeyalias"));
        Map<String, List<String>> values = options.snapshot();
        for (String key : List.of("proxycommand", "proxyjump")) {
            List<String> proxy = values.get(key);
            if (proxy != null && proxy.get(0).equalsIgnoreCase("none")) {
                values.remove(key); // "none" only blocked later values; paramiko drops it too
            }
        }
        values.replaceAll((key, list) -> {
            List<String> expanded = new ArrayList<>(list.size());
            for (String value : list) {
                expanded.add(key.equals("userknownhostsfile") ? expandEach(expander, key, value)
                        : expander.expand(key, value));
            }
            return expanded;
        });
        return values;
    }

    /** UserKnownHostsFile lists several files on one line; each is expanded on its own. */
    private static String expandEach(TokenExpander expander, String key, String value) {
        List<String> files = new ArrayList<>();
        for (String file : value.split(" ")) {
            files.add(expander.expand(key, file));
        }
        return String.join(" ", files);
    }
}
