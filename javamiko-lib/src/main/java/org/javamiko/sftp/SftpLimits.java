package org.javamiko.sftp;

/**
 * The server's limits ({@code limits@openssh.com}); 0 means the server states no limit.
 *
 * @param maxPacketLength the longest SFTP packet it accepts
 * @param maxReadLength the most data one READ returns
 * @param maxWriteLength the most data one WRITE may carry
 * @param maxOpenHandles how many handles may be open at once
 */
public record SftpLimits(long maxPacketLength, long maxReadLength, long maxWriteLength, long maxOpenHandles) {
}
