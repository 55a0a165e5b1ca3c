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
 * The values of a {@link ConnectOptions}, declared once: its {@link ConnectOptions.Builder} fills
 * one, with the defaults below, and {@link ConnectOptions} keeps a {@link #copy()} that nobody
 * changes afterwards (collections copied unmodifiable).
 */
final class ConnectValues {
    int port = 22;
    String username = System.getProperty("user.name");
    String password;
    String passphrase;
    PKey pkey;
    List<Path> keyFilenames = new ArrayList<>();
    Duration timeout;
    boolean allowAgent = true;
    Path identityAgent;
    boolean lookForKeys = true;
    boolean compress;
    Socket socket;
    Channel tunnel;
    boolean gssAuth;
    boolean gssKex;
    boolean gssDelegCreds = true;
    String gssHost;
    boolean gssTrustDns = true;
    Duration bannerTimeout = Duration.ofSeconds(15);
    Duration authTimeout = Duration.ofSeconds(30);
    Duration channelTimeout = Duration.ofHours(1);
    Map<String, List<String>> disabledAlgorithms = new LinkedHashMap<>();
    Map<String, List<String>> preferredAlgorithms = new LinkedHashMap<>();
    SshConfig sshConfig;
    String proxyJump;
    String proxyCommand;
    Duration keepaliveInterval;
    int keepaliveCountMax = 3;
    InteractiveHandler interactiveHandler;
    List<Path> knownHostsFiles = new ArrayList<>();
    Path controlPath;
    Set<String> explicitlySet = new LinkedHashSet<>();


    /** @return a snapshot for one {@link ConnectOptions} */
    ConnectValues copy() {
        ConnectValues c = new ConnectValues();
        c.port = port;
        c.username = username;
        c.password = password;
        c.passphrase = passphrase;
        c.pkey = pkey;
        c.keyFilenames = List.copyOf(keyFilenames);
        c.timeout = timeout;
        c.allowAgent = allowAgent;
        c.identityAgent = identityAgent;
        c.lookForKeys = lookForKeys;
        c.compress = compress;
        c.socket = socket;
        c.tunnel = tunnel;
        c.gssAuth = gssAuth;
        c.gssKex = gssKex;
        c.gssDelegCreds = gssDelegCreds;
        c.gssHost = gssHost;
        c.gssTrustDns = gssTrustDns;
        c.bannerTimeout = bannerTimeout;
        c.authTimeout = authTimeout;
        c.channelTimeout = channelTimeout;
        c.disabledAlgorithms = Map.copyOf(disabledAlgorithms);
        c.preferredAlgorithms = Map.copyOf(preferredAlgorithms);
        c.sshConfig = sshConfig;
        c.proxyJump = proxyJump;
        c.proxyCommand = proxyCommand;
        c.keepaliveInterval = keepaliveInterval;
        c.keepaliveCountMax = keepaliveCountMax;
        c.interactiveHandler = interactiveHandler;
        c.knownHostsFiles = List.copyOf(knownHostsFiles);
        c.controlPath = controlPath;
        c.explicitlySet = Set.copyOf(explicitlySet);
        return c;
    }
}
