package org.javamiko;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.javamiko.config.SshConfig;
import org.javamiko.keys.PKey;
import org.javamiko.transport.Channel;
import org.javamiko.transport.InteractiveHandler;

/**
 * The read side of {@link ConnectOptions}: one public accessor per option, over the values the
 * options hold. Declared here so that ConnectOptions itself holds only its construction and its
 * builder; to callers these are ConnectOptions' methods.
 */
abstract class ConnectOptionsAccessors {
    ConnectOptionsAccessors() {
    }

    /** @return the values, never changed after the options are built */
    abstract ConnectValues values();

    /** @return the TCP port */
    public int port() {
        return values().port;
    }

    /** @return the user name to log in as */
    public String username() {
        return values().username;
    }

    /** @return the password, or null */
    public String password() {
        return values().password;
    }

    /** @return the passphrase for encrypted keys, or null (then the password is tried) */
    public String passphrase() {
        return values().passphrase;
    }

    /** @return a key to authenticate with first, or null */
    public PKey pkey() {
        return values().pkey;
    }

    /** @return key files to try, in order */
    public List<Path> keyFilenames() {
        return values().keyFilenames;
    }

    /** @return the TCP connect timeout, or null for none */
    public Duration timeout() {
        return values().timeout;
    }

    /** @return whether to try the ssh-agent's keys */
    public boolean allowAgent() {
        return values().allowAgent;
    }

    /** @return the agent socket to use instead of {@code SSH_AUTH_SOCK}'s, or null for that one */
    public Path identityAgent() {
        return values().identityAgent;
    }

    /** @return whether to try ~/.ssh/id_rsa, id_ecdsa and id_ed25519 */
    public boolean lookForKeys() {
        return values().lookForKeys;
    }

    /** @return whether compression was asked for */
    public boolean compress() {
        return values().compress;
    }

    /** @return a connected socket to use instead of opening one, or null */
    public Socket socket() {
        return values().socket;
    }

    /** @return a channel of another connection to tunnel through (a jump host), or null */
    public Channel tunnel() {
        return values().tunnel;
    }

    /** @return whether GSS-API authentication was asked for */
    public boolean gssAuth() {
        return values().gssAuth;
    }

    /** @return whether GSS-API key exchange was asked for */
    public boolean gssKex() {
        return values().gssKex;
    }

    /** @return whether GSS-API credentials would be delegated */
    public boolean gssDelegCreds() {
        return values().gssDelegCreds;
    }

    /** @return the GSS-API host name, or null for the host connected to */
    public String gssHost() {
        return values().gssHost;
    }

    /** @return whether DNS is trusted to canonicalise the GSS-API host */
    public boolean gssTrustDns() {
        return values().gssTrustDns;
    }

    /** @return how long to wait for the server's identification string */
    public Duration bannerTimeout() {
        return values().bannerTimeout;
    }

    /** @return how long to wait for each authentication reply (and the key exchange) */
    public Duration authTimeout() {
        return values().authTimeout;
    }

    /** @return how long to wait for a channel-open answer */
    public Duration channelTimeout() {
        return values().channelTimeout;
    }

    /** @return algorithms removed from the defaults, by kind */
    public Map<String, List<String>> disabledAlgorithms() {
        return values().disabledAlgorithms;
    }

    /** @return algorithms to offer exactly, in order, by kind */
    public Map<String, List<String>> preferredAlgorithms() {
        return values().preferredAlgorithms;
    }

    /** @return the configuration the host name is resolved through, or null */
    public SshConfig sshConfig() {
        return values().sshConfig;
    }

    /** @return the jump hosts, {@code [user@]host[:port],...} as {@code ssh -J}, or null */
    public String proxyJump() {
        return values().proxyJump;
    }

    /** @return the proxy command, before token expansion, or null */
    public String proxyCommand() {
        return values().proxyCommand;
    }

    /** @return the silence after which a keepalive is sent, or null for none */
    public Duration keepaliveInterval() {
        return values().keepaliveInterval;
    }

    /** @return how many unanswered keepalives end the connection */
    public int keepaliveCountMax() {
        return values().keepaliveCountMax;
    }

    /** @return what answers keyboard-interactive prompts, or null (then the password does) */
    public InteractiveHandler interactiveHandler() {
        return values().interactiveHandler;
    }

    /** @return known_hosts files to load before the host key check, in order */
    public List<Path> knownHostsFiles() {
        return values().knownHostsFiles;
    }

    /** @return the OpenSSH ControlMaster socket to use when a master answers there, or null */
    public Path controlPath() {
        return values().controlPath;
    }

    /**
     * @return the names of the builder methods called (e.g. {@code "port"}, {@code "username"}):
     *         these win over the {@link #sshConfig()}'s values
     */
    public Set<String> explicitlySet() {
        return values().explicitlySet;
    }
}
