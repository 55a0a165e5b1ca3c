package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.MinaServer;
import org.javamiko.transport.Prompt;
import org.javamiko.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Logins and commands against Apache MINA SSHD's server, in-process. */
class MinaInteropTest {
    @RegisterExtension
    static final MinaServer mina = MinaServer.builder().build();

    @RegisterExtension
    static final MinaServer refusing = MinaServer.builder().refuseChannelOpens().build();

    @TempDir
    static Path dir;

    private static ConnectOptions.Builder base(MinaServer server) {
        return ConnectOptions.builder().port(server.port()).username(server.user()).lookForKeys(false).allowAgent(false);
    }

    @Test
    void passwordLoginRunsACommand() throws IOException {
        try (SshClient client = Connect.trusting(mina, dir)) {
            client.connect(mina.host(), base(mina).password(mina.password()).build());
            assertThat(client.run("echo mina").stdout()).isEqualTo("mina\n");
        }
    }

    @Test
    void aSocketConnectedByTheCallerIsUsedAsIs() throws IOException {
        Socket socket = new Socket(mina.host(), mina.port());
        try (SshClient client = Connect.trusting(mina, dir)) {
            client.connect(mina.host(), base(mina).sock(socket).password(mina.password()).build());
            assertThat(client.run("echo own socket").stdout()).isEqualTo("own socket\n");
        }
        assertThat(socket.isClosed()).isTrue();
    }

    @Test
    void publicKeyLoginWithEachKeyType() throws IOException {
        for (Path key : KeySet.clientKeys().privateKeys()) {
            try (SshClient client = Connect.trusting(mina, dir)) {
                client.connect(mina.host(), base(mina).keyFilename(key).build());
                assertThat(client.getTransport().isAuthenticated()).as(key.toString()).isTrue();
            }
        }
    }

    @Test
    void keyboardInteractiveOnlyServerIsAnsweredWithThePassword() throws IOException {
        try (MinaServer kbdOnly = MinaServer.builder().configure(s -> s.setUserAuthFactories(
                List.of(new UserAuthKeyboardInteractiveFactory()))).start();
             SshClient client = Connect.trusting(kbdOnly, dir)) {
            client.connect(kbdOnly.host(), base(kbdOnly).password(kbdOnly.password()).build());
            assertThat(client.run("echo kbd").stdout()).isEqualTo("kbd\n");
        }
    }

    @Test
    void transportAuthInteractivePassesThePromptsToTheHandler() throws IOException {
        List<Prompt> seen = new ArrayList<>();
        try (Transport t = new Transport(new Socket(mina.host(), mina.port()))) {
            t.startClient(Duration.ofSeconds(10));
            List<String> left = t.authInteractive(mina.user(), (name, instruction, prompts) -> {
                seen.addAll(prompts);
                return prompts.stream().map(p -> mina.password()).toList();
            }, "");
            assertThat(left).isEmpty();
            assertThat(t.isAuthenticated()).isTrue();
        }
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).echo()).isFalse();
    }

    @Test
    void withoutAnyCredentialTheNoneMethodTellsWhatTheServerWants() {
        try (SshClient client = Connect.trusting(mina, dir)) {
            assertThatThrownBy(() -> client.connect(mina.host(), base(mina).build()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("no credentials to try")
                    .hasMessageContaining("publickey")
                    .hasMessageContaining("password");
        }
    }

    @Test
    void aWrongPasswordThrowsAuthenticationExceptionListingWhatWasTried() {
        try (SshClient client = Connect.trusting(mina, dir)) {
            assertThatThrownBy(() -> client.connect(mina.host(), base(mina).password("wrong").build()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("password")
                    .hasMessageContaining(mina.user());
        }
    }

    @Test
    void aRefusedChannelThrowsChannelExceptionWithTheServersCode() throws IOException {
        try (SshClient client = Connect.trusting(refusing, dir)) {
            client.connect(refusing.host(), base(refusing).password(refusing.password()).build());
            assertThatThrownBy(() -> client.run("true"))
                    .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.code()).isEqualTo(1));
            assertThat(client.getTransport().isActive()).isTrue();
        }
    }
}
