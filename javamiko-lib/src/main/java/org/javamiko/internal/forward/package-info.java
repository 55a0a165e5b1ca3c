/**
 * Port forwarding as {@code ssh -L}, {@code -R} and {@code -D} (SOCKS 4, 4a and 5): listeners,
 * the SOCKS handshake and the byte splice between a socket and a channel. Uses {@code transport}
 * (Transport, Channel) and {@code org.javamiko.PortForward}; used by {@code SshClient}.
 */
package org.javamiko.internal.forward;
