package org.javamiko.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.time.Duration;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** The FIFO of global-request reply slots: replies go to requests in order, late ones are dropped. */
class GlobalRequestsTest {
    private static final ReplyQueue.SessionCheck OPEN = () -> { };

    private static SshBuffer reply(int b) {
        return SshBuffer.wrap(new byte[] {(byte) b});
    }

    @Test
    void repliesAnswerRequestsInTheOrderTheyWereSent() throws Exception {
        GlobalRequests requests = new GlobalRequests();
        GlobalRequests.Slot first = GlobalRequests.forCaller();
        GlobalRequests.Slot second = GlobalRequests.forCaller();
        requests.expect(first);
        requests.expect(second);
        requests.answer(Msg.REQUEST_FAILURE, reply(1));
        requests.answer(Msg.REQUEST_SUCCESS, reply(2));
        assertThat(requests.await(first, Duration.ZERO, OPEN).getByte()).isEqualTo(Msg.REQUEST_FAILURE);
        SshBuffer b = requests.await(second, Duration.ZERO, OPEN);
        assertThat(b.getByte()).isEqualTo(Msg.REQUEST_SUCCESS);
        assertThat(b.getByte()).isEqualTo(2);
    }

    @Test
    void aLateReplyAfterATimeoutIsNotTakenAsTheNextRequestsAnswer() throws Exception {
        GlobalRequests requests = new GlobalRequests();
        GlobalRequests.Slot timedOut = GlobalRequests.forCaller();
        requests.expect(timedOut);
        assertThatThrownBy(() -> requests.await(timedOut, Duration.ZERO, OPEN)).isInstanceOf(SocketTimeoutException.class);
        GlobalRequests.Slot next = GlobalRequests.forCaller();
        requests.expect(next);
        requests.answer(Msg.REQUEST_SUCCESS, reply(9)); // the late answer to the first
        requests.answer(Msg.REQUEST_FAILURE, reply(0));
        assertThat(requests.await(next, Duration.ZERO, OPEN).getByte()).isEqualTo(Msg.REQUEST_FAILURE);
    }

    @Test
    void aProbesReplyIsConsumedWithoutAnsweringTheCallerBehindIt() throws Exception {
        GlobalRequests requests = new GlobalRequests();
        requests.expect(GlobalRequests.discarded());
        GlobalRequests.Slot caller = GlobalRequests.forCaller();
        requests.expect(caller);
        requests.answer(Msg.REQUEST_FAILURE, reply(0));
        assertThat(requests.pending()).isEqualTo(1);
        requests.answer(Msg.REQUEST_SUCCESS, reply(0));
        assertThat(requests.await(caller, Duration.ZERO, OPEN).getByte()).isEqualTo(Msg.REQUEST_SUCCESS);
    }

    @Test
    void aReplyToNoRequestIsReported() {
        assertThat(new GlobalRequests().answer(Msg.REQUEST_SUCCESS, reply(0))).isFalse();
    }

    @Test
    void closingWakesAWaiterWithTheSessionsEnd() {
        GlobalRequests requests = new GlobalRequests();
        GlobalRequests.Slot slot = GlobalRequests.forCaller();
        requests.expect(slot);
        requests.close();
        assertThatThrownBy(() -> requests.await(slot, Duration.ofSeconds(5),
                () -> { throw new SshException("the server stopped answering"); }))
                .hasMessageContaining("stopped answering");
    }
}
