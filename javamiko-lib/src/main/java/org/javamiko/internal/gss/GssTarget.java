package org.javamiko.internal.gss;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;
import org.javamiko.AuthenticationException;
import org.javamiko.SshException;

/**
 * Whom a GSS key exchange authenticates, and as whom: the server's {@code host/<host>} principal
 * and the user's Kerberos credential.
 *
 * <p>The credential is taken when the target is made, on the thread that connects: JGSS finds
 * the user's ticket in the JAAS {@code Subject} of that thread ({@code Subject.doAs}), while the
 * exchanges themselves run later on the session's reader thread (and re-keys on whichever thread
 * crosses the limit), outside that Subject. Holding the credential lets every re-key make a fresh
 * context without it.
 */
public final class GssTarget {
    /** The Kerberos V5 mechanism, 1.2.840.113554.1.2.2, DER-encoded as the wire wants it. */
    private static final byte[] KERBEROS_OID_DER = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12,
        0x01, 0x02, 0x02};

    private final String host;
    private final boolean delegate;
    private final GSSCredential credential;

    private GssTarget(String host, boolean delegate, GSSCredential credential) {
        this.host = host;
        this.delegate = delegate;
        this.credential = credential;
    }

    /**
     * Takes the user's Kerberos credential now, on the calling thread.
     *
     * @param host the host part of the server's principal
     * @param trustDns whether to canonicalise {@code host} through DNS first (paramiko's {@code gss_trust_dns})
     * @param delegate whether each context asks to forward the user's ticket to the server
     * @return the target
     * @throws AuthenticationException when there is no Kerberos ticket to use
     */
    public static GssTarget acquire(String host, boolean trustDns, boolean delegate) throws AuthenticationException {
        String target = hostName(host, trustDns);
        try {
            GSSCredential credential = GSSManager.getInstance().createCredential(null, GSSCredential.DEFAULT_LIFETIME,
                    kerberos(), GSSCredential.INITIATE_ONLY);
            return new GssTarget(target, delegate, credential);
        } catch (GSSException e) {
            throw new AuthenticationException("No Kerberos ticket for GSS-API key exchange with host/" + target
                    + " (run kinit, and connect inside a Subject holding the ticket or with"
                    + " -Djavax.security.auth.useSubjectCredsOnly=false; or turn gssKex off): " + e.getMessage(), e);
        }
    }

    /**
     * @param host the host part of the server's principal as configured
     * @param trustDns whether to canonicalise it through DNS (paramiko's {@code gss_trust_dns});
     *                 when false, or when the name does not resolve, it is used as given
     * @return the host part to use
     */
    public static String hostName(String host, boolean trustDns) {
        return trustDns ? canonical(host) : host;
    }

    private static String canonical(String host) {
        try {
            return InetAddress.getByName(host).getCanonicalHostName();
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** @return the Kerberos V5 mechanism OID */
    static Oid kerberos() {
        try {
            return new Oid(KERBEROS_OID_DER);
        } catch (GSSException e) {
            throw new IllegalStateException("The JDK cannot read the Kerberos OID", e);
        }
    }

    /** @return the Kerberos V5 mechanism OID in its DER encoding, as key-exchange names hash it */
    public static byte[] kerberosOidDer() {
        return KERBEROS_OID_DER.clone();
    }

    /** @return the server's principal as messages name it, {@code host/<host>} */
    public String principal() {
        return "host/" + host;
    }

    /**
     * A fresh context for one key exchange, asking for mutual authentication and integrity (RFC
     * 4462 §2.1) and for delegation when configured.
     *
     * @return the context, before its first token
     * @throws SshException when JGSS cannot set it up
     */
    public GssContext newContext() throws SshException {
        try {
            GSSManager manager = GSSManager.getInstance();
            GSSName name = manager.createName("host@" + host, GSSName.NT_HOSTBASED_SERVICE);
            GSSContext context = manager.createContext(name, kerberos(), credential, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(true);
            context.requestInteg(true);
            context.requestCredDeleg(delegate);
            return new GssContext(context, principal());
        } catch (GSSException e) {
            throw new SshException("Cannot set up GSS-API (Kerberos) key exchange with " + principal() + ": "
                    + e.getMessage(), e);
        }
    }
}
