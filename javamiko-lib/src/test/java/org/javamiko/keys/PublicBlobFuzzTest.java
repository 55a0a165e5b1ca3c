package org.javamiko.keys;

import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Public key and certificate blobs (known_hosts, authorized keys, agents, CA keys): only IOExceptions come out. */
class PublicBlobFuzzTest {
    private static final Fuzzing.Target DECODE = blob -> {
        PKey key = PKey.fromBlob(blob);
        key.fingerprint();
        if (key.getCertificate() != null) {
            key.getCertificate().toString();
        }
    };

    @FuzzTest
    void fuzz(byte[] blob) {
        Fuzzing.check(DECODE, blob);
    }

    @Test
    void mutatedBlobsAreRefusedWithAnIoException() {
        Fuzzing.mutateAndCheck(DECODE, Fuzzing.corpus(PublicBlobFuzzTest.class));
    }
}
