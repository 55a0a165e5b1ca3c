package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.javamiko.transport.Prompt;
import org.junit.jupiter.api.Test;

/** Keyboard-interactive as the password's fallback answers only a single hidden prompt (paramiko's rule). */
class PasswordAnswerTest {
    @Test
    void aSingleHiddenPromptGetsThePassword() throws Exception {
        assertThat(ClientAuthenticator.passwordAnswer(List.of(new Prompt("Password: ", false)), "pw"))
                .containsExactly("pw");
    }

    @Test
    void aRoundWithoutPromptsGetsNoAnswers() throws Exception {
        assertThat(ClientAuthenticator.passwordAnswer(List.of(), "pw")).isEmpty();
    }

    @Test
    void twoPromptsAreNotAnsweredWithThePassword() {
        assertThatThrownBy(() -> ClientAuthenticator.passwordAnswer(
                List.of(new Prompt("Password: ", false), new Prompt("Verification code: ", false)), "pw"))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("2 prompts");
    }

    @Test
    void anEchoingPromptIsNotAnsweredWithThePassword() {
        assertThatThrownBy(() -> ClientAuthenticator.passwordAnswer(List.of(new Prompt("Login: ", true)), "pw"))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("shown as typed");
    }
}
