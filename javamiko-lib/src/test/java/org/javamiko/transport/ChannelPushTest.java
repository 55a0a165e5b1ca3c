package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.internal.channel.ChannelDataSink;
import org.javamiko.internal.channel.PushableInput;
import org.javamiko.testing.Connect;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A channel's stdout pushed to a sink on the reader thread (what SFTP uses), against OpenSSH's sshd. */
class ChannelPushTest {
    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    /** Collects what it is given; remembers how often and how it ended. */
    private static final class CollectingSink implements ChannelDataSink {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final CompletableFuture<IOException> ended = new CompletableFuture<>();
        final AtomicInteger ends = new AtomicInteger();

        @Override
        public synchronized void accept(byte[] data, int off, int len) {
            received.write(data, off, len);
        }

        @Override
        public void end(IOException failure) {
            ends.incrementAndGet();
            ended.complete(failure);
        }

        synchronized String text() {
            return received.toString(StandardCharsets.US_ASCII);
        }
    }

    private static String expectedSeq(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(i).append('\n');
        }
        return b.toString();
    }

    @Test
    void pushedStdoutArrivesWholeAndInOrderBeyondOneWindow() throws Exception {
        // ~2.7 MB: more than the 2 MiB window, so the window must be granted again as bytes are pushed
        try (SshClient client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
             Channel channel = client.getTransport().openSession()) {
            CollectingSink sink = new CollectingSink();
            ((PushableInput) channel.getInputStream()).pushTo(sink);
            channel.execCommand("seq 1 400000");
            assertThat(sink.ended.get(30, TimeUnit.SECONDS)).isNull();
            assertThat(sink.text()).isEqualTo(expectedSeq(400000));
            assertThat(channel.recvExitStatus(Duration.ofSeconds(10))).isZero();
        }
    }

    @Test
    void theSinkIsToldOnceThatTheStreamEnded() throws Exception {
        try (SshClient client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
             Channel channel = client.getTransport().openSession()) {
            CollectingSink sink = new CollectingSink();
            ((PushableInput) channel.getInputStream()).pushTo(sink);
            channel.execCommand("echo done");
            sink.ended.get(30, TimeUnit.SECONDS);
            channel.recvExitStatus(Duration.ofSeconds(10));
            channel.close();
            assertThat(sink.ends).hasValue(1);
            assertThat(sink.text()).isEqualTo("done\n");
        }
    }

    @Test
    void pushingIsRefusedOnceOutputWaitsUnread() throws Exception {
        try (SshClient client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
             Channel channel = client.getTransport().openSession()) {
            channel.execCommand("echo early; sleep 5");
            assertThat(channel.waitForOutput(Duration.ofSeconds(10))).isTrue();
            assertThatThrownBy(() -> ((PushableInput) channel.getInputStream()).pushTo(new CollectingSink()))
                    .isInstanceOf(SshException.class).hasMessageContaining("6 bytes");
        }
    }

    @Test
    void onlyStdoutCanBePushed() throws Exception {
        try (SshClient client = Connect.connected(sshd, dir, KeySet.clientKeys().ed25519());
             Channel channel = client.getTransport().openSession()) {
            assertThatThrownBy(() -> ((PushableInput) channel.getErrorStream()).pushTo(new CollectingSink()))
                    .isInstanceOf(SshException.class).hasMessageContaining("stdout");
        }
    }
}
