/**
 * The ssh-agent protocol (draft-miller-ssh-agent) over a Unix socket, and agent forwarding on a
 * session channel. Uses {@code keys}, {@code internal.channel}, {@code internal.session} and
 * {@code internal.wire}; used by the public {@code agent} package and by {@code transport}.
 */
package org.javamiko.internal.agent;
