/**
 * One SSH session below {@code transport.Transport}: version exchange, the reader thread and
 * {@link org.javamiko.internal.session.MessageDispatcher}, the send path (the send gate and queued
 * kex steps, {@link org.javamiko.internal.session.SendPath}), the key exchange driver (through
 * {@link org.javamiko.internal.session.KexSession}), global requests and keepalive. Uses
 * {@code internal.packet}, {@code internal.kex}, {@code internal.cipher}, {@code internal.algo},
 * {@code keys} (host keys) and the value types of {@code transport}.
 */
package org.javamiko.internal.session;
