/**
 * Packet ciphers and MACs: {@link org.javamiko.internal.cipher.PacketCipher} for AES-GCM,
 * chacha20-poly1305, AES-CTR with a MAC, and none; the self-naming registries
 * {@link org.javamiko.internal.cipher.Ciphers} and {@link org.javamiko.internal.cipher.Macs}.
 * Uses the JCA, Bouncy Castle (Poly1305) and {@code internal.wire} only.
 */
package org.javamiko.internal.cipher;
