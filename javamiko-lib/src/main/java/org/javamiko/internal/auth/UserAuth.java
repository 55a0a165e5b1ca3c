package org.javamiko.internal.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.AuthenticationException;
import org.javamiko.BadAuthenticationTypeException;
import org.javamiko.SshException;
import org.javamiko.internal.gss.GssContext;
import org.javamiko.internal.session.Msg;
import org.javamiko.internal.session.SshSession;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.keys.EcdsaKey;
import org.javamiko.keys.Ed25519Key;
import org.javamiko.keys.PKey;
import org.javamiko.keys.RsaKey;
import org.javamiko.transport.InteractiveHandler;
import org.javamiko.transport.Prompt;

/**
 * The client side of the authentication protocol (RFC 4252, RFC 4256): one method per call,
 * each waiting for the server's verdict.
 *
 * <p>Each method returns an empty list on success, the methods the server still wants on partial
 * success, and throws {@link AuthenticationException} when refused, or
 * {@link BadAuthenticationTypeException} when the server does not allow the method at all.
 */
public final class UserAuth {
    private static final String SERVICE = "ssh-connection";
    /**
     * SSH_MSG_SERVICE_REQUEST for {@code ssh-userauth}: the session sends it right behind its
     * first NEWKEYS ({@link SshSession#sendAfterFirstNewKeys}), a round trip earlier than asking
     * after the key exchange could.
     */
    public static final byte[] SERVICE_REQUEST = new SshBuffer(32).putByte(Msg.SERVICE_REQUEST)
            .putString("ssh-userauth").toByteArray();
    private static final int MAX_PROMPTS = 64;
    private static final int MAX_GSS_ROUNDS = 16;
    // RFC 4462 §3: the gssapi-with-mic messages, in the method-specific range 60-79.
    private static final int GSSAPI_RESPONSE = 60;
    private static final int GSSAPI_TOKEN = 61;
    private static final int GSSAPI_EXCHANGE_COMPLETE = 63;
    private static final int GSSAPI_ERROR = 64;
    private static final int GSSAPI_ERRTOK = 65;
    private static final int GSSAPI_MIC = 66;

    private final SshSession session;
    private final Duration timeout;
    private boolean serviceAccepted;
    private boolean authenticated;
    private String username;
    private List<String> lastAllowed = List.of();

    /**
     * @param session the session, after its first key exchange
     * @param timeout bounds each wait for a server reply
     */
    public UserAuth(SshSession session, Duration timeout) {
        this.session = session;
        this.timeout = timeout;
    }

    /** @return true after a method succeeded completely */
    public synchronized boolean isAuthenticated() {
        return authenticated;
    }

    /** @return the user name that authenticated, or null */
    public synchronized String username() {
        return authenticated ? username : null;
    }

    /** @return the methods the server named in its last refusal or partial success */
    public synchronized List<String> lastAllowed() {
        return lastAllowed;
    }

    /**
     * Waits for the server's answer to the {@code ssh-userauth} service request, which the session
     * sent right after its first NEWKEYS ({@link #SERVICE_REQUEST}), a round trip earlier
     * than asking here could.
     */
    private void ensureService() throws IOException {
        if (serviceAccepted) {
            return;
        }
        SshBuffer reply = session.nextAuthMessage(timeout);
        int type = reply.getByte();
        if (type != Msg.SERVICE_ACCEPT) {
            throw new SshException("The server refused the ssh-userauth service (message " + type + ")");
        }
        serviceAccepted = true;
        session.timeline().mark("service-accepted");
    }

    private SshBuffer request(String user, String method) {
        return new SshBuffer(256).putByte(Msg.USERAUTH_REQUEST).putString(user).putString(SERVICE).putString(method);
    }

    /** The "none" method: usually refused, which tells us the methods the server allows. */
    public synchronized List<String> authNone(String user) throws IOException {
        ensureService();
        session.log().debug("Trying authentication method none for {}", user);
        session.send(request(user, "none"));
        session.timeline().mark("none-sent");
        return verdict(user, "none", session.nextAuthMessage(timeout));
    }

    /** The "password" method. */
    public synchronized List<String> authPassword(String user, String password) throws IOException {
        ensureService();
        session.log().debug("Trying password authentication for {}", user);
        session.send(request(user, "password").putBoolean(false).putString(password));
        session.timeline().mark("password-sent");
        SshBuffer reply = session.nextAuthMessage(timeout);
        if (peekType(reply) == Msg.USERAUTH_60) {
            throw new AuthenticationException("The server wants the password of " + user
                    + " changed before it allows a login; change it with another client first");
        }
        return verdict(user, "password", reply);
    }

    /**
     * The "publickey" method. A key held in memory sends its signed request at once, as paramiko
     * does: signing is a local computation without side effects, and a refused signed request
     * costs the server one attempt, as a refused query does, while an accepted one saves the
     * query's round trip. Any other key (an agent's, which may ask its user to confirm; a
     * security key, which needs a touch; a subclass we do not know) first asks whether the server
     * would accept it (no signature, as OpenSSH does) and signs only when it would.
     *
     * @param algorithms the signature algorithms to try for this key, best first
     */
    public synchronized List<String> authPublickey(String user, PKey key, List<String> algorithms) throws IOException {
        ensureService();
        if (algorithms.isEmpty()) {
            throw new AuthenticationException("No signature algorithm usable with the " + key.getName()
                    + " key " + key.fingerprint() + " is both enabled here and accepted by the server");
        }
        AuthenticationException refused = null;
        for (String algorithm : algorithms) {
            if (session.log().isDebugEnabled()) {
                session.log().debug("Offering {} key {} ({}) for {}", key.getName(), key.fingerprint(), algorithm, user);
            }
            SshBuffer reply;
            if (signsWithoutSideEffects(key)) {
                session.send(signedRequest(user, key, algorithm));
                session.timeline().mark("publickey-signed-sent");
                reply = session.nextAuthMessage(timeout);
            } else {
                session.send(request(user, "publickey").putBoolean(false).putString(algorithm).putString(key.asBytes()));
                session.timeline().mark("publickey-query-sent");
                reply = session.nextAuthMessage(timeout);
                session.timeline().mark("publickey-query-answered");
                if (peekType(reply) == Msg.USERAUTH_60) {
                    if (!key.canSign()) {
                        throw new AuthenticationException("The server accepts key " + key.fingerprint()
                                + " but its private half is not available to sign with");
                    }
                    session.send(signedRequest(user, key, algorithm));
                    reply = session.nextAuthMessage(timeout);
                }
            }
            try {
                return verdict(user, "publickey", reply);
            } catch (BadAuthenticationTypeException e) {
                throw e;
            } catch (AuthenticationException e) {
                refused = e;
            }
        }
        throw refused;
    }

    /** Only our own in-memory key types (not subclasses) that hold their private half. */
    private static boolean signsWithoutSideEffects(PKey key) {
        Class<?> type = key.getClass();
        return key.canSign() && (type == Ed25519Key.class || type == EcdsaKey.class || type == RsaKey.class);
    }

    private SshBuffer signedRequest(String user, PKey key, String algorithm) throws IOException {
        return request(user, "publickey").putBoolean(true).putString(algorithm).putString(key.asBytes())
                .putString(sign(user, key, algorithm));
    }

    private byte[] sign(String user, PKey key, String algorithm) throws IOException {
        byte[] signature = key.signSshData(signedData(user, algorithm, key.asBytes()), algorithm);
        session.timeline().mark("signed");
        return signature;
    }

    private byte[] signedData(String user, String algorithm, byte[] blob) {
        return new SshBuffer(512).putString(session.sessionId()).putByte(Msg.USERAUTH_REQUEST).putString(user)
                .putString(SERVICE).putString("publickey").putBoolean(true).putString(algorithm).putString(blob)
                .toByteArray();
    }

    /** The "keyboard-interactive" method (RFC 4256): each round of prompts goes to the handler. */
    public synchronized List<String> authInteractive(String user, InteractiveHandler handler, String submethods)
            throws IOException {
        ensureService();
        session.log().debug("Trying keyboard-interactive authentication for {}", user);
        session.send(request(user, "keyboard-interactive").putString("").putString(submethods == null ? "" : submethods));
        session.timeline().mark("keyboard-interactive-sent");
        while (true) {
            SshBuffer reply = session.nextAuthMessage(timeout);
            if (peekType(reply) != Msg.USERAUTH_60) {
                return verdict(user, "keyboard-interactive", reply);
            }
            reply.getByte();
            String name = reply.getStringUtf8();
            String instruction = reply.getStringUtf8();
            reply.getString(); // language tag, deprecated
            long count = reply.getUInt32();
            if (count > MAX_PROMPTS) {
                throw new SshException("The server sent " + count + " keyboard-interactive prompts (limit " + MAX_PROMPTS + ")");
            }
            List<Prompt> prompts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                prompts.add(new Prompt(reply.getStringUtf8(), reply.getBoolean()));
            }
            List<String> answers = handler.respond(name, instruction, List.copyOf(prompts));
            if (answers == null || answers.size() != prompts.size()) {
                throw new AuthenticationException("The keyboard-interactive handler gave "
                        + (answers == null ? 0 : answers.size()) + " answers to " + prompts.size() + " prompts");
            }
            SshBuffer response = new SshBuffer(128).putByte(Msg.USERAUTH_INFO_RESPONSE).putInt(answers.size());
            for (String a : answers) {
                response.putString(a);
            }
            session.send(response);
        }
    }

    /**
     * The "gssapi-with-mic" method (RFC 4462 §3) with Kerberos V5: the security context's
     * tokens, then the MIC over the session identifier. The first token is made before anything
     * is sent, so a missing ticket fails here without leaving the server mid-exchange.
     *
     * @param host the host part of the server's principal ({@code host/<host>@REALM})
     * @param trustDns whether to canonicalise {@code host} through DNS first
     * @param delegate whether to forward the user's ticket to the server
     */
    public synchronized List<String> authGssapiWithMic(String user, String host, boolean trustDns, boolean delegate)
            throws IOException {
        ensureService();
        GssapiWithMic gss = GssapiWithMic.open(host, trustDns, delegate);
        try {
            byte[] token = gss.step(new byte[0]);
            session.log().debug("Trying gssapi-with-mic authentication for {}", user);
            session.send(request(user, "gssapi-with-mic").putInt(1).putString(GssapiWithMic.KERBEROS_OID_DER));
            SshBuffer reply = session.nextAuthMessage(timeout);
            if (peekType(reply) != GSSAPI_RESPONSE) {
                return verdict(user, "gssapi-with-mic", reply);
            }
            for (int round = 0; ; round++) {
                if (round > MAX_GSS_ROUNDS) {
                    throw new SshException("The GSS-API exchange took more than " + MAX_GSS_ROUNDS + " rounds");
                }
                if (token != null) {
                    session.send(new SshBuffer(token.length + 16).putByte(GSSAPI_TOKEN).putString(token));
                }
                if (gss.established()) {
                    break;
                }
                reply = session.nextAuthMessage(timeout);
                if (peekType(reply) == Msg.USERAUTH_FAILURE) {
                    return verdict(user, "gssapi-with-mic", reply);
                }
                int type = reply.getByte();
                if (type == GSSAPI_ERROR) {
                    throw gss.serverError(reply);
                } else if (type == GSSAPI_ERRTOK) {
                    gss.step(reply.getString()); // throws with the mechanism's reading of the server's error
                    throw new AuthenticationException("The server sent a GSS-API error token for " + user);
                } else if (type != GSSAPI_TOKEN) {
                    throw new SshException("Unexpected message " + type + " in the GSS-API exchange");
                }
                token = gss.step(reply.getString());
            }
            if (gss.integrity()) {
                byte[] signed = new SshBuffer(256).putString(session.sessionId()).putByte(Msg.USERAUTH_REQUEST)
                        .putString(user).putString(SERVICE).putString("gssapi-with-mic").toByteArray();
                session.send(new SshBuffer(128).putByte(GSSAPI_MIC).putString(gss.mic(signed)));
            } else {
                session.send(new SshBuffer(8).putByte(GSSAPI_EXCHANGE_COMPLETE));
            }
            return verdict(user, "gssapi-with-mic", gssVerdict(session.nextAuthMessage(timeout), gss));
        } finally {
            gss.dispose();
        }
    }

    /**
     * The "gssapi-keyex" method (RFC 4462 §4): after a GSS-API key exchange, the context it
     * established signs the session identifier and the request, with no new Kerberos exchange.
     *
     * @throws AuthenticationException when the key exchange was not GSS-API's or the server refuses
     */
    public synchronized List<String> authGssapiKeyex(String user) throws IOException {
        ensureService();
        GssContext context = session.gssKexContext();
        if (context == null) {
            throw new AuthenticationException("gssapi-keyex needs a GSS-API key exchange, and this session's was not one");
        }
        byte[] signed = new SshBuffer(256).putString(session.sessionId()).putByte(Msg.USERAUTH_REQUEST)
                .putString(user).putString(SERVICE).putString("gssapi-keyex").toByteArray();
        session.log().debug("Trying gssapi-keyex authentication for {}", user);
        session.send(request(user, "gssapi-keyex").putString(context.mic(signed)));
        return verdict(user, "gssapi-keyex", session.nextAuthMessage(timeout));
    }

    /** The server's reply to the MIC: its GSS-API error, if it sent one, becomes the exception. */
    private static SshBuffer gssVerdict(SshBuffer reply, GssapiWithMic gss) throws IOException {
        if (peekType(reply) == GSSAPI_ERROR) {
            reply.getByte();
            throw gss.serverError(reply);
        }
        return reply;
    }

    private static int peekType(SshBuffer reply) {
        return reply.array()[reply.readPosition()] & 0xff;
    }

    private List<String> verdict(String user, String method, SshBuffer reply) throws IOException {
        int type = reply.getByte();
        if (type == Msg.USERAUTH_SUCCESS) {
            authenticated = true;
            username = user;
            session.log().debug("Authentication ({}) successful for {}", method, user);
            session.timeline().mark("authenticated");
            session.timeline().report(session.describe(), "authenticated with " + method);
            return List.of();
        }
        if (type != Msg.USERAUTH_FAILURE) {
            throw new SshException("Unexpected message " + type + " in reply to " + method + " authentication");
        }
        List<String> allowed = reply.getNameList();
        boolean partial = reply.getBoolean();
        session.timeline().mark(method + (partial ? "-partial-success" : "-refused"));
        lastAllowed = allowed;
        if (partial) {
            session.log().debug("Authentication ({}) partially successful; the server now wants one of {}", method, allowed);
            return allowed;
        }
        if (!allowed.contains(method)) {
            throw new BadAuthenticationTypeException(allowed, "The server does not allow " + method
                    + " authentication; it allows " + String.join(", ", allowed));
        }
        throw new AuthenticationException("Authentication (" + method + ") failed for " + user);
    }
}
