package org.javamiko.internal.packet;

import java.io.ByteArrayInputStream;

import org.javamiko.internal.cipher.Ciphers;
import org.javamiko.internal.session.KexInit;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The packet decoder as the reader thread runs it on decrypted bytes (the "none" cipher of the
 * plaintext phase stands for any cipher's output), and the KEXINIT decoder on what it yields.
 */
class PacketReaderFuzzTest {
    private static final int KEXINIT = 20;
    private static final int MAX_PACKETS = 64;

    private static final Fuzzing.Target READ = stream -> {
        PacketReader reader = new PacketReader(new ByteArrayInputStream(stream), Ciphers.none(), new byte[0]);
        for (int i = 0; i < MAX_PACKETS; i++) {
            SshBuffer payload = reader.next();
            if ((payload.getByte() & 0xff) == KEXINIT) {
                KexInit.decode(payload);
            }
        }
    };

    @FuzzTest
    void fuzz(byte[] stream) {
        Fuzzing.check(READ, stream);
    }

    @Test
    void mutatedPacketStreamsAreRefusedWithAnIoException() {
        Fuzzing.mutateAndCheck(READ, Fuzzing.corpus(PacketReaderFuzzTest.class));
    }
}
