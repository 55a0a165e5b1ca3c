package org.javamiko.internal.session;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

import org.javamiko.internal.algo.AlgorithmOffer;
import org.javamiko.internal.gss.GssTarget;
import org.slf4j.Logger;

/**
 * How a session behaves: what it offers, where it logs, when it re-keys.
 *
 * @param offer the algorithm lists offered in each key exchange
 * @param log where the session logs (the name set by {@code setLogChannel})
 * @param threadFactory makes the reader thread
 * @param rekeyBytes re-key after this many bytes in either direction
 * @param rekeyInterval re-key after this much time under the same keys
 * @param clientVersion our identification string, without CR LF
 * @param rekeyStallTimeout how long a sender waits for a key re-exchange to let it through
 *                          before the session is given up as stalled
 * @param gssKex the Kerberos target of GSS-API key exchange, offered first in every exchange;
 *               null when it is off
 */
public record SessionConfig(AlgorithmOffer offer, Logger log, ThreadFactory threadFactory,
                            long rekeyBytes, Duration rekeyInterval, String clientVersion, Duration rekeyStallTimeout,
                            GssTarget gssKex) {
    /** Re-key after 1 GiB per direction, as OpenSSH's RekeyLimit default for AES comes close to. */
    public static final long DEFAULT_REKEY_BYTES = 1L << 30;
    /** Re-key after an hour. */
    public static final Duration DEFAULT_REKEY_INTERVAL = Duration.ofHours(1);
    /** Our identification string. */
    public static final String CLIENT_VERSION = "SSH-2.0-javamiko_0.1";
    /** The smallest byte limit that makes sense: under it we would re-key every few packets. */
    public static final long MIN_REKEY_BYTES = 16 * 1024;

    /** A session without GSS-API key exchange. */
    public SessionConfig(AlgorithmOffer offer, Logger log, ThreadFactory threadFactory, long rekeyBytes,
                         Duration rekeyInterval, String clientVersion, Duration rekeyStallTimeout) {
        this(offer, log, threadFactory, rekeyBytes, rekeyInterval, clientVersion, rekeyStallTimeout, null);
    }

    /** @throws IllegalArgumentException when {@code bytes} is under {@link #MIN_REKEY_BYTES} */
    public static void checkRekeyBytes(long bytes) {
        if (bytes < MIN_REKEY_BYTES) {
            throw new IllegalArgumentException("A re-key limit under 16 KiB would re-key after every few packets");
        }
    }
}
