package org.javamiko.internal.packet;

/**
 * One direction's sequence number (RFC 4253 §6.4) and how much traffic the current keys have
 * carried, which decides when to re-key.
 */
public final class PacketCounter {
    private int sequence;
    private long bytesSinceKeys;
    private long packetsSinceKeys;

    /** @return the sequence number of the next packet (uint32, wrapping) */
    public int sequence() {
        return sequence;
    }

    void count(int packetBytes) {
        sequence++;
        bytesSinceKeys += packetBytes;
        packetsSinceKeys++;
    }

    void newKeys() {
        bytesSinceKeys = 0;
        packetsSinceKeys = 0;
    }

    /** Strict key exchange: the sequence number restarts at zero after NEWKEYS. */
    public void resetSequence() {
        sequence = 0;
    }

    /** @return bytes carried since the current keys were taken into use */
    public long bytesSinceKeys() {
        return bytesSinceKeys;
    }

    /** @return packets carried since the current keys were taken into use */
    public long packetsSinceKeys() {
        return packetsSinceKeys;
    }
}
