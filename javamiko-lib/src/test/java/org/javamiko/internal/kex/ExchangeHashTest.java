package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

class ExchangeHashTest {

    @Test
    void hashesVersionsKexInitsHostKeyThenMethodFieldsThenK() throws Exception {
        byte[] fields = {0, 0, 0, 2, 7, 7, 0, 0, 0, 1, 9};
        byte[] k = {0, 0, 0, 1, 42};

        // RFC 4253 §8 written out by hand: each of the first five as a uint32 length + bytes.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        for (byte[] s : new byte[][] {RecordingContext.V_C, RecordingContext.V_S, RecordingContext.I_C,
                RecordingContext.I_S, RecordingContext.HOST_KEY}) {
            out.writeInt(s.length);
            out.write(s);
        }
        out.write(fields);
        out.write(k);

        byte[] h = ExchangeHash.compute("SHA-512", new RecordingContext(), RecordingContext.HOST_KEY, fields, k);

        assertThat(h).isEqualTo(MessageDigest.getInstance("SHA-512").digest(expected.toByteArray()));
    }
}
