package org.javamiko.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.javamiko.SshException;
import org.junit.jupiter.api.Test;

class InboxTest {
    private static final int WINDOW = 1000;

    private static Inbox inbox(long maxBuffer) {
        return new Inbox(new ChannelSettings(WINDOW, 500, maxBuffer, 500));
    }

    @Test
    void dataBeyondTheWindowIsAProtocolError() throws SshException {
        Inbox inbox = inbox(10_000);
        inbox.consumeWindow(0, WINDOW);

        assertThatThrownBy(() -> inbox.consumeWindow(0, 1))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("window");
    }

    @Test
    void noGrantUntilHalfTheWindowIsUsed() throws SshException {
        Inbox inbox = inbox(10_000);
        inbox.consumeWindow(0, WINDOW / 2 - 1);

        assertThat(inbox.grant()).isZero();
    }

    @Test
    void theUsedWindowIsGrantedBackWhileUnderTheBufferLimit() throws SshException {
        Inbox inbox = inbox(10_000);
        inbox.consumeWindow(0, 600);
        inbox.store(ChannelCore.Stream.STDOUT, new byte[600], 0, 600);

        assertThat(inbox.grant()).isEqualTo(600);
    }

    @Test
    void noGrantWhenUnreadBytesAndAFullWindowWouldPassTheLimit() throws SshException {
        Inbox inbox = inbox(1500);
        inbox.consumeWindow(0, 600);
        inbox.store(ChannelCore.Stream.STDOUT, new byte[600], 0, 600);

        assertThat(inbox.grant()).isZero();
    }

    @Test
    void aLimitAboveTheLargestArrayStillGrants() throws SshException {
        Inbox inbox = inbox(Long.MAX_VALUE);
        inbox.consumeWindow(0, 600);

        assertThat(inbox.grant()).isEqualTo(600);
    }

    @Test
    void combiningMovesWhatStderrHeldIntoStdout() {
        Inbox inbox = inbox(10_000);
        inbox.store(ChannelCore.Stream.STDERR, new byte[] {9}, 0, 1);

        inbox.combineStderr(true);
        inbox.store(ChannelCore.Stream.STDERR, new byte[] {8}, 0, 1);

        byte[] out = new byte[2];
        assertThat(inbox.ring(ChannelCore.Stream.STDOUT).read(out, 0, 2)).isEqualTo(2);
        assertThat(out).containsExactly(9, 8);
        assertThat(inbox.ring(ChannelCore.Stream.STDERR).isEmpty()).isTrue();
    }

    @Test
    void aSinkTakesStdoutButNotStderr() throws SshException {
        Inbox inbox = inbox(10_000);
        ChannelDataSink sink = new RecordingSink();
        inbox.pushTo(0, sink, false);

        assertThat(inbox.sinkFor(ChannelCore.Stream.STDOUT)).isSameAs(sink);
        assertThat(inbox.sinkFor(ChannelCore.Stream.STDERR)).isNull();
    }

    @Test
    void aSinkIsToldOfTheEndOnlyOnce() throws SshException {
        Inbox inbox = inbox(10_000);
        ChannelDataSink sink = new RecordingSink();
        inbox.pushTo(0, sink, false);

        assertThat(inbox.sinkToEnd()).isSameAs(sink);
        assertThat(inbox.sinkToEnd()).isNull();
        assertThat(inbox.sinkFor(ChannelCore.Stream.STDOUT)).isNull();
    }

    @Test
    void aSinkIsRefusedWhenStdoutAlreadyHoldsBytes() {
        Inbox inbox = inbox(10_000);
        inbox.store(ChannelCore.Stream.STDOUT, new byte[] {1}, 0, 1);

        assertThatThrownBy(() -> inbox.pushTo(0, new RecordingSink(), false))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("nobody asked for");
    }

    /** A sink that only accepts; these tests look at which sink the inbox hands out. */
    private static final class RecordingSink implements ChannelDataSink {
        @Override
        public void accept(byte[] data, int off, int len) {
        }

        @Override
        public void end(IOException failure) {
        }
    }
}
