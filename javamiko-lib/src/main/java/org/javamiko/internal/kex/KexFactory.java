package org.javamiko.internal.kex;

/** One key-exchange method as named on the wire, making a fresh {@link KeyExchange} per exchange. */
public interface KexFactory {

    /** @return the method name as on the wire, e.g. {@code curve25519-sha256} */
    String wireName();

    /** @return a new exchange */
    KeyExchange create();
}
