package org.javamiko.internal.algo;

import java.util.List;

import org.javamiko.transport.AlgorithmKind;

/**
 * The algorithm lists a session offers, read at each key exchange: the session asks this
 * instead of knowing the public {@code SecurityOptions} that fills it.
 */
@FunctionalInterface
public interface AlgorithmOffer {
    /**
     * @param kind which list
     * @return the names offered for that kind, best first
     */
    List<String> offered(AlgorithmKind kind);
}
