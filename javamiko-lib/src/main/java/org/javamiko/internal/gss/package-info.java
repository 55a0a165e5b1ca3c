/**
 * The GSS-API (Kerberos V5) side of GSS key exchange (RFC 4462 §2, RFC 8732) through the JDK's
 * JGSS: the server's {@code host} principal (and its DNS canonicalisation, which gssapi-with-mic
 * shares), the user's credential taken once on the connecting thread, and one security context
 * per key exchange with its tokens and MICs. Uses only {@code org.ietf.jgss} and the exception
 * types.
 */
package org.javamiko.internal.gss;
