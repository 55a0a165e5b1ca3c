package org.javamiko;

import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** known_hosts files (plain, hashed, patterns, markers, ports): loading and lookups throw only IOExceptions. */
class KnownHostsFuzzTest {
    private static final Fuzzing.Target LOAD = bytes -> {
        Path file = Files.createTempFile("fuzz-known_hosts", "");
        try {
            Files.write(file, bytes);
            HostKeys keys = new HostKeys(file);
            for (String host : new String[] {"host.example", "[host.example]:2222", "hashed.example", "a.example.org"}) {
                keys.lookup(host);
                keys.keyTypes(host);
                keys.certificateAuthorities(host);
            }
        } finally {
            Files.delete(file);
        }
    };

    @FuzzTest
    void fuzz(byte[] knownHosts) {
        Fuzzing.check(LOAD, knownHosts);
    }

    @Test
    void mutatedKnownHostsFilesAreRefusedWithAnIoException() {
        Fuzzing.mutateAndCheck(LOAD, Fuzzing.corpus(KnownHostsFuzzTest.class));
    }
}
