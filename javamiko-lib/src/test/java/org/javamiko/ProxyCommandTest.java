package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;

import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** proxyCommand: the SSH stream over a command's stdin/stdout, here OpenSSH's `ssh -W` via a jump sshd. */
class ProxyCommandTest {
    @RegisterExtension
    static final OpenSshServer jump = OpenSshServer.builder().build();

    @RegisterExtension
    static final OpenSshServer target = OpenSshServer.builder().freshHostKeys().build();

    @TempDir
    Path dir;

    @Test
    void connectsThroughSshW() throws IOException {
        Path key = KeySet.clientKeys().ed25519();
        Path jumpKnownHosts = jump.writeKnownHosts(dir.resolve("jump_known_hosts"));
        String command = "ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes"
                + " -o UserKnownHostsFile=" + jumpKnownHosts + " -i " + key + " -p " + jump.port() + " -l "
                + jump.user() + " -W %h:%p " + jump.host();
        try (SshClient client = Connect.trusting(target, dir)) {
            client.connect(target.host(), Connect.withKey(target, key).proxyCommand(command).build());

            assertThat(client.run("echo through ssh -W").stdout()).isEqualTo("through ssh -W\n");
        }
    }

    @Test
    void aCommandThatExitsFirstGivesProxyCommandFailureWithItsStatusAndStderr() {
        try (SshClient client = Connect.trusting(target, dir)) {
            Throwable thrown = catchThrowable(() -> client.connect(target.host(), Connect
                    .withKey(target, KeySet.clientKeys().ed25519()).proxyCommand("echo no route to %h >&2; exit 3")
                    .build()));

            Throwable failure = thrown;
            while (failure != null && !(failure instanceof ProxyCommandFailure)) {
                failure = failure.getCause();
            }
            assertThat(failure).as("%s", thrown).isNotNull();
            assertThat(failure.getMessage()).contains("status 3").contains("no route to " + target.host());
        }
    }

    @Test
    void aHostNameWithShellCharactersIsRefusedBeforeAnyCommandRuns() {
        try (SshClient client = new SshClient()) {
            Throwable thrown = catchThrowable(() -> client.connect("a;touch " + dir.resolve("pwned"),
                    ConnectOptions.builder().proxyCommand("nc %h %p").build()));

            assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shell");
            assertThat(dir.resolve("pwned")).doesNotExist();
        }
    }
}
