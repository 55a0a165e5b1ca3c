/**
 * The algorithm registry: {@link org.javamiko.internal.algo.AlgorithmCatalog} answers, per
 * {@link org.javamiko.transport.AlgorithmKind}, what is implemented and what is offered by default,
 * reading the self-naming enums of each kind ({@code KexMethods}, {@link
 * org.javamiko.internal.algo.HostKeyAlgorithms}, {@code Ciphers}, {@code Macs}, {@code Compression});
 * {@link org.javamiko.internal.algo.AlgorithmOffer} is what a session reads at each key exchange.
 * Uses {@code internal.cipher}, {@code internal.kex} and {@code internal.packet} only.
 */
package org.javamiko.internal.algo;
