package org.javamiko.internal.auth;

import java.io.IOException;

import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;
import org.javamiko.AuthenticationException;
import org.javamiko.SshException;
import org.javamiko.internal.gss.GssTarget;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The GSS-API side of the {@code gssapi-with-mic} method (RFC 4462 §3) with the Kerberos V5
 * mechanism, through the JDK's JGSS: the security context with the server's {@code host}
 * principal, its tokens, and the MIC over the session identifier.
 *
 * <p>JGSS takes the user's Kerberos ticket from the JAAS {@code Subject} the connect runs in
 * ({@code Subject.doAs}), or, with {@code -Djavax.security.auth.useSubjectCredsOnly=false}, from
 * the native ticket cache ({@code KRB5CCNAME}).
 */
final class GssapiWithMic {
    /** The Kerberos V5 mechanism, 1.2.840.113554.1.2.2, DER-encoded as the wire wants it. */
    static final byte[] KERBEROS_OID_DER = GssTarget.kerberosOidDer();

    private final GSSContext context;
    private final String principal;

    private GssapiWithMic(GSSContext context, String principal) {
        this.context = context;
        this.principal = principal;
    }

    /**
     * A context with {@code host@<host>}, {@code host} canonicalised through DNS when asked (as
     * paramiko's {@code gss_trust_dns}).
     */
    static GssapiWithMic open(String host, boolean trustDns, boolean delegate) throws IOException {
        String target = GssTarget.hostName(host, trustDns);
        try {
            Oid kerberos = new Oid(KERBEROS_OID_DER);
            GSSManager manager = GSSManager.getInstance();
            GSSName name = manager.createName("host@" + target, GSSName.NT_HOSTBASED_SERVICE);
            GSSContext context = manager.createContext(name, kerberos, null, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(true);
            context.requestInteg(true);
            context.requestCredDeleg(delegate);
            return new GssapiWithMic(context, "host/" + target);
        } catch (GSSException e) {
            throw new AuthenticationException("Cannot set up GSS-API (Kerberos) for host/" + target + ": " + e.getMessage());
        }
    }

    /** @return the next token for the server, or null when there is none to send */
    byte[] step(byte[] input) throws AuthenticationException {
        try {
            byte[] out = context.initSecContext(input, 0, input.length);
            return out == null || out.length == 0 ? null : out;
        } catch (GSSException e) {
            throw failure(e);
        }
    }

    boolean established() {
        return context.isEstablished();
    }

    /** Whether the context can sign: only then is a MIC sent (else EXCHANGE_COMPLETE). */
    boolean integrity() {
        return context.getIntegState();
    }

    /** The MIC over the RFC 4462 §3.5 structure, which {@code signed} holds. */
    byte[] mic(byte[] signed) throws AuthenticationException {
        try {
            return context.getMIC(signed, 0, signed.length, new MessageProp(0, false));
        } catch (GSSException e) {
            throw failure(e);
        }
    }

    void dispose() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // Nothing held that the JVM would not free anyway.
        }
    }

    /** The server's SSH_MSG_USERAUTH_GSSAPI_ERROR, as an exception that names its message. */
    AuthenticationException serverError(SshBuffer error) throws SshException {
        long major = error.getUInt32();
        long minor = error.getUInt32();
        String message = error.getStringUtf8();
        return new AuthenticationException("The server's GSS-API failed for " + principal + " (major " + major
                + ", minor " + minor + "): " + message.strip());
    }

    private AuthenticationException failure(GSSException e) {
        if (e.getMajor() == GSSException.NO_CRED) {
            return new AuthenticationException("No Kerberos ticket for GSS-API authentication to " + principal
                    + " (run kinit, and connect inside a Subject holding it or with"
                    + " -Djavax.security.auth.useSubjectCredsOnly=false): " + e.getMessage());
        }
        return new AuthenticationException("GSS-API (Kerberos) authentication to " + principal + " failed: "
                + e.getMessage());
    }
}
