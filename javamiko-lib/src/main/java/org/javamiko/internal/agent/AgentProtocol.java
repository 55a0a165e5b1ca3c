package org.javamiko.internal.agent;

import java.util.ArrayList;
import java.util.List;

import org.javamiko.AuthenticationException;
import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * The client's side of the ssh-agent protocol (draft-miller-ssh-agent): listing identities and
 * asking for signatures, with every count and length from the agent checked.
 */
public final class AgentProtocol {
    /** The agent could not do what was asked (locked, refused, unknown key, declined by the user). */
    public static final int SSH_AGENT_FAILURE = 5;
    /** Asks for the list of identities. */
    public static final int SSH_AGENTC_REQUEST_IDENTITIES = 11;
    /** The list of identities. */
    public static final int SSH_AGENT_IDENTITIES_ANSWER = 12;
    /** Asks for a signature. */
    public static final int SSH_AGENTC_SIGN_REQUEST = 13;
    /** A signature. */
    public static final int SSH_AGENT_SIGN_RESPONSE = 14;
    /** The agent did what was asked. */
    public static final int SSH_AGENT_SUCCESS = 6;
    /** A vendor extension request, such as {@code session-bind@openssh.com}. */
    public static final int SSH_AGENTC_EXTENSION = 27;
    /** Sign-request flag: an RSA key signs with SHA-256 (rsa-sha2-256, RFC 8332). */
    public static final int SSH_AGENT_RSA_SHA2_256 = 2;
    /** Sign-request flag: an RSA key signs with SHA-512 (rsa-sha2-512, RFC 8332). */
    public static final int SSH_AGENT_RSA_SHA2_512 = 4;

    /** OpenSSH's agent holds at most this many identities (MAX_AGENT_IDENTITIES). */
    static final int MAX_IDENTITIES = 2048;

    private AgentProtocol() {
    }

    /**
     * One identity the agent holds.
     *
     * @param blob the public key or certificate blob, as the agent sent it
     * @param comment the comment it was added with (often the key file's path)
     */
    public record Identity(byte[] blob, String comment) {
    }

    /** @return the body of a REQUEST_IDENTITIES message */
    public static byte[] requestIdentities() {
        return new byte[] {SSH_AGENTC_REQUEST_IDENTITIES};
    }

    /**
     * Parses the reply to REQUEST_IDENTITIES.
     *
     * @param reply the reply body
     * @return the identities, in the agent's order
     * @throws SshException when the agent refused or the reply is malformed
     */
    public static List<Identity> parseIdentities(byte[] reply) throws SshException {
        SshBuffer buf = SshBuffer.wrap(reply);
        int type = buf.getByte();
        if (type != SSH_AGENT_IDENTITIES_ANSWER) {
            throw unexpected("the list of identities", type);
        }
        long count = buf.getUInt32();
        // each identity takes at least two length fields, so the count cannot exceed what the reply holds
        if (count > MAX_IDENTITIES || count > buf.available() / 8) {
            throw new SshException("Malformed ssh-agent reply: " + count + " identities in " + reply.length + " bytes");
        }
        List<Identity> identities = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            identities.add(new Identity(buf.getString(), buf.getStringUtf8()));
        }
        if (buf.available() != 0) {
            throw new SshException("Malformed ssh-agent reply: " + buf.available() + " bytes after the identities");
        }
        return identities;
    }

    /**
     * Builds a SIGN_REQUEST.
     *
     * @param keyBlob the identity's blob, exactly as the agent listed it
     * @param data the bytes to sign
     * @param algorithm the plain signature algorithm wanted, e.g. {@code rsa-sha2-512}
     * @return the message body
     */
    public static byte[] signRequest(byte[] keyBlob, byte[] data, String algorithm) {
        return new SshBuffer(keyBlob.length + data.length + 16).putByte(SSH_AGENTC_SIGN_REQUEST).putString(keyBlob)
                .putString(data).putInt(signFlags(algorithm)).toByteArray();
    }

    /**
     * Builds OpenSSH's {@code session-bind@openssh.com} extension (PROTOCOL.agent): it tells the
     * agent which server this connection is for, proven by the server's signature over the
     * session identifier, so the agent can enforce the destination constraints of
     * {@code ssh-add -h} keys, e.g. hide them from a server they may log in to but not be used on.
     *
     * @param hostKey the server's host key blob
     * @param sessionId the session identifier
     * @param signature the server's signature over it, from the first key exchange
     * @param forwarding true for a connection forwarded to the server, false for authenticating to it
     * @return the message body
     */
    public static byte[] sessionBind(byte[] hostKey, byte[] sessionId, byte[] signature, boolean forwarding) {
        return new SshBuffer(hostKey.length + sessionId.length + signature.length + 64).putByte(SSH_AGENTC_EXTENSION)
                .putString("session-bind@openssh.com").putString(hostKey).putString(sessionId).putString(signature)
                .putBoolean(forwarding).toByteArray();
    }

    /**
     * @param reply a reply body
     * @return true for SSH_AGENT_SUCCESS
     */
    public static boolean isSuccess(byte[] reply) {
        return reply.length == 1 && reply[0] == SSH_AGENT_SUCCESS;
    }

    /**
     * @param algorithm a plain signature algorithm
     * @return the flags that make an RSA key sign with it; 0 for every other algorithm
     */
    static int signFlags(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-256" -> SSH_AGENT_RSA_SHA2_256;
            case "rsa-sha2-512" -> SSH_AGENT_RSA_SHA2_512;
            default -> 0;
        };
    }

    /**
     * Parses the reply to SIGN_REQUEST and checks that the agent signed with the algorithm asked
     * for (an old agent may answer an rsa-sha2 request with an SHA-1 {@code ssh-rsa} signature).
     *
     * @param reply the reply body
     * @param algorithm the plain algorithm that was asked for
     * @return the signature blob: {@code string algorithm, string signature}
     * @throws AuthenticationException when the agent refused: this key cannot be used, another may
     * @throws SshException when the agent signed otherwise, or the reply is malformed
     */
    public static byte[] parseSignature(byte[] reply, String algorithm) throws SshException {
        SshBuffer buf = SshBuffer.wrap(reply);
        int type = buf.getByte();
        if (type == SSH_AGENT_FAILURE) {
            throw new AuthenticationException("The ssh-agent refused to sign with " + algorithm + " (is it locked,"
                    + " is the key gone, was confirmation declined, or is the key restricted to other hosts?)");
        }
        if (type != SSH_AGENT_SIGN_RESPONSE) {
            throw unexpected("a " + algorithm + " signature", type);
        }
        byte[] signature = buf.getString();
        if (buf.available() != 0) {
            throw new SshException("Malformed ssh-agent reply: " + buf.available() + " bytes after the signature");
        }
        String signedWith = SshBuffer.wrap(signature).getStringUtf8();
        if (!signedWith.equals(algorithm)) {
            throw new SshException("The ssh-agent signed with " + signedWith + " when asked for " + algorithm
                    + " (an agent too old for RFC 8332?)");
        }
        return signature;
    }

    private static SshException unexpected(String wanted, int type) {
        if (type == SSH_AGENT_FAILURE) {
            return new SshException("The ssh-agent refused to give " + wanted
                    + " (is it locked, is the key gone, or was confirmation declined?)");
        }
        return new SshException("The ssh-agent answered message " + type + " when asked for " + wanted);
    }
}
