package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each method against the installed OpenSSH sshd: sshd signs its exchange hash with its ECDSA
 * host key, and the signature must verify over ours. Methods this sshd does not know (e.g.
 * mlkem768x25519-sha256 before OpenSSH 9.9) are skipped, not failed.
 */
class OpenSshKexInteropTest {
    private static List<String> known;
    private static OpenSshServer server;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(OpenSshServer.isInstalled(), "OpenSSH sshd is not installed");
        known = OpenSshServer.knownKexMethods();
        List<String> ours = KexMethods.supported().stream().filter(known::contains).toList();
        assumeTrue(!ours.isEmpty(), "cannot tell which key exchanges this sshd knows (is ssh installed?)");
        server = OpenSshServer.start(ours);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static List<String> methods() {
        return KexMethods.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void sshdSignsTheSameExchangeHash(String method) throws Exception {
        assumeTrue(known.contains(method), "this sshd does not implement " + method);
        KexResult result;
        try (PlainKexClient client = new PlainKexClient(server.port(), method)) {
            result = client.run(KexMethods.byName(method).orElseThrow().create());
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " failed against sshd; its log:\n" + server.log(), e);
        }
        assertThat(PlainKexClient.ecdsaSignatureVerifies(result)).as("sshd's signature over H").isTrue();
    }
}
