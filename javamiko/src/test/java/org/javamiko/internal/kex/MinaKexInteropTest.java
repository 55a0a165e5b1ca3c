package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each method against Apache MINA SSHD's server side, in-process: MINA signs its exchange hash
 * with its ECDSA P-256 host key, and the signature must verify over ours.
 */
class MinaKexInteropTest {
    private static SshServer server;

    @BeforeAll
    static void startServer() throws Exception {
        KeyPair hostKey = EcCurve.NISTP256.generateKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setKeyExchangeFactories(
                NamedFactory.setUpTransformedFactories(true, BuiltinDHFactories.VALUES, ServerBuilder.DH2KEX));
        server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop(true);
    }

    static List<String> methods() {
        return KexMethods.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void serverSignsTheSameExchangeHash(String method) throws Exception {
        KexResult result;
        try (PlainKexClient client = new PlainKexClient(server.getPort(), method)) {
            result = client.run(KexMethods.byName(method).orElseThrow().create());
        }
        assertThat(PlainKexClient.ecdsaSignatureVerifies(result)).as("MINA's signature over H").isTrue();
    }
}
