package org.javamiko.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestEnvironmentTest {

    @Test
    void anUnmetRequirementFailsInCi() {
        assertThatThrownBy(() -> TestEnvironment.unmet("install openssh-server", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("install openssh-server");
    }

    @Test
    void anUnmetRequirementSkipsOutsideCi() {
        assertThatThrownBy(() -> TestEnvironment.unmet("install openssh-server", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("install openssh-server");
    }

    @Test
    void rootIsRecognisedByTheUidOfThisProcess() throws Exception {
        String uid = ExternalCommand.of("id", "-u").run().requireSuccess().stdout().strip();

        assertThat(TestEnvironment.isRoot()).isEqualTo(uid.equals("0"));
    }
}
