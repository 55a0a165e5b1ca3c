package org.javamiko;

import org.javamiko.keys.PKey;

/**
 * Whether PKey's parsing factories work yet: they are written on another branch, and the HostKeys
 * tests that need real keys are skipped until they land.
 */
final class PKeyAvailability {
    private PKeyAvailability() {
    }

    static boolean canParsePublicKeys() throws Exception {
        try {
            PKey.fromPublicKeyLine(HostKeysTest.ED1);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
