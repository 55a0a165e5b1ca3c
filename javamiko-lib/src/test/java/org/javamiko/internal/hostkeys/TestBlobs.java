package org.javamiko.internal.hostkeys;

import java.util.Arrays;
import java.util.Base64;

import org.javamiko.internal.wire.SshBuffer;

/** Key blobs made by hand, for tests of the parsing that needs no key implementation. */
final class TestBlobs {
    private TestBlobs() {
    }

    /**
     * @param fill the byte repeated as the 32-byte public point
     * @return an Ed25519 public key blob in base64
     */
    static String ed25519Base64(int fill) {
        byte[] point = new byte[32];
        Arrays.fill(point, (byte) fill);
        return Base64.getEncoder().encodeToString(new SshBuffer().putString("ssh-ed25519").putString(point).toByteArray());
    }
}
