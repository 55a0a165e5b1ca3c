package org.javamiko.internal.session;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** The queue the server fills with authentication replies is bounded. */
class ReplyQueueTest {
    @Test
    void aServerFloodingRepliesIsAProtocolError() throws Exception {
        ReplyQueue queue = new ReplyQueue("an authentication reply");
        for (int i = 0; i < ReplyQueue.MAX_WAITING; i++) {
            queue.add(Msg.USERAUTH_FAILURE, SshBuffer.wrap(new byte[0]));
        }
        assertThatThrownBy(() -> queue.add(Msg.USERAUTH_FAILURE, SshBuffer.wrap(new byte[0])))
                .isInstanceOf(SshException.class).hasMessageContaining("more than " + ReplyQueue.MAX_WAITING);
    }
}
