package org.javamiko.internal.session;

/**
 * Pseudo-algorithms carried in the kex name-list that are signals, not methods. Servers must be
 * searched for them anywhere in the list, never at a fixed position.
 */
final class Pseudo {
    /** RFC 8308: we accept SSH_MSG_EXT_INFO. */
    static final String EXT_INFO_C = "ext-info-c";
    /** OpenSSH's strict key exchange (the Terrapin fix), our side. */
    static final String STRICT_KEX_C = "kex-strict-c-v00@openssh.com";
    /** OpenSSH's strict key exchange, the server's side. */
    static final String STRICT_KEX_S = "kex-strict-s-v00@openssh.com";

    private Pseudo() {
    }

    static boolean isPseudo(String name) {
        return name.startsWith("ext-info-") || name.startsWith("kex-strict-");
    }
}
