package org.javamiko.config;

import java.util.List;

/**
 * One pass over a configuration for one host, as OpenSSH's read_config_file makes it: Host and Match
 * lines switch settings on and off, and the active settings go into an {@link OptionSet}.
 *
 * <p>ssh reads its configuration once, and a second time (the "final" pass) when hostname
 * canonicalisation is on or some {@code Match final} asked for it; on that pass {@code Match
 * canonical} and {@code Match final} hold and Host lines are compared with the final host name.
 */
final class LookupPass {
    private final LocalEnvironment local;
    private final String host;
    private final String originalHost;
    private final boolean finalPass;
    private final OptionSet options;
    private boolean finalPassRequested;

    /**
     * @param host the name Host lines are compared with: the name given to lookup on the first pass,
     *     the final (substituted, lower-cased, canonicalised) host name on the final pass
     * @param originalHost the name given to lookup
     */
    LookupPass(LocalEnvironment local, String host, String originalHost, boolean finalPass, OptionSet options) {
        this.local = local;
        this.host = host;
        this.originalHost = originalHost;
        this.finalPass = finalPass;
        this.options = options;
    }

    /** Runs the pass over the top-level entries. */
    void run(List<ConfigEntry> entries) {
        walk(entries, true, false);
    }

    /** Whether a {@code Match final} line was seen, so that a final pass must follow. */
    boolean finalPassRequested() {
        return finalPassRequested;
    }

    /**
     * @param active whether settings apply at the start (an included file inherits its includer's state)
     * @param neverMatch inside an Include from an inactive block: nothing there may become active
     */
    private void walk(List<ConfigEntry> entries, boolean active, boolean neverMatch) {
        boolean on = active;
        for (ConfigEntry entry : entries) {
            if (entry instanceof ConfigEntry.HostLine hostLine) {
                on = !neverMatch && HostPatterns.hostLineMatches(host, hostLine.patterns());
            } else if (entry instanceof ConfigEntry.MatchLine matchLine) {
                if (neverMatch) {
                    // ssh still notes a "Match final" here, though nothing in this file can apply.
                    finalPassRequested |= matchLine.criteria().stream()
                            .anyMatch(c -> c.kind() == MatchCriterion.Kind.FINAL);
                    on = false;
                } else {
                    on = matches(matchLine.criteria());
                }
            } else if (entry instanceof ConfigEntry.Setting setting) {
                if (on) {
                    options.apply(setting.line());
                }
            } else if (entry instanceof ConfigEntry.Include include) {
                for (ConfigEntry.IncludedFile file : include.files()) {
                    // An included file starts with the includer's state and cannot change it.
                    walk(file.entries(), on, neverMatch || !on);
                }
            }
        }
    }

    /** OpenSSH's match_cfg_line: every criterion must hold; exec runs only while all before it held. */
    private boolean matches(List<MatchCriterion> criteria) {
        String matchHost = currentHost();
        boolean result = true;
        for (MatchCriterion criterion : criteria) {
            boolean holds;
            switch (criterion.kind()) {
                case ALL:
                    return result && !criterion.negated();
                case FINAL:
                    finalPassRequested = true;
                    holds = finalPass;
                    break;
                case CANONICAL:
                    holds = finalPass;
                    break;
                case HOST:
                    holds = HostPatterns.matchesList(matchHost, criterion.argument(), true);
                    break;
                case ORIGINALHOST:
                    holds = HostPatterns.matchesList(originalHost, criterion.argument(), true);
                    break;
                case USER:
                    holds = HostPatterns.matchesList(remoteUser(), criterion.argument(), false);
                    break;
                case LOCALUSER:
                    holds = HostPatterns.matchesList(local.userName(), criterion.argument(), false);
                    break;
                case EXEC:
                    if (!result) {
                        continue; // OpenSSH skips the command once the line cannot match any more
                    }
                    holds = local.runsSuccessfully(TokenExpander.percent(criterion.argument(),
                            TokenExpander.forMatchExec(local, matchHost, originalHost, port(), remoteUser(),
                                    options.get("hostkeyalias")), "Match exec"));
                    break;
                default:
                    throw new IllegalStateException("unhandled Match criterion " + criterion.kind());
            }
            if (holds == criterion.negated()) {
                result = false;
            }
        }
        return result;
    }

    /** The host name as known at this point: HostName (with %h) if set so far, else the name given. */
    private String currentHost() {
        if (finalPass) {
            return options.get("hostname");
        }
        String hostName = options.get("hostname");
        return hostName == null ? host : SshConfig.expandHostName(hostName, originalHost);
    }

    private String remoteUser() {
        String user = options.get("user");
        return user == null ? local.userName() : user;
    }

    private String port() {
        String port = options.get("port");
        return port == null ? "22" : port;
    }
}
