package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each method alone against the installed OpenSSH sshd, through the cleartext harness: sshd
 * signs its exchange hash with its ECDSA host key, and the signature must verify over ours.
 * Methods this sshd does not know (e.g. mlkem768x25519-sha256 before OpenSSH 9.9) are skipped.
 */
class OpenSshKexInteropTest {
    private static final List<String> KNOWN = SshdKexMethods.known();

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder()
            .option("KexAlgorithms", String.join(",", SshdKexMethods.ours()))
            .build();

    static List<String> methods() {
        return KexMethods.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void sshdSignsTheSameExchangeHash(String method) throws Exception {
        assumeTrue(KNOWN.contains(method), "this sshd does not implement " + method);
        KexResult result;
        try (PlainKexClient client = new PlainKexClient(sshd.port(), method)) {
            result = client.run(KexMethods.byName(method).orElseThrow().create());
        }
        assertThat(PlainKexClient.ecdsaSignatureVerifies(result)).as("sshd's signature over H").isTrue();
    }
}
