package org.javamiko.internal.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Everything one SSH connection (the target or one jump hop) will use, resolved once from the
 * builder and the ssh_config; immutable, so connecting only reads it.
 *
 * @param alias the name given (what the config was looked up with)
 * @param hostName the host to connect to (HostName)
 * @param port the TCP port
 * @param user the user to log in as
 * @param knownName the name its host key is looked up under in known_hosts ({@code [host]:port} off 22)
 * @param identityFiles private key files to try, in order (missing ones are skipped, as ssh does)
 * @param identitiesOnly whether only the identity files are tried (no agent, no other ~/.ssh keys)
 * @param certificateFiles certificates to use with the identities
 * @param agent {@code null}: SSH_AUTH_SOCK's agent; {@code "none"}: no agent; else the agent socket path
 * @param userKnownHostsFiles known_hosts files loaded for the check; the first is where new keys go
 * @param globalKnownHostsFiles known_hosts files loaded read-only
 * @param strictHostKeyChecking the config's value (yes, accept-new, no, off, ask) or null: the client's policy
 * @param algorithms algorithm lists to offer, by kind key (ciphers, macs, kex, keys, pubkeys)
 * @param connectTimeout the TCP connect timeout, or null
 * @param keepaliveInterval the silence before a keepalive, or null for none
 * @param keepaliveCountMax unanswered keepalives before the connection ends
 * @param compress whether compression is offered
 * @param forwardAgent whether every command's channel forwards the agent
 * @param environment variables sent with every command (SetEnv)
 * @param preferredAuthentications the methods to try, in order, or empty for all
 * @param jumps the hops to go through first, in order; the first may have its own jumps
 * @param proxyCommand the proxy command with its tokens expanded, or null
 * @param hashKnownHosts whether host names added to known_hosts are written hashed ({@code |1|})
 * @param gss GSS-API authentication, credential delegation and key exchange
 * @param forwardings LocalForward, RemoteForward and DynamicForward, opened after connecting (target only)
 * @param exitOnForwardFailure whether a forwarding that cannot be opened fails the connect
 */
public record ConnectionPlan(String alias, String hostName, int port, String user, String knownName,
        List<Path> identityFiles, boolean identitiesOnly, List<Path> certificateFiles, String agent,
        List<Path> userKnownHostsFiles, List<Path> globalKnownHostsFiles, String strictHostKeyChecking,
        Map<String, List<String>> algorithms, Duration connectTimeout, Duration keepaliveInterval,
        int keepaliveCountMax, boolean compress, boolean forwardAgent, Map<String, String> environment,
        List<String> preferredAuthentications, List<ConnectionPlan> jumps, String proxyCommand,
        boolean hashKnownHosts, Gss gss, List<ForwardSpec> forwardings, boolean exitOnForwardFailure) {

    /**
     * GSSAPIAuthentication, GSSAPIDelegateCredentials, GSSAPIKeyExchange and GSSAPITrustDns.
     *
     * @param auth whether gssapi-with-mic is tried
     * @param delegateCredentials whether the Kerberos ticket is delegated to the server
     * @param keyExchange whether GSS-API key exchange is asked for
     * @param trustDns whether the host name is canonicalised through DNS for the server's principal
     */
    public record Gss(boolean auth, boolean delegateCredentials, boolean keyExchange, boolean trustDns) {
    }

    /** Copies every collection, so the plan cannot change after it is made. */
    public ConnectionPlan {
        identityFiles = List.copyOf(identityFiles);
        certificateFiles = List.copyOf(certificateFiles);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        algorithms = Map.copyOf(algorithms);
        environment = Map.copyOf(environment);
        preferredAuthentications = List.copyOf(preferredAuthentications);
        jumps = List.copyOf(jumps);
        forwardings = List.copyOf(forwardings);
    }

    /** @return the plan one keyword a line, like {@code ssh -G} (jump hops indented under it) */
    public String describe() {
        StringJoiner out = new StringJoiner("\n");
        describe(out, "");
        return out.toString();
    }

    private void describe(StringJoiner out, String indent) {
        out.add(indent + "host " + alias);
        out.add(indent + "hostname " + hostName);
        out.add(indent + "port " + port);
        out.add(indent + "user " + user);
        out.add(indent + "hostkeyalias " + knownName);
        identityFiles.forEach(file -> out.add(indent + "identityfile " + file));
        out.add(indent + "identitiesonly " + yesNo(identitiesOnly));
        certificateFiles.forEach(file -> out.add(indent + "certificatefile " + file));
        out.add(indent + "identityagent " + (agent == null ? "SSH_AUTH_SOCK" : agent));
        if (!userKnownHostsFiles.isEmpty()) {
            out.add(indent + "userknownhostsfile " + join(userKnownHostsFiles));
        }
        if (!globalKnownHostsFiles.isEmpty()) {
            out.add(indent + "globalknownhostsfile " + join(globalKnownHostsFiles));
        }
        if (strictHostKeyChecking != null) {
            out.add(indent + "stricthostkeychecking " + strictHostKeyChecking);
        }
        algorithms.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(indent + "algorithms." + e.getKey() + " " + String.join(",", e.getValue())));
        if (connectTimeout != null) {
            out.add(indent + "connecttimeout " + connectTimeout.toSeconds());
        }
        out.add(indent + "serveraliveinterval " + (keepaliveInterval == null ? 0 : keepaliveInterval.toSeconds()));
        out.add(indent + "serveralivecountmax " + keepaliveCountMax);
        out.add(indent + "compression " + yesNo(compress));
        out.add(indent + "forwardagent " + yesNo(forwardAgent));
        environment.forEach((name, value) -> out.add(indent + "setenv " + name + "=" + value));
        if (!preferredAuthentications.isEmpty()) {
            out.add(indent + "preferredauthentications " + String.join(",", preferredAuthentications));
        }
        if (proxyCommand != null) {
            out.add(indent + "proxycommand " + proxyCommand);
        }
        out.add(indent + "hashknownhosts " + yesNo(hashKnownHosts));
        out.add(indent + "gssapiauthentication " + yesNo(gss.auth()));
        out.add(indent + "gssapidelegatecredentials " + yesNo(gss.delegateCredentials()));
        out.add(indent + "gssapikeyexchange " + yesNo(gss.keyExchange()));
        out.add(indent + "gssapitrustdns " + yesNo(gss.trustDns()));
        forwardings.forEach(forward -> out.add(indent + forward.describe()));
        out.add(indent + "exitonforwardfailure " + yesNo(exitOnForwardFailure));
        for (ConnectionPlan jump : jumps) {
            out.add(indent + "proxyjump-hop");
            jump.describe(out, indent + "  ");
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String join(List<Path> files) {
        return String.join(" ", files.stream().map(Path::toString).toList());
    }
}
