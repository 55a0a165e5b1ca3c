package org.javamiko.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

class ChannelRequestsTest {

    @Test
    void answersFillTheRequestsInTheOrderTheyWereSent() {
        ChannelRequests requests = new ChannelRequests();
        ChannelRequests.Reply first = requests.expectReply();
        ChannelRequests.Reply second = requests.expectReply();

        requests.answer(false);
        requests.answer(true);

        assertThat(first.answered()).isTrue();
        assertThat(first.accepted()).isFalse();
        assertThat(second.accepted()).isTrue();
    }

    @Test
    void anAnswerNobodyAskedForIsIgnored() {
        assertThat(new ChannelRequests().answer(true)).isFalse();
    }

    @Test
    void anEndedChannelRefusesEveryWaitingRequest() {
        ChannelRequests requests = new ChannelRequests();
        ChannelRequests.Reply waiting = requests.expectReply();

        requests.failAll();

        assertThat(waiting.answered()).isTrue();
        assertThat(waiting.accepted()).isFalse();
        assertThat(requests.answer(true)).isFalse();
    }

    @Test
    void exitStatusIsKept() throws Exception {
        ChannelRequests requests = new ChannelRequests();

        boolean known = requests.accept("exit-status", new SshBuffer(8).putInt(3));

        assertThat(known).isTrue();
        assertThat(requests.exitStatus()).isEqualTo(3);
        assertThat(requests.exitSignal()).isNull();
    }

    @Test
    void exitSignalGivesStatusMinusOne() throws Exception {
        ChannelRequests requests = new ChannelRequests();

        requests.accept("exit-signal", new SshBuffer(32).putString("TERM").putBoolean(false).putString("").putString(""));

        assertThat(requests.exitSignal()).isEqualTo("TERM");
        assertThat(requests.exitStatus()).isEqualTo(-1);
    }

    @Test
    void anUnknownRequestIsNotAccepted() throws Exception {
        ChannelRequests requests = new ChannelRequests();

        assertThat(requests.accept("keepalive@openssh.com", new SshBuffer(8))).isFalse();
        assertThat(requests.exitStatus()).isNull();
    }
}
