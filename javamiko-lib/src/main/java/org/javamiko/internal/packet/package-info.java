/**
 * The binary packet protocol (RFC 4253 §6): framing, sequence numbers, one
 * {@code PacketCipher} and one {@link org.javamiko.internal.packet.CompressionSlot} per direction,
 * and the {@link org.javamiko.internal.packet.Compression} registry. Uses {@code internal.cipher}
 * and {@code internal.wire}.
 */
package org.javamiko.internal.packet;
