package org.javamiko;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javamiko.config.SshConfig;
import org.javamiko.keys.PKey;
import org.javamiko.transport.Channel;
import org.javamiko.transport.InteractiveHandler;

/**
 * How {@link SshClient#connect(String, ConnectOptions)} connects and authenticates, with
 * paramiko's defaults.
 *
 * <pre>{@code
 * client.connect("build-01", ConnectOptions.builder()
 *         .username("deploy")
 *         .keyFilename(Path.of("/etc/deploy/id_ed25519"))
 *         .timeout(Duration.ofSeconds(10))
 *         .build());
 * }</pre>
 *
 * <p>With {@link Builder#sshConfig} the name given to {@code connect} is an alias resolved as
 * {@code ssh alias} would; see {@link Builder#sshConfig} for the keywords applied.
 */
public final class ConnectOptions {
    private final int port;
    private final String username;
    private final String password;
    private final String passphrase;
    private final PKey pkey;
    private final List<Path> keyFilenames;
    private final Duration timeout;
    private final boolean allowAgent;
    private final Path identityAgent;
    private final boolean lookForKeys;
    private final boolean compress;
    private final Socket socket;
    private final Channel tunnel;
    private final boolean gssAuth;
    private final boolean gssKex;
    private final boolean gssDelegCreds;
    private final String gssHost;
    private final boolean gssTrustDns;
    private final Duration bannerTimeout;
    private final Duration authTimeout;
    private final Duration channelTimeout;
    private final Map<String, List<String>> disabledAlgorithms;
    private final Map<String, List<String>> preferredAlgorithms;
    private final SshConfig sshConfig;
    private final String proxyJump;
    private final String proxyCommand;
    private final Duration keepaliveInterval;
    private final int keepaliveCountMax;
    private final InteractiveHandler interactiveHandler;
    private final List<Path> knownHostsFiles;
    private final Set<String> explicitlySet;

    private ConnectOptions(Builder b) {
        port = b.port;
        username = b.username;
        password = b.password;
        passphrase = b.passphrase;
        pkey = b.pkey;
        keyFilenames = List.copyOf(b.keyFilenames);
        timeout = b.timeout;
        allowAgent = b.allowAgent;
        identityAgent = b.identityAgent;
        lookForKeys = b.lookForKeys;
        compress = b.compress;
        socket = b.socket;
        tunnel = b.tunnel;
        gssAuth = b.gssAuth;
        gssKex = b.gssKex;
        gssDelegCreds = b.gssDelegCreds;
        gssHost = b.gssHost;
        gssTrustDns = b.gssTrustDns;
        bannerTimeout = b.bannerTimeout;
        authTimeout = b.authTimeout;
        channelTimeout = b.channelTimeout;
        disabledAlgorithms = Map.copyOf(b.disabledAlgorithms);
        preferredAlgorithms = Map.copyOf(b.preferredAlgorithms);
        sshConfig = b.sshConfig;
        proxyJump = b.proxyJump;
        proxyCommand = b.proxyCommand;
        keepaliveInterval = b.keepaliveInterval;
        keepaliveCountMax = b.keepaliveCountMax;
        interactiveHandler = b.interactiveHandler;
        knownHostsFiles = List.copyOf(b.knownHostsFiles);
        explicitlySet = Set.copyOf(b.explicitlySet);
    }

    /** @return port 22, the local user name, keys from ~/.ssh, the agent, no timeout */
    public static ConnectOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /** @return the user name to log in as */
    public String username() {
        return username;
    }

    /** @return the password, or null */
    public String password() {
        return password;
    }

    /** @return the passphrase for encrypted keys, or null (then the password is tried) */
    public String passphrase() {
        return passphrase;
    }

    /** @return a key to authenticate with first, or null */
    public PKey pkey() {
        return pkey;
    }

    /** @return key files to try, in order */
    public List<Path> keyFilenames() {
        return keyFilenames;
    }

    /** @return the TCP connect timeout, or null for none */
    public Duration timeout() {
        return timeout;
    }

    /** @return whether to try the ssh-agent's keys */
    public boolean allowAgent() {
        return allowAgent;
    }

    /** @return the agent socket to use instead of {@code SSH_AUTH_SOCK}'s, or null for that one */
    public Path identityAgent() {
        return identityAgent;
    }

    /** @return whether to try ~/.ssh/id_rsa, id_ecdsa and id_ed25519 */
    public boolean lookForKeys() {
        return lookForKeys;
    }

    /** @return whether compression was asked for */
    public boolean compress() {
        return compress;
    }

    /** @return a connected socket to use instead of opening one, or null */
    public Socket socket() {
        return socket;
    }

    /** @return a channel of another connection to tunnel through (a jump host), or null */
    public Channel tunnel() {
        return tunnel;
    }

    /** @return whether GSS-API authentication was asked for */
    public boolean gssAuth() {
        return gssAuth;
    }

    /** @return whether GSS-API key exchange was asked for */
    public boolean gssKex() {
        return gssKex;
    }

    /** @return whether GSS-API credentials would be delegated */
    public boolean gssDelegCreds() {
        return gssDelegCreds;
    }

    /** @return the GSS-API host name, or null for the host connected to */
    public String gssHost() {
        return gssHost;
    }

    /** @return whether DNS is trusted to canonicalise the GSS-API host */
    public boolean gssTrustDns() {
        return gssTrustDns;
    }

    /** @return how long to wait for the server's identification string */
    public Duration bannerTimeout() {
        return bannerTimeout;
    }

    /** @return how long to wait for each authentication reply (and the key exchange) */
    public Duration authTimeout() {
        return authTimeout;
    }

    /** @return how long to wait for a channel-open answer */
    public Duration channelTimeout() {
        return channelTimeout;
    }

    /** @return algorithms removed from the defaults, by kind */
    public Map<String, List<String>> disabledAlgorithms() {
        return disabledAlgorithms;
    }

    /** @return algorithms to offer exactly, in order, by kind */
    public Map<String, List<String>> preferredAlgorithms() {
        return preferredAlgorithms;
    }

    /** @return the configuration the host name is resolved through, or null */
    public SshConfig sshConfig() {
        return sshConfig;
    }

    /** @return the jump hosts, {@code [user@]host[:port],...} as {@code ssh -J}, or null */
    public String proxyJump() {
        return proxyJump;
    }

    /** @return the proxy command, before token expansion, or null */
    public String proxyCommand() {
        return proxyCommand;
    }

    /** @return the silence after which a keepalive is sent, or null for none */
    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    /** @return how many unanswered keepalives end the connection */
    public int keepaliveCountMax() {
        return keepaliveCountMax;
    }

    /** @return what answers keyboard-interactive prompts, or null (then the password does) */
    public InteractiveHandler interactiveHandler() {
        return interactiveHandler;
    }

    /** @return known_hosts files to load before the host key check, in order */
    public List<Path> knownHostsFiles() {
        return knownHostsFiles;
    }

    /**
     * @return the names of the builder methods called (e.g. {@code "port"}, {@code "username"}):
     *         these win over the {@link #sshConfig()}'s values
     */
    public Set<String> explicitlySet() {
        return explicitlySet;
    }

    /** Builds {@link ConnectOptions}; every setter returns the builder. */
    public static final class Builder {
        private int port = 22;
        private String username = System.getProperty("user.name");
        private String password;
        private String passphrase;
        private PKey pkey;
        private final List<Path> keyFilenames = new ArrayList<>();
        private Duration timeout;
        private boolean allowAgent = true;
        private Path identityAgent;
        private boolean lookForKeys = true;
        private boolean compress;
        private Socket socket;
        private Channel tunnel;
        private boolean gssAuth;
        private boolean gssKex;
        private boolean gssDelegCreds = true;
        private String gssHost;
        private boolean gssTrustDns = true;
        private Duration bannerTimeout = Duration.ofSeconds(15);
        private Duration authTimeout = Duration.ofSeconds(30);
        private Duration channelTimeout = Duration.ofHours(1);
        private final Map<String, List<String>> disabledAlgorithms = new LinkedHashMap<>();
        private final Map<String, List<String>> preferredAlgorithms = new LinkedHashMap<>();
        private SshConfig sshConfig;
        private String proxyJump;
        private String proxyCommand;
        private Duration keepaliveInterval;
        private int keepaliveCountMax = 3;
        private InteractiveHandler interactiveHandler;
        private final List<Path> knownHostsFiles = new ArrayList<>();
        private final Set<String> explicitlySet = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * @param port the TCP port; default 22
         * @return this builder
         */
        public Builder port(int port) {
            explicitlySet.add("port");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " is outside 1-65535");
            }
            this.port = port;
            return this;
        }

        /**
         * @param username the user to log in as; default the local user name
         * @return this builder
         */
        public Builder username(String username) {
            explicitlySet.add("username");
            this.username = username;
            return this;
        }

        /**
         * @param password for password and keyboard-interactive login, and to decrypt keys when no passphrase is given
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * @param passphrase decrypts encrypted private keys
         * @return this builder
         */
        public Builder passphrase(String passphrase) {
            this.passphrase = passphrase;
            return this;
        }

        /**
         * @param key a key to try first
         * @return this builder
         */
        public Builder pkey(PKey key) {
            this.pkey = key;
            return this;
        }

        /**
         * @param file a private key file to try; may be repeated; a "-cert.pub" beside it is loaded too
         * @return this builder
         */
        public Builder keyFilename(Path file) {
            explicitlySet.add("keyFilename");
            this.keyFilenames.add(file);
            return this;
        }

        /**
         * @param files private key files to try, in order
         * @return this builder
         */
        public Builder keyFilenames(List<Path> files) {
            explicitlySet.add("keyFilenames");
            this.keyFilenames.addAll(files);
            return this;
        }

        /**
         * @param tcpConnectTimeout bounds the TCP connect; default none
         * @return this builder
         */
        public Builder timeout(Duration tcpConnectTimeout) {
            explicitlySet.add("timeout");
            this.timeout = tcpConnectTimeout;
            return this;
        }

        /**
         * @param allow whether to try the ssh-agent's keys; default true
         * @return this builder
         */
        public Builder allowAgent(boolean allow) {
            explicitlySet.add("allowAgent");
            this.allowAgent = allow;
            return this;
        }

        /**
         * @param agentSocket the ssh-agent socket whose keys to try (when {@link #allowAgent} is
         *        on), as OpenSSH's {@code IdentityAgent}; default null: the one {@code SSH_AUTH_SOCK} names
         * @return this builder
         */
        public Builder identityAgent(Path agentSocket) {
            explicitlySet.add("identityAgent");
            this.identityAgent = agentSocket;
            return this;
        }

        /**
         * @param look whether to try ~/.ssh/id_rsa, id_ecdsa, id_ed25519; default true
         * @return this builder
         */
        public Builder lookForKeys(boolean look) {
            explicitlySet.add("lookForKeys");
            this.lookForKeys = look;
            return this;
        }

        /**
         * @param compress true to offer {@code zlib@openssh.com} (after authentication, preferred) and
         *                 {@code zlib} before {@code none}; an explicit compression list in
         *                 preferredAlgorithms wins
         * @return this builder
         */
        public Builder compress(boolean compress) {
            explicitlySet.add("compress");
            this.compress = compress;
            return this;
        }

        /**
         * @param connected a connected socket to use instead of opening one
         * @return this builder
         */
        public Builder sock(Socket connected) {
            this.socket = connected;
            return this;
        }

        /**
         * @param directTcpip a {@code direct-tcpip} channel of another client: connect through a jump host
         * @return this builder
         */
        public Builder sock(Channel directTcpip) {
            this.tunnel = directTcpip;
            return this;
        }

        /**
         * @param on whether to try GSS-API (Kerberos) authentication, gssapi-with-mic, first (as
         *     paramiko); default false. See docs/kerberos.md for where the ticket comes from.
         * @return this builder
         */
        public Builder gssAuth(boolean on) {
            this.gssAuth = on;
            return this;
        }

        /**
         * @param on GSS-API key exchange is not supported yet: true makes connect fail clearly
         * @return this builder
         */
        public Builder gssKex(boolean on) {
            this.gssKex = on;
            return this;
        }

        /**
         * @param on whether GSS-API credentials would be delegated; default true
         * @return this builder
         */
        public Builder gssDelegCreds(boolean on) {
            this.gssDelegCreds = on;
            return this;
        }

        /**
         * @param host the GSS-API host name; default the host connected to
         * @return this builder
         */
        public Builder gssHost(String host) {
            this.gssHost = host;
            return this;
        }

        /**
         * @param on whether DNS is trusted for GSS-API; default true
         * @return this builder
         */
        public Builder gssTrustDns(boolean on) {
            this.gssTrustDns = on;
            return this;
        }

        /**
         * @param d how long to wait for the server's identification string; default 15 s
         * @return this builder
         */
        public Builder bannerTimeout(Duration d) {
            this.bannerTimeout = d;
            return this;
        }

        /**
         * @param d how long to wait for each authentication reply (and the key exchange); default 30 s
         * @return this builder
         */
        public Builder authTimeout(Duration d) {
            this.authTimeout = d;
            return this;
        }

        /**
         * @param d how long to wait for a channel-open answer; default 1 h
         * @return this builder
         */
        public Builder channelTimeout(Duration d) {
            this.channelTimeout = d;
            return this;
        }

        /**
         * @param byKind algorithms not to offer, by kind: ciphers, macs, kex, keys, pubkeys, compression
         * @return this builder
         */
        public Builder disabledAlgorithms(Map<String, List<String>> byKind) {
            this.disabledAlgorithms.putAll(byKind);
            return this;
        }

        /**
         * @param byKind algorithms to offer exactly, in this order, by kind (like OpenSSH's
         *               {@code Ciphers=…}); weak ones such as hmac-sha1 may be named here
         * @return this builder
         */
        public Builder preferredAlgorithms(Map<String, List<String>> byKind) {
            byKind.keySet().forEach(kind -> explicitlySet.add("preferredAlgorithms." + kind));
            this.preferredAlgorithms.putAll(byKind);
            return this;
        }

        /**
         * Resolves the name given to {@code connect} as {@code ssh name} would with this
         * configuration, and applies its HostName, HostKeyAlias, Port, User, IdentityFile (every one, in
         * order, after this builder's; missing files skipped as ssh does), IdentitiesOnly (then neither
         * the agent nor other keys are tried), IdentityAgent ({@code none}, a path, {@code $VAR},
         * {@code SSH_AUTH_SOCK}), UserKnownHostsFile (several; the first is where new keys are saved),
         * GlobalKnownHostsFile, StrictHostKeyChecking (yes and ask: {@link RejectPolicy}; accept-new:
         * {@link AutoAddPolicy}; no/off: {@link WarningPolicy}) unless
         * {@link SshClient#setMissingHostKeyPolicy} was called, Ciphers, MACs, KexAlgorithms,
         * HostKeyAlgorithms, PubkeyAcceptedAlgorithms (with {@code + - ^} against javamiko's
         * defaults), ConnectTimeout, ServerAliveInterval and ServerAliveCountMax ({@link #keepalive}),
         * Compression, ForwardAgent and SetEnv (for every command), ProxyJump and ProxyCommand
         * ({@code none} honoured). A value set on this builder wins. Not applied (logged at DEBUG
         * when present): CertificateFile (a {@code -cert.pub} beside an identity file is still
         * used), PreferredAuthentications, HashKnownHosts (new entries are written with plain
         * names), LocalForward, RemoteForward, DynamicForward, ControlMaster/ControlPath,
         * AddKeysToAgent, VerifyHostKeyDNS, UpdateHostKeys, and every other keyword.
         *
         * @param config e.g. {@link SshConfig#load()}
         * @return this builder
         */
        public Builder sshConfig(SshConfig config) {
            this.sshConfig = config;
            return this;
        }

        /**
         * @param jumps {@code [user@]host[:port][,...]} as {@code ssh -J} ({@code none}: no jump
         *        even if the configuration names one); each hop's host key is checked like the
         *        target's; hops are resolved through {@link #sshConfig} when one is set, else
         *        they log in with this builder's credentials
         * @return this builder
         */
        public Builder proxyJump(String jumps) {
            explicitlySet.add("proxyJump");
            this.proxyJump = jumps;
            return this;
        }

        /**
         * @param command run with {@code /bin/sh -c} after {@code %h %p %r %n %%} expansion; its
         *        stdin and stdout carry the connection, its stderr is logged; {@code none}: no
         *        command even if the configuration names one
         * @return this builder
         */
        public Builder proxyCommand(String command) {
            explicitlySet.add("proxyCommand");
            this.proxyCommand = command;
            return this;
        }

        /**
         * @param interval the silence after which {@code keepalive@openssh.com} is sent; null: off
         * @param countMax how many unanswered keepalives end the connection
         * @return this builder
         */
        public Builder keepalive(Duration interval, int countMax) {
            explicitlySet.add("keepalive");
            this.keepaliveInterval = interval;
            this.keepaliveCountMax = countMax;
            return this;
        }

        /**
         * @param handler answers keyboard-interactive prompts during connect (instead of the password)
         * @return this builder
         */
        public Builder interactiveHandler(InteractiveHandler handler) {
            this.interactiveHandler = handler;
            return this;
        }

        /**
         * @param file a known_hosts file loaded before the host key check, as {@link SshClient#loadHostKeys}
         * @return this builder
         */
        public Builder knownHostsFile(Path file) {
            explicitlySet.add("knownHostsFile");
            this.knownHostsFiles.add(file);
            return this;
        }

        /** @return the options */
        public ConnectOptions build() {
            return new ConnectOptions(this);
        }
    }
}
