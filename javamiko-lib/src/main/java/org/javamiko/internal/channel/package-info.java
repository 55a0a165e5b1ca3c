/**
 * The connection protocol (RFC 4254) below {@code transport.Channel}: the channel table, each
 * channel's windows ({@link org.javamiko.internal.channel.RemoteWindow}), lifecycle, requests
 * and the buffers that hold unread output. Uses {@code internal.session} (to send) and
 * {@code internal.wire}; never a public class but exceptions.
 */
package org.javamiko.internal.channel;
