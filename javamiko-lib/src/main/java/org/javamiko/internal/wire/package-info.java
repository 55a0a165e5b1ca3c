/**
 * SSH wire encoding (RFC 4251 §5): {@link org.javamiko.internal.wire.SshBuffer} reads and writes
 * bytes, booleans, uint32, uint64, strings, mpints and name-lists, with every length bounded before
 * it is allocated. Uses nothing of the library but exceptions.
 */
package org.javamiko.internal.wire;
