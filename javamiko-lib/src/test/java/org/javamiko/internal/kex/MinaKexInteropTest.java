package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.javamiko.testing.MinaServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each method alone against Apache MINA SSHD's server side, in-process, through the cleartext
 * harness: MINA signs its exchange hash with its ECDSA P-256 host key, and the signature must
 * verify over ours.
 */
class MinaKexInteropTest {
    @RegisterExtension
    static final MinaServer mina = MinaServer.builder()
            .kexAlgorithms(KexMethods.supported().toArray(String[]::new))
            .build();

    static List<String> methods() {
        return KexMethods.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void serverSignsTheSameExchangeHash(String method) throws Exception {
        KexResult result;
        try (PlainKexClient client = new PlainKexClient(mina.port(), method)) {
            result = client.run(KexMethods.byName(method).orElseThrow().create());
        }
        assertThat(PlainKexClient.ecdsaSignatureVerifies(result)).as("MINA's signature over H").isTrue();
    }
}
