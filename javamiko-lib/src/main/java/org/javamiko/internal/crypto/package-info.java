/**
 * Cryptographic tables shared by key files, keys and key exchange: the NIST curves
 * ({@link org.javamiko.internal.crypto.EcCurves}) with their point encoding and checks. Uses the
 * JCA only.
 */
package org.javamiko.internal.crypto;
