package org.javamiko.internal.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.kex.KexMethods;
import org.javamiko.internal.kex.KexResult;
import org.javamiko.keys.PKey;

/**
 * What GSS-API key exchange (RFC 4462) changes in a KEXINIT and in the host key of a session,
 * kept beside {@link KexDriver} so that the driver only asks.
 */
final class GssKexOffer {
    private GssKexOffer() {
    }

    /**
     * With GSS key exchange on, its methods go first, as OpenSSH's client puts them (unless the
     * user's list names some, which then says where they go); with it off, none is offered.
     *
     * @param offered the user's (or default) kex list
     * @param on whether GSS key exchange is on
     * @return the list to send, mutable
     */
    static List<String> kex(List<String> offered, boolean on) {
        List<String> kex = new ArrayList<>();
        if (!on) {
            offered.stream().filter(n -> !KexMethods.isGss(n)).forEach(kex::add);
            return kex;
        }
        if (offered.stream().noneMatch(KexMethods::isGss)) {
            kex.addAll(KexMethods.gssOrder());
        }
        kex.addAll(offered);
        return kex;
    }

    /**
     * RFC 4462 §5, and OpenSSH's client: with GSS methods offered, {@code null} is accepted as the
     * last resort, for a server that has no host key at all.
     */
    static List<String> hostKeys(List<String> offered, boolean on) {
        List<String> keys = new ArrayList<>(offered);
        if (on) {
            keys.add(Negotiation.NULL_HOST_KEY);
        }
        return keys;
    }

    /**
     * After a GSS-API key exchange Kerberos has authenticated the server (the MIC over H); the
     * host key, if it sent one, entered H but signed nothing. It is the session's host key all
     * the same, and must not change in a re-key.
     *
     * @param result the finished GSS-API exchange
     * @param known the session's host key so far, or null
     * @return the session's host key from now on, or null when the server never sent one
     */
    static PKey hostKey(KexResult result, PKey known) throws IOException {
        PKey key = result.hostKeyBlob().length == 0 ? null : PKey.fromBlob(result.hostKeyBlob());
        if (known != null && key != null && !known.equals(key)) {
            throw new SshException("The server's host key changed during a key re-exchange: was "
                    + known.fingerprint() + ", now " + key.fingerprint());
        }
        return key != null ? key : known;
    }
}
