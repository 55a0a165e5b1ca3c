package org.javamiko.config;

import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * CanonicalizeHostname, as OpenSSH's resolve_canonicalize does it: an address is left alone; a name
 * ending in a dot is already qualified; a name with more dots than CanonicalizeMaxDots (default 1)
 * is left to the system resolver; otherwise each CanonicalDomains suffix is tried in order and the
 * first that resolves is taken. With CanonicalizeHostname {@code yes} this only happens without
 * ProxyCommand/ProxyJump; {@code always} does it anyway.
 *
 * <p>Not done: CanonicalizePermittedCNAMEs (the JDK resolver does not show CNAME chains, so a name
 * is never replaced by its CNAME target).
 */
final class HostCanonicalizer {
    private final LocalEnvironment local;

    HostCanonicalizer(LocalEnvironment local) {
        this.local = local;
    }

    /**
     * @return the canonical name, or {@code host} unchanged when canonicalisation does not apply or
     *     finds nothing and CanonicalizeFallbackLocal allows that
     * @throws UncheckedIOException wrapping an {@link UnknownHostException} when no suffix resolves
     *     and CanonicalizeFallbackLocal is no
     */
    String canonicalize(String host, OptionSet options, boolean always) {
        if (host.isEmpty() || looksLikeAddress(host)) {
            return host;
        }
        boolean direct = isUnsetOrNone(options.get("proxycommand")) && isUnsetOrNone(options.get("proxyjump"));
        if (!direct && !always) {
            return host;
        }
        if (host.endsWith(".")) {
            if (local.resolves().test(host)) {
                return host.substring(0, host.length() - 1);
            }
            return notFound(host, options);
        }
        String maxDotsValue = options.get("canonicalizemaxdots");
        int maxDots = maxDotsValue == null ? 1 : Integer.parseInt(maxDotsValue);
        if (host.chars().filter(c -> c == '.').count() > maxDots) {
            return host;
        }
        String domains = options.get("canonicaldomains");
        if (domains != null) {
            for (String domain : domains.split(" ")) {
                if (domain.equalsIgnoreCase("none")) {
                    break;
                }
                String candidate = host + "." + domain;
                if (local.resolves().test(candidate + ".")) {
                    return candidate;
                }
            }
        }
        return notFound(host, options);
    }

    private static String notFound(String host, OptionSet options) {
        String fallback = options.get("canonicalizefallbacklocal");
        if (fallback != null && (fallback.equalsIgnoreCase("no") || fallback.equalsIgnoreCase("false"))) {
            throw new UncheckedIOException(new UnknownHostException("Could not resolve host \"" + host
                    + "\" in any of CanonicalDomains (" + options.get("canonicaldomains")
                    + ") and CanonicalizeFallbackLocal is no"));
        }
        return host;
    }

    private static boolean isUnsetOrNone(String value) {
        return value == null || value.equalsIgnoreCase("none");
    }

    /** IPv4 dotted quads and anything with a colon (IPv6) are addresses, not names to qualify. */
    static boolean looksLikeAddress(String host) {
        return host.indexOf(':') >= 0 || host.toLowerCase(Locale.ROOT).matches("[0-9]+(\\.[0-9]+){3}");
    }
}
