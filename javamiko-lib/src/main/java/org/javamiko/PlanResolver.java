package org.javamiko;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.javamiko.internal.connect.AlgorithmListSpec;
import org.javamiko.internal.connect.ConfigValues;
import org.javamiko.internal.connect.ConnectionPlan;
import org.javamiko.internal.connect.ForwardSpec;
import org.javamiko.internal.connect.JumpSpec;
import org.javamiko.internal.connect.ProxyCommandTokens;
import org.javamiko.internal.connect.ShellSafeNames;
import org.javamiko.config.SshConfigDict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the builder's options and the ssh_config (when one is set) into a {@link ConnectionPlan}:
 * a value set on the builder wins, then the config's, then the default.
 */
final class PlanResolver {
    private static final Logger LOG = LoggerFactory.getLogger(PlanResolver.class);
    private static final int MAX_NESTED_JUMPS = 8;
    private static final List<String> DEFAULT_IDENTITIES = List.of("id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519",
            "id_ed25519_sk", "id_xmss", "id_dsa");
    /** Keywords this class applies; every other one present is logged as not applied. */
    private static final Set<String> APPLIED = Set.of("host", "hostname", "port", "user", "identityfile",
            "identitiesonly", "identityagent", "userknownhostsfile", "globalknownhostsfile",
            "stricthostkeychecking", "ciphers", "macs", "kexalgorithms", "hostkeyalgorithms",
            "pubkeyacceptedalgorithms", "connecttimeout", "serveraliveinterval", "serveralivecountmax",
            "compression", "forwardagent", "setenv", "proxyjump", "proxycommand", "hostkeyalias", "certificatefile",
            "preferredauthentications", "hashknownhosts", "gssapiauthentication", "gssapidelegatecredentials",
            "gssapikeyexchange", "gssapitrustdns", "localforward", "remoteforward", "dynamicforward", "clearallforwardings",
            "exitonforwardfailure", "gatewayports");

    private final ConnectOptions options;

    private PlanResolver(ConnectOptions options) {
        this.options = options;
    }

    /**
     * @param name the name given to {@code connect}
     * @throws IllegalArgumentException for a malformed jump list or a name a shell would interpret
     */
    public static ConnectionPlan resolve(String name, ConnectOptions options) {
        if (options.sshConfig() != null || options.proxyCommand() != null) {
            ShellSafeNames.require(name, "host name");
            if (options.explicitlySet().contains("username")) {
                ShellSafeNames.require(options.username(), "user name");
            }
        }
        return new PlanResolver(options).plan(name, null, -1, false, 0);
    }

    private boolean explicit(String setter) {
        return options.explicitlySet().contains(setter);
    }

    private ConnectionPlan plan(String alias, String hopUser, int hopPort, boolean hop, int depth) {
        SshConfigDict dict = options.sshConfig() == null ? null : options.sshConfig().lookup(alias);
        ConfigValues config = new ConfigValues(dict);
        logUnapplied(alias, dict);
        String hostName = config.get("hostname", alias);
        int port = hopPort > 0 ? hopPort
                : !hop && explicit("port") ? options.port() : config.integer("port", hop ? 22 : options.port());
        String user = hopUser != null ? hopUser
                : !hop && explicit("username") ? options.username() : config.get("user", options.username());
        // as ssh: a HostKeyAlias is the known_hosts name as written, whatever the port
        String keyAlias = config.get("hostkeyalias", null);
        String knownName = keyAlias != null ? keyAlias : port == 22 ? hostName : "[" + hostName + "]:" + port;

        List<ConnectionPlan> jumps = new ArrayList<>();
        String proxyCommand = null;
        if (!hop || depth == 1) {
            String[] proxy = proxies(config, hop);
            if (proxy[0] != null) {
                if (depth >= MAX_NESTED_JUMPS) {
                    throw new IllegalArgumentException("More than " + MAX_NESTED_JUMPS
                            + " nested ProxyJump hops (a loop in the configuration?) at " + alias);
                }
                List<JumpSpec> specs = JumpSpec.parseList(proxy[0]);
                for (int i = 0; i < specs.size(); i++) {
                    JumpSpec spec = specs.get(i);
                    // only the first hop is reached on its own terms; the later ones go through it
                    jumps.add(plan(spec.host(), spec.user(), spec.port(), true, i == 0 ? depth + 1 : MAX_NESTED_JUMPS));
                }
            } else if (proxy[1] != null) {
                proxyCommand = proxy[2] == null ? proxy[1] : ProxyCommandTokens.expand(proxy[1], hostName, port, user, alias);
            }
        }
        return new ConnectionPlan(alias, hostName, port, user, knownName, identities(config),
                config.bool("identitiesonly", false), config.paths("certificatefile"), agent(config),
                knownHosts(config, "userknownhostsfile", "~/.ssh/known_hosts ~/.ssh/known_hosts2", true),
                knownHosts(config, "globalknownhostsfile", "/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2", false),
                dict == null ? null : config.get("stricthostkeychecking", "ask").toLowerCase(Locale.ROOT),
                algorithms(config), explicit("timeout") || dict == null || !config.has("connecttimeout") ? options.timeout()
                        : config.seconds("connecttimeout"),
                keepaliveInterval(config), explicit("keepalive") ? options.keepaliveCountMax()
                        : config.integer("serveralivecountmax", options.keepaliveCountMax()),
                explicit("compress") ? options.compress() : config.bool("compression", options.compress()),
                config.bool("forwardagent", false), config.environment(),
                config.commaList("preferredauthentications"), jumps, proxyCommand,
                config.bool("hashknownhosts", false), gss(config), hop ? List.of() : forwardings(config),
                config.bool("exitonforwardfailure", false));
    }

    /** The builder's gssAuth, gssDelegCreds, gssKex and gssTrustDns win over GSSAPIAuthentication and its kin. */
    private ConnectionPlan.Gss gss(ConfigValues config) {
        return new ConnectionPlan.Gss(
                explicit("gssAuth") ? options.gssAuth() : config.bool("gssapiauthentication", options.gssAuth()),
                // with a config, ssh's default: a ticket is handed to the server only when asked for
                explicit("gssDelegCreds") || !config.present() ? options.gssDelegCreds()
                        : config.bool("gssapidelegatecredentials", false),
                explicit("gssKex") ? options.gssKex() : config.bool("gssapikeyexchange", options.gssKex()),
                explicit("gssTrustDns") || !config.present() ? options.gssTrustDns()
                        : config.bool("gssapitrustdns", false));
    }

    /**
     * The target's LocalForward, RemoteForward and DynamicForward (none with ClearAllForwardings,
     * as ssh); GatewayPorts yes makes a forwarding without a listen address listen on all.
     */
    private static List<ForwardSpec> forwardings(ConfigValues config) {
        List<ForwardSpec> forwards = new ArrayList<>();
        if (config.bool("clearallforwardings", false)) {
            return forwards;
        }
        boolean gatewayPorts = config.bool("gatewayports", false);
        Map<String, ForwardSpec.Kind> keywords = new LinkedHashMap<>();
        keywords.put("localforward", ForwardSpec.Kind.LOCAL);
        keywords.put("remoteforward", ForwardSpec.Kind.REMOTE);
        keywords.put("dynamicforward", ForwardSpec.Kind.DYNAMIC);
        keywords.forEach((keyword, kind) -> {
            for (String value : config.list(keyword)) {
                ForwardSpec spec = ForwardSpec.parse(kind, value);
                if (gatewayPorts && spec.bindHost() == null && spec.bindPath() == null && kind != ForwardSpec.Kind.REMOTE) {
                    spec = new ForwardSpec(kind, "*", spec.bindPort(), null, spec.destHost(), spec.destPort(),
                            spec.destPath(), spec.text());
                }
                forwards.add(spec);
            }
        });
        return forwards;
    }

    /**
     * {jump list, command, "explicit" marker}: the builder's proxy wins over the config's; within
     * the config the keyword obtained first wins, as ssh keeps only one of the two.
     */
    private String[] proxies(ConfigValues config, boolean hop) {
        if (!hop && explicit("proxyJump")) {
            return new String[] {none(options.proxyJump()), null, null};
        }
        if (!hop && explicit("proxyCommand")) {
            return new String[] {null, none(options.proxyCommand()), "explicit"};
        }
        String jump = config.get("proxyjump", null);
        String command = config.get("proxycommand", null);
        if (jump != null && command != null) {
            return config.firstOf("proxyjump", "proxycommand") ? new String[] {jump, null, null}
                    : new String[] {null, command, null};
        }
        return new String[] {jump, command, null};
    }

    private static String none(String value) {
        return value == null || value.equalsIgnoreCase("none") ? null : value;
    }

    private List<Path> identities(ConfigValues config) {
        List<Path> files = new ArrayList<>(options.keyFilenames());
        if (!config.present()) {
            return files;
        }
        List<Path> configured = config.paths("identityfile");
        if (configured.isEmpty()) {
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            DEFAULT_IDENTITIES.forEach(name -> files.add(ssh.resolve(name)));
        }
        files.addAll(configured);
        return files;
    }

    private String agent(ConfigValues config) {
        if (explicit("allowAgent") && !options.allowAgent()) {
            return "none";
        }
        if (explicit("identityAgent") && options.identityAgent() != null) {
            return options.identityAgent().toString();
        }
        String value = config.get("identityagent", null);
        if (value == null || value.equals("SSH_AUTH_SOCK")) {
            return options.allowAgent() ? (options.identityAgent() == null ? null : options.identityAgent().toString())
                    : "none";
        }
        if (value.equalsIgnoreCase("none")) {
            return "none";
        }
        if (value.startsWith("$")) {
            String socket = System.getenv(value.substring(1));
            return socket == null ? "none" : socket;
        }
        return value;
    }

    private List<Path> knownHosts(ConfigValues config, String keyword, String defaults, boolean user) {
        List<Path> files = new ArrayList<>();
        if (user) {
            files.addAll(options.knownHostsFiles());
        }
        if (!config.present()) {
            return files;
        }
        for (String file : config.get(keyword, defaults).split(" ")) {
            if (!file.isEmpty() && !file.equalsIgnoreCase("none")) {
                files.add(ConfigValues.path(file));
            }
        }
        return files;
    }

    private Map<String, List<String>> algorithms(ConfigValues config) {
        Map<String, List<String>> chosen = new LinkedHashMap<>(options.preferredAlgorithms());
        Map<String, String> keywords = Map.of("ciphers", "ciphers", "macs", "macs", "kexalgorithms", "kex",
                "hostkeyalgorithms", "keys", "pubkeyacceptedalgorithms", "pubkeys");
        keywords.forEach((keyword, kind) -> {
            String value = config.get(keyword, null);
            if (value != null && !explicit("preferredAlgorithms." + kind)) {
                chosen.put(kind, AlgorithmListSpec.resolve(kind, value));
            }
        });
        return chosen;
    }

    private Duration keepaliveInterval(ConfigValues config) {
        if (explicit("keepalive") || !config.has("serveraliveinterval")) {
            return options.keepaliveInterval();
        }
        Duration interval = config.seconds("serveraliveinterval");
        return interval.isZero() ? null : interval;
    }

    private static void logUnapplied(String alias, SshConfigDict dict) {
        if (dict == null || !LOG.isDebugEnabled()) {
            return;
        }
        for (String keyword : dict.asMap().keySet()) {
            if (!APPLIED.contains(keyword)) {
                LOG.debug("ssh_config for {}: {} is not applied by javamiko", alias, keyword);
            }
        }
    }
}
