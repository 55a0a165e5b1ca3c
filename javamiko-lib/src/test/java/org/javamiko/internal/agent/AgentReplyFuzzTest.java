package org.javamiko.internal.agent;

import org.javamiko.keys.PKey;
import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Replies of an ssh-agent (identities, signatures), as a hostile or forwarded agent could send them. */
class AgentReplyFuzzTest {
    private static final Fuzzing.Target PARSE = reply -> {
        boolean identities = false;
        try {
            for (AgentProtocol.Identity id : AgentProtocol.parseIdentities(reply)) {
                identities = true;
                PKey.fromBlob(id.blob());
            }
        } finally {
            if (!identities) {
                AgentProtocol.parseSignature(reply, "rsa-sha2-512");
            }
        }
    };

    @FuzzTest
    void fuzz(byte[] reply) {
        Fuzzing.check(PARSE, reply);
    }

    @Test
    void mutatedAgentRepliesAreRefusedWithAnIoException() {
        Fuzzing.mutateAndCheck(PARSE, Fuzzing.corpus(AgentReplyFuzzTest.class));
    }
}
