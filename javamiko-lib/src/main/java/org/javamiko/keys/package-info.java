/**
 * Public and private keys: loading, writing, generating, fingerprints and signatures.
 */
package org.javamiko.keys;
