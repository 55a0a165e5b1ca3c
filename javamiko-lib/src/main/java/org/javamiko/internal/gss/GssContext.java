package org.javamiko.internal.gss;

import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.MessageProp;
import org.javamiko.SshException;

/**
 * One GSS-API security context with the server, as a key exchange established it: its tokens
 * while it is being established, then the MIC that authenticates the exchange hash and, for the
 * {@code gssapi-keyex} user authentication, our MIC over the session identifier.
 */
public final class GssContext {
    private final GSSContext context;
    private final String principal;

    GssContext(GSSContext context, String principal) {
        this.context = context;
        this.principal = principal;
    }

    /**
     * @param input the server's token, or an empty array for the first call
     * @return the next token for the server, or null when there is none to send
     * @throws SshException when the mechanism fails (unknown principal, expired ticket, bad token)
     */
    public byte[] step(byte[] input) throws SshException {
        try {
            byte[] out = context.initSecContext(input, 0, input.length);
            return out == null || out.length == 0 ? null : out;
        } catch (GSSException e) {
            throw new SshException("GSS-API (Kerberos) key exchange with " + principal + " failed: " + e.getMessage(), e);
        }
    }

    /** @return true once the context is established */
    public boolean established() {
        return context.isEstablished();
    }

    /**
     * RFC 4462 §2.1: an established context without mutual authentication or integrity cannot
     * authenticate the server.
     *
     * @throws SshException when either is missing
     */
    public void requireMutualAndIntegrity() throws SshException {
        if (!context.getMutualAuthState()) {
            throw new SshException("GSS-API key exchange with " + principal + ": the server was not authenticated"
                    + " (no mutual authentication)");
        }
        if (!context.getIntegState()) {
            throw new SshException("GSS-API key exchange with " + principal + ": the context offers no integrity");
        }
    }

    /**
     * @param data what the server signed (the exchange hash H)
     * @param mic the server's MIC
     * @throws SshException when the MIC does not verify: the exchange was not made with that server
     */
    public void verifyMic(byte[] data, byte[] mic) throws SshException {
        try {
            context.verifyMIC(mic, 0, mic.length, data, 0, data.length, new MessageProp(0, false));
        } catch (GSSException e) {
            throw new SshException("The server's GSS-API MIC over the key exchange hash does not verify ("
                    + principal + "): " + e.getMessage(), e);
        }
    }

    /**
     * @param data what to sign
     * @return our MIC over it
     * @throws SshException when the context cannot sign
     */
    public byte[] mic(byte[] data) throws SshException {
        try {
            return context.getMIC(data, 0, data.length, new MessageProp(0, false));
        } catch (GSSException e) {
            throw new SshException("Cannot make a GSS-API MIC with the key exchange's context (" + principal + "): "
                    + e.getMessage(), e);
        }
    }

    /** @return the server's principal as messages name it */
    public String principal() {
        return principal;
    }

    /** Frees the context; it cannot be used afterwards. */
    public void dispose() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // Nothing held that the JVM would not free anyway.
        }
    }
}
