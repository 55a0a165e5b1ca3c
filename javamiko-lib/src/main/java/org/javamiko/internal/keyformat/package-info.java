/**
 * Key file formats: OpenSSH v1, PEM (PKCS#1, SEC1), PKCS#8, PuTTY, RFC 4716 and public key
 * lines, with bcrypt-pbkdf and the file ciphers. Decoders return neutral
 * {@link org.javamiko.internal.keyformat.KeyMaterial} (JCA keys, type, comment); the one table of
 * key types is {@link org.javamiko.internal.keyformat.KeyType}. The {@code PKey} is built in
 * {@code keys}, which uses this package, never the other way round. Uses {@code internal.crypto}
 * and {@code internal.wire}.
 */
package org.javamiko.internal.keyformat;
