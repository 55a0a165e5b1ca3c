package org.javamiko;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
public final class ConnectOptions extends ConnectOptionsAccessors {
    private final ConnectValues v;

    private ConnectOptions(ConnectValues values) {
        this.v = values;
    }

    @Override
    ConnectValues values() {
        return v;
    }

    /** @return port 22, the local user name, keys from ~/.ssh, the agent, no timeout */
    public static ConnectOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ConnectOptions}; every setter returns the builder. */
    public static final class Builder {
        private final ConnectValues v = new ConnectValues();

        private Builder() {
        }

        /**
         * @param port the TCP port; default 22
         * @return this builder
         */
        public Builder port(int port) {
            v.explicitlySet.add("port");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " is outside 1-65535");
            }
            v.port = port;
            return this;
        }

        /**
         * @param username the user to log in as; default the local user name
         * @return this builder
         */
        public Builder username(String username) {
            v.explicitlySet.add("username");
            v.username = username;
            return this;
        }

        /**
         * @param password for password and keyboard-interactive login, and to decrypt keys when no passphrase is given
         * @return this builder
         */
        public Builder password(String password) {
            v.password = password;
            return this;
        }

        /**
         * @param passphrase decrypts encrypted private keys
         * @return this builder
         */
        public Builder passphrase(String passphrase) {
            v.passphrase = passphrase;
            return this;
        }

        /**
         * @param key a key to try first
         * @return this builder
         */
        public Builder pkey(PKey key) {
            v.pkey = key;
            return this;
        }

        /**
         * @param file a private key file to try; may be repeated; a "-cert.pub" beside it is loaded too
         * @return this builder
         */
        public Builder keyFilename(Path file) {
            v.explicitlySet.add("keyFilename");
            v.keyFilenames.add(file);
            return this;
        }

        /**
         * @param files private key files to try, in order
         * @return this builder
         */
        public Builder keyFilenames(List<Path> files) {
            v.explicitlySet.add("keyFilenames");
            v.keyFilenames.addAll(files);
            return this;
        }

        /**
         * @param tcpConnectTimeout bounds the TCP connect; default none
         * @return this builder
         */
        public Builder timeout(Duration tcpConnectTimeout) {
            v.explicitlySet.add("timeout");
            v.timeout = tcpConnectTimeout;
            return this;
        }

        /**
         * @param allow whether to try the ssh-agent's keys; default true
         * @return this builder
         */
        public Builder allowAgent(boolean allow) {
            v.explicitlySet.add("allowAgent");
            v.allowAgent = allow;
            return this;
        }

        /**
         * @param agentSocket the ssh-agent socket whose keys to try (when {@link #allowAgent} is
         *        on), as OpenSSH's {@code IdentityAgent}; default null: the one {@code SSH_AUTH_SOCK} names
         * @return this builder
         */
        public Builder identityAgent(Path agentSocket) {
            v.explicitlySet.add("identityAgent");
            v.identityAgent = agentSocket;
            return this;
        }

        /**
         * @param look whether to try ~/.ssh/id_rsa, id_ecdsa, id_ed25519; default true
         * @return this builder
         */
        public Builder lookForKeys(boolean look) {
            v.explicitlySet.add("lookForKeys");
            v.lookForKeys = look;
            return this;
        }

        /**
         * @param compress true to offer {@code zlib@openssh.com} (after authentication, preferred) and
         *                 {@code zlib} before {@code none}; an explicit compression list in
         *                 preferredAlgorithms wins
         * @return this builder
         */
        public Builder compress(boolean compress) {
            v.explicitlySet.add("compress");
            v.compress = compress;
            return this;
        }

        /**
         * @param connected a connected socket to use instead of opening one
         * @return this builder
         */
        public Builder sock(Socket connected) {
            v.socket = connected;
            return this;
        }

        /**
         * @param directTcpip a {@code direct-tcpip} channel of another client: connect through a jump host
         * @return this builder
         */
        public Builder sock(Channel directTcpip) {
            v.tunnel = directTcpip;
            return this;
        }

        /**
         * @param on whether to try GSS-API (Kerberos) authentication, gssapi-with-mic, first (as
         *     paramiko), where the server offers it (a "none" request asks, as ssh does, so a server
         *     without Kerberos costs no Kerberos start-up); default false. See docs/kerberos.md for
         *     where the ticket comes from.
         * @return this builder
         */
        public Builder gssAuth(boolean on) {
            v.explicitlySet.add("gssAuth");
            v.gssAuth = on;
            return this;
        }

        /**
         * @param on whether to offer GSS-API (Kerberos) key exchange first (RFC 4462 §2, RFC 8732, as
         *     paramiko's {@code gss_kex}); default false. When the server takes it, Kerberos authenticates
         *     the server, so its host key is not checked against known hosts (as OpenSSH does), and
         *     {@code gssapi-keyex} is the first login method tried. Needs a Kerberos ticket when connect
         *     starts (else {@link AuthenticationException}); see docs/kerberos.md.
         * @return this builder
         */
        public Builder gssKex(boolean on) {
            v.explicitlySet.add("gssKex");
            v.gssKex = on;
            return this;
        }

        /**
         * @param on whether to delegate (forward) the Kerberos ticket to the server, in gssapi-with-mic
         *     and in every GSS-API key exchange; default true
         * @return this builder
         */
        public Builder gssDelegCreds(boolean on) {
            v.explicitlySet.add("gssDelegCreds");
            v.gssDelegCreds = on;
            return this;
        }

        /**
         * @param host the host part of the server's principal, {@code host/<host>@REALM}; default the
         *     host connected to
         * @return this builder
         */
        public Builder gssHost(String host) {
            v.gssHost = host;
            return this;
        }

        /**
         * @param on whether the GSS-API host is canonicalised through DNS first (when false it is used
         *     as given); default true
         * @return this builder
         */
        public Builder gssTrustDns(boolean on) {
            v.explicitlySet.add("gssTrustDns");
            v.gssTrustDns = on;
            return this;
        }

        /**
         * @param d how long to wait for the server's identification string; default 15 s
         * @return this builder
         */
        public Builder bannerTimeout(Duration d) {
            v.bannerTimeout = d;
            return this;
        }

        /**
         * @param d how long to wait for each authentication reply (and the key exchange); default 30 s
         * @return this builder
         */
        public Builder authTimeout(Duration d) {
            v.authTimeout = d;
            return this;
        }

        /**
         * @param d how long to wait for a channel-open answer; default 1 h
         * @return this builder
         */
        public Builder channelTimeout(Duration d) {
            v.channelTimeout = d;
            return this;
        }

        /**
         * @param byKind algorithms not to offer, by kind: ciphers, macs, kex, keys, pubkeys, compression
         * @return this builder
         */
        public Builder disabledAlgorithms(Map<String, List<String>> byKind) {
            v.disabledAlgorithms.putAll(byKind);
            return this;
        }

        /**
         * @param byKind algorithms to offer exactly, in this order, by kind (like OpenSSH's
         *               {@code Ciphers=…}); weak ones such as hmac-sha1 may be named here
         * @return this builder
         */
        public Builder preferredAlgorithms(Map<String, List<String>> byKind) {
            byKind.keySet().forEach(kind -> v.explicitlySet.add("preferredAlgorithms." + kind));
            v.preferredAlgorithms.putAll(byKind);
            return this;
        }

        /**
         * Resolves the name given to {@code connect} as {@code ssh name} would with this
         * configuration, and applies its HostName, HostKeyAlias, Port, User, IdentityFile (every one, in
         * order, after this builder's; missing files skipped as ssh does), CertificateFile (each
         * certificate offered just before the identity file's or agent's key it certifies),
         * IdentitiesOnly (then only the identity files' keys are tried, and the agent's only where
         * they are the same key, e.g. an encrypted file whose key the agent holds), IdentityAgent
         * ({@code none}, a path, {@code $VAR}, {@code SSH_AUTH_SOCK}), PreferredAuthentications (the
         * methods tried and their order, among publickey, password, keyboard-interactive and
         * gssapi-with-mic), UserKnownHostsFile (several; the first is where new keys are saved),
         * GlobalKnownHostsFile, StrictHostKeyChecking (yes and ask: {@link RejectPolicy}; accept-new:
         * {@link AutoAddPolicy}; no/off: {@link WarningPolicy}) unless
         * {@link SshClient#setMissingHostKeyPolicy} was called, HashKnownHosts (accept-new then writes
         * {@code |1|} hashed names), Ciphers, MACs, KexAlgorithms,
         * HostKeyAlgorithms, PubkeyAcceptedAlgorithms (with {@code + - ^} against javamiko's
         * defaults), ConnectTimeout, ServerAliveInterval and ServerAliveCountMax ({@link #keepalive}),
         * Compression, ForwardAgent and SetEnv (for every command), ProxyJump and ProxyCommand
         * ({@code none} honoured), GSSAPIAuthentication, GSSAPIDelegateCredentials,
         * GSSAPIKeyExchange and GSSAPITrustDns ({@link #gssAuth}, {@link #gssDelegCreds},
         * {@link #gssKex}, {@link #gssTrustDns}; with a configuration, as in ssh, the ticket is not
         * delegated nor DNS trusted unless it says so; gssapi-with-mic is tried only where the server
         * offers it; GSSAPIKeyExchange yes without a Kerberos ticket falls back to the other key
         * exchanges, as ssh does, where {@code gssKex(true)} fails clearly), and LocalForward, RemoteForward and DynamicForward of the target (not of
         * jump hops), opened once connected and closed with the client, with GatewayPorts,
         * ClearAllForwardings and ExitOnForwardFailure: as in ssh, a forwarding that cannot be
         * opened is logged as a warning and left out, unless ExitOnForwardFailure is yes, when
         * {@code connect} fails naming it (javamiko cannot listen on a local Unix socket, forward to
         * one, nor run a SOCKS proxy on the server: such forwardings count as failed). A value set
         * on this builder wins. Not applied (logged at DEBUG when present):
         * ControlMaster/ControlPath/ControlPersist, AddKeysToAgent, VerifyHostKeyDNS, UpdateHostKeys,
         * BatchMode, GSSAPIServerIdentity, SendEnv, RequestTTY, LogLevel, and every other keyword.
         *
         * @param config e.g. {@link SshConfig#load()}
         * @return this builder
         */
        public Builder sshConfig(SshConfig config) {
            v.sshConfig = config;
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
            v.explicitlySet.add("proxyJump");
            v.proxyJump = jumps;
            return this;
        }

        /**
         * @param command run with {@code /bin/sh -c} after {@code %h %p %r %n %%} expansion; its
         *        stdin and stdout carry the connection, its stderr is logged; {@code none}: no
         *        command even if the configuration names one
         * @return this builder
         */
        public Builder proxyCommand(String command) {
            v.explicitlySet.add("proxyCommand");
            v.proxyCommand = command;
            return this;
        }

        /**
         * @param socket an OpenSSH ControlMaster's socket ({@code ControlPath}, tokens expanded):
         *        {@link SshClientPool#run(String, ConnectOptions, String, ExecOptions)} runs commands
         *        through the master when one answers there, as {@code ssh} with {@code ControlMaster
         *        auto} does, and connects itself otherwise; null (the default) for the config's
         * @return this builder
         */
        public Builder controlPath(Path socket) {
            v.explicitlySet.add("controlPath");
            v.controlPath = socket;
            return this;
        }

        /**
         * @param interval the silence after which {@code keepalive@openssh.com} is sent; null: off
         * @param countMax how many unanswered keepalives end the connection
         * @return this builder
         */
        public Builder keepalive(Duration interval, int countMax) {
            v.explicitlySet.add("keepalive");
            v.keepaliveInterval = interval;
            v.keepaliveCountMax = countMax;
            return this;
        }

        /**
         * @param handler answers keyboard-interactive prompts during connect (instead of the password)
         * @return this builder
         */
        public Builder interactiveHandler(InteractiveHandler handler) {
            v.interactiveHandler = handler;
            return this;
        }

        /**
         * @param file a known_hosts file loaded before the host key check, as {@link SshClient#loadHostKeys}
         * @return this builder
         */
        public Builder knownHostsFile(Path file) {
            v.explicitlySet.add("knownHostsFile");
            v.knownHostsFiles.add(file);
            return this;
        }

        /** @return the options */
        public ConnectOptions build() {
            return new ConnectOptions(v.copy());
        }
    }
}
