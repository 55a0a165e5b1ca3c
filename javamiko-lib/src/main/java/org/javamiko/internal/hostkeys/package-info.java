/**
 * OpenSSH {@code known_hosts} files ({@code man 8 sshd}, "SSH_KNOWN_HOSTS FILE FORMAT"): parsing
 * lines, host patterns and hashed names, reading and atomically writing the file.
 *
 * <p>Everything here except {@link org.javamiko.internal.hostkeys.KnownHostsReader} is a pure
 * function of text and bytes, so it is tested without any key implementation;
 * {@link org.javamiko.HostKeys} composes these classes with {@link org.javamiko.keys.PKey}.
 */
package org.javamiko.internal.hostkeys;
