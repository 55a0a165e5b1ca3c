package org.javamiko.internal.kex;

/**
 * Message numbers of the key-exchange methods (RFC 4253 §12, RFC 4419 §5, RFC 5656 §7.1, RFC 4462 §2.5). The
 * numbers 30 to 49 are reused by each method with its own meaning, so they are grouped by method.
 */
final class KexMessages {
    /** SSH_MSG_KEXDH_INIT, also SSH_MSG_KEX_ECDH_INIT and the hybrid methods' INIT. */
    static final int KEXDH_INIT = 30;
    /** SSH_MSG_KEXDH_REPLY, also SSH_MSG_KEX_ECDH_REPLY and the hybrid methods' REPLY. */
    static final int KEXDH_REPLY = 31;

    /** SSH_MSG_KEX_DH_GEX_GROUP: the server's p and g. */
    static final int KEX_DH_GEX_GROUP = 31;
    /** SSH_MSG_KEX_DH_GEX_INIT: the client's e. */
    static final int KEX_DH_GEX_INIT = 32;
    /** SSH_MSG_KEX_DH_GEX_REPLY: host key, f and signature. */
    static final int KEX_DH_GEX_REPLY = 33;
    /** SSH_MSG_KEX_DH_GEX_REQUEST: the client's min, preferred and max group size. */
    static final int KEX_DH_GEX_REQUEST = 34;

    /** SSH_MSG_KEXGSS_INIT (RFC 4462 §2.5): the first token and the client's value. */
    static final int KEXGSS_INIT = 30;
    /** SSH_MSG_KEXGSS_CONTINUE: one more token, either way. */
    static final int KEXGSS_CONTINUE = 31;
    /** SSH_MSG_KEXGSS_COMPLETE: the server's value, its MIC over H and maybe a last token. */
    static final int KEXGSS_COMPLETE = 32;
    /** SSH_MSG_KEXGSS_HOSTKEY: the server's host key, which enters H unsigned. */
    static final int KEXGSS_HOSTKEY = 33;
    /** SSH_MSG_KEXGSS_ERROR: the server's GSS-API failure. */
    static final int KEXGSS_ERROR = 34;

    private KexMessages() {
    }
}
