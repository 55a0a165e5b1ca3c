/**
 * The user authentication protocol (RFC 4252) on one session: none, password, publickey,
 * keyboard-interactive, gssapi-with-mic and gssapi-keyex, and the cache of decoded key files. The order in which
 * {@code SshClient} tries credentials lives with it, in {@code org.javamiko}. Uses {@code keys},
 * {@code internal.session}, {@code internal.gss} and {@code internal.wire}, and the callback types of {@code transport}.
 */
package org.javamiko.internal.auth;
