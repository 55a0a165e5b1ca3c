/**
 * Key exchange methods, one class per family (ECDH, X25519, finite-field DH, group exchange,
 * ML-KEM and sntrup761 hybrids, GSS-API over X25519 or a fixed group), the exchange hash and key derivation shared once, and the
 * self-naming registry {@link org.javamiko.internal.kex.KexMethods}. A method talks to the session
 * through {@link org.javamiko.internal.kex.KexContext} only. Uses {@code internal.crypto},
 * {@code internal.wire}, {@code internal.gss} (Kerberos), the JCA and Bouncy Castle.
 */
package org.javamiko.internal.kex;
