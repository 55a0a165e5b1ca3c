package org.javamiko.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Private key files in every format we read (OpenSSH, PEM PKCS#1/SEC1/PKCS#8, PuTTY v2 and v3),
 * loaded without a passphrase: only IOExceptions come out. (With a passphrase, a file's own KDF
 * cost, bcrypt rounds or Argon2 memory, is the user's choice and not fuzzed here.)
 */
class KeyFileFuzzTest {
    private static final Fuzzing.Target LOAD = bytes -> {
        Path file = Files.createTempFile("fuzz-key", "");
        try {
            Files.write(file, bytes);
            PKey.fromPath(file).fingerprint();
        } finally {
            Files.delete(file);
        }
    };

    @FuzzTest
    void fuzz(byte[] keyFile) {
        Fuzzing.check(LOAD, keyFile);
    }

    @Test
    void mutatedKeyFilesAreRefusedWithAnIoException() {
        Fuzzing.mutateAndCheck(LOAD, Fuzzing.corpus(KeyFileFuzzTest.class));
    }
}
