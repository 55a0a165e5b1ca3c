/**
 * The SSH transport under {@link org.javamiko.SshClient}, public as in paramiko:
 * {@link org.javamiko.transport.Transport} (one connection: key exchange, authentication, channels,
 * global requests) and {@link org.javamiko.transport.Channel}, with the algorithm lists it offers
 * ({@link org.javamiko.transport.SecurityOptions}). It composes the internal session, channel and
 * auth packages; it may use {@code keys}, {@code agent} and the value types of {@code org.javamiko},
 * never {@code SshClient}, {@code sftp} or {@code config}.
 */
package org.javamiko.transport;
