package org.javamiko.internal.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.javamiko.internal.sftp.ScriptedPeer.packet;
import static org.javamiko.internal.sftp.ScriptedPeer.reply;
import static org.javamiko.internal.sftp.ScriptedPeer.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.javamiko.sftp.SftpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dispatcher against replies no honest server sends: each ends in an exception, never a hang. */
@Timeout(30)
class SftpConnectionTest {
    private static SftpPacket stat(String path) {
        return new SftpPacket(SftpConstants.FXP_STAT).putString(path);
    }

    @Test
    void handshakeReadsTheExtensionList() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.read();
            p.send(packet(SftpConstants.FXP_VERSION, new SshBuffer().putInt(3)
                    .putString("posix-rename@openssh.com").putString("1").putString("limits@openssh.com").putString("1")));
        }); SftpConnection c = peer.connect()) {
            assertThat(c.version()).isEqualTo(3);
            assertThat(c.extensions()).containsOnlyKeys("posix-rename@openssh.com", "limits@openssh.com");
        }
    }

    @Test
    void handshakeRefusesAHugeFirstPacketBeforeAllocating() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.read();
            p.send(new SshBuffer().putInt(0x7fff_fff0).putByte(SftpConstants.FXP_VERSION).toByteArray());
        })) {
            assertThatThrownBy(peer::connect).isInstanceOf(SshException.class).hasMessageContaining("Not an SFTP server");
        }
    }

    @Test
    void handshakeRefusesAServerBelowVersion3() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.read();
            p.send(packet(SftpConstants.FXP_VERSION, new SshBuffer().putInt(2)));
        })) {
            assertThatThrownBy(peer::connect).isInstanceOf(SshException.class).hasMessageContaining("version 2");
        }
    }

    @Test
    void handshakeRefusesTextInsteadOfSftp() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.read();
            p.send("Welcome to my shell!\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        })) {
            assertThatThrownBy(peer::connect).isInstanceOf(SshException.class).hasMessageContaining("Not an SFTP server");
        }
    }

    @Test
    void replyAboveTheSizeLimitFailsTheRequest() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.handshake();
            ScriptedPeer.Request r = p.read();
            p.send(new SshBuffer().putInt(0x7fff_0000).putByte(SftpConstants.FXP_NAME).putInt(r.id()).toByteArray());
        }); SftpConnection c = peer.connect()) {
            assertThatThrownBy(() -> c.call(stat("/x"))).isInstanceOf(SshException.class).hasMessageContaining("exceeds");
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void dataLongerThanTheReadAskedForIsRejected() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.handshake();
            ScriptedPeer.Request r = p.read();
            p.send(reply(SftpConstants.FXP_DATA, r.id(), new SshBuffer().putString(new byte[100])));
        }); SftpConnection c = peer.connect()) {
            byte[] target = new byte[10];
            SftpPacket read = new SftpPacket(SftpConstants.FXP_READ).putString(new byte[4]).putLong(0).putInt(10);
            assertThatThrownBy(() -> c.sendRead(read, target, 0, 10).await())
                    .isInstanceOf(SshException.class).hasMessageContaining("Malformed SFTP DATA");
        }
    }

    @Test
    void nameReplyWithAnAbsurdCountIsMalformed() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.handshake();
            ScriptedPeer.Request r = p.read();
            p.send(reply(SftpConstants.FXP_NAME, r.id(), new SshBuffer().putInt(0x7fff_ffff)));
        }); SftpConnection c = peer.connect()) {
            SftpReply r = c.call(new SftpPacket(SftpConstants.FXP_REALPATH).putString("."));
            assertThatThrownBy(() -> r.names(StatusErrors.Context.of("realpath", ".")))
                    .isInstanceOf(SshException.class).hasMessageContaining("2147483647");
        }
    }

    @Test
    void replyToAnIdNotInFlightEndsTheSession() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.handshake();
            ScriptedPeer.Request r = p.read();
            p.send(status(r.id() + 1000, SftpConstants.FX_OK, ""));
        }); SftpConnection c = peer.connect()) {
            assertThatThrownBy(() -> c.call(stat("/x"))).isInstanceOf(SshException.class).hasMessageContaining("not in flight");
        }
    }

    @Test
    void streamEndingInTheMiddleOfAReplyFailsItsWaiter() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.handshake();
            ScriptedPeer.Request r = p.read();
            byte[] whole = reply(SftpConstants.FXP_ATTRS, r.id(), new SshBuffer().putInt(0).putRaw(new byte[50]));
            p.send(java.util.Arrays.copyOf(whole, 20));
            p.hangUp();
        }); SftpConnection c = peer.connect()) {
            assertThatThrownBy(() -> c.call(stat("/x"))).isInstanceOf(SshException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> c.call(stat("/y"))).isInstanceOf(SshException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void errorStatusBecomesTheMappedException() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.handshake();
            ScriptedPeer.Request r = p.read();
            p.send(status(r.id(), SftpConstants.FX_BAD_MESSAGE, "garbled"));
        }); SftpConnection c = peer.connect()) {
            SftpReply r = c.call(stat("/x"));
            assertThatThrownBy(() -> r.attrs(StatusErrors.Context.of("stat", "/x")))
                    .isInstanceOf(SftpException.class).hasMessageContaining("garbled").hasMessageContaining("/x")
                    .satisfies(e -> assertThat(((SftpException) e).code()).isEqualTo(SftpConstants.FX_BAD_MESSAGE));
        }
    }

    @Test
    void repliesInAnyOrderReachTheirOwnWaiters() throws Exception {
        int threads = 8;
        try (ScriptedPeer peer = new ScriptedPeer(p -> {
            p.handshake();
            List<ScriptedPeer.Request> got = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                got.add(p.read());
            }
            // answer last first: each reply names the path its request asked for
            for (int i = got.size() - 1; i >= 0; i--) {
                ScriptedPeer.Request r = got.get(i);
                String path = r.body().getStringUtf8();
                p.send(reply(SftpConstants.FXP_NAME, r.id(), new SshBuffer().putInt(1).putString(path).putString("").putInt(0)));
            }
        }); SftpConnection c = peer.connect()) {
            CountDownLatch finished = new CountDownLatch(threads);
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < threads; i++) {
                String path = "/path" + i;
                new Thread(() -> {
                    try {
                        String answer = c.call(new SftpPacket(SftpConstants.FXP_REALPATH).putString(path))
                                .singleName(StatusErrors.Context.of("realpath", path));
                        if (!answer.equals(path)) {
                            wrong.add(path + " got " + answer);
                        }
                    } catch (IOException e) {
                        wrong.add(path + " failed: " + e);
                    } finally {
                        finished.countDown();
                    }
                }).start();
            }
            assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(wrong).isEmpty();
        }
    }
}
