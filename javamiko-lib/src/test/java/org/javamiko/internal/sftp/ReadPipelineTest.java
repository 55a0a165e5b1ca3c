package org.javamiko.internal.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pipelined reader against a server that answers every READ short, as the draft allows. */
@Timeout(30)
class ReadPipelineTest {
    private static final int MAX_ANSWER = 1000;

    /** Serves {@code file}: at most {@link #MAX_ANSWER} bytes per READ, EOF past the end. */
    private static ScriptedPeer shortReadingServer(byte[] file) throws Exception {
        return shortReadingServer(file, new java.util.concurrent.atomic.AtomicInteger());
    }

    private static ScriptedPeer shortReadingServer(byte[] file, java.util.concurrent.atomic.AtomicInteger reads)
            throws Exception {
        return new ScriptedPeer(p -> {
            p.handshake();
            while (true) {
                ScriptedPeer.Request r = p.read();
                reads.incrementAndGet();
                r.body().getString();   // handle
                long offset = r.body().getLong();
                int len = r.body().getInt();
                if (offset >= file.length) {
                    p.send(ScriptedPeer.status(r.id(), SftpConstants.FX_EOF, "EOF"));
                } else {
                    int n = (int) Math.min(Math.min(len, MAX_ANSWER), file.length - offset);
                    p.send(ScriptedPeer.reply(SftpConstants.FXP_DATA, r.id(),
                            new SshBuffer().putString(file, (int) offset, n)));
                }
            }
        });
    }

    @Test
    void shortReadsAreFollowedByRequestsForTheRest() throws Exception {
        byte[] file = new byte[50_000];
        new Random(1).nextBytes(file);
        try (ScriptedPeer peer = shortReadingServer(file); SftpConnection c = peer.connect()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ReadPipeline reads = new ReadPipeline(c, new byte[] {1}, 0, file.length, 4096, 8,
                    StatusErrors.Context.of("read", "f"))) {
                ReadPipeline.Chunk chunk;
                long expectedOffset = 0;
                while ((chunk = reads.next()) != null) {
                    assertThat(chunk.offset()).isEqualTo(expectedOffset);
                    out.write(chunk.data(), 0, chunk.length());
                    expectedOffset += chunk.length();
                }
            }
            assertThat(out.toByteArray()).isEqualTo(file);
        }
    }

    @Test
    void aWrongSizeHintStillReadsToEndOfFile() throws Exception {
        byte[] file = new byte[30_000];
        new Random(2).nextBytes(file);
        try (ScriptedPeer peer = shortReadingServer(file); SftpConnection c = peer.connect()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ReadPipeline reads = new ReadPipeline(c, new byte[] {1}, 0, 100, 4096, 8,
                    StatusErrors.Context.of("read", "f"))) {
                ReadPipeline.Chunk chunk;
                while ((chunk = reads.next()) != null) {
                    out.write(chunk.data(), 0, chunk.length());
                }
            }
            assertThat(out.toByteArray()).isEqualTo(file);
        }
    }

    @Test
    void cappedAnswersShrinkTheRequestsThatFollow() throws Exception {
        byte[] file = new byte[100_000];
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        try (ScriptedPeer peer = shortReadingServer(file, reads); SftpConnection c = peer.connect()) {
            try (ReadPipeline pipeline = new ReadPipeline(c, new byte[] {1}, 0, file.length, 4096, 8,
                    StatusErrors.Context.of("read", "f"))) {
                while (pipeline.next() != null) {
                    // consume
                }
            }
        }
        // 100 answers of 1000 bytes, plus the first window of 4096-byte asks and their remainders, plus EOFs;
        // asking 4096 every time would take about 125 requests
        assertThat(reads.get()).isLessThan(125);
    }

    @Test
    void aSmallFileIsAskedForByItsSizeThenProbedPastItsEnd() throws Exception {
        byte[] file = new byte[700];
        java.util.List<Integer> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScriptedPeer server = new ScriptedPeer(p -> {
            p.handshake();
            while (true) {
                ScriptedPeer.Request r = p.read();
                r.body().getString();   // handle
                long offset = r.body().getLong();
                int len = r.body().getInt();
                asked.add(len);
                if (offset >= file.length) {
                    p.send(ScriptedPeer.status(r.id(), SftpConstants.FX_EOF, "EOF"));
                } else {
                    int n = (int) Math.min(len, file.length - offset);
                    p.send(ScriptedPeer.reply(SftpConstants.FXP_DATA, r.id(),
                            new SshBuffer().putString(file, (int) offset, n)));
                }
            }
        });
        try (server; SftpConnection c = server.connect();
             ReadPipeline reads = new ReadPipeline(c, new byte[] {1}, 0, file.length, 255 * 1024, 8,
                     StatusErrors.Context.of("read", "f"))) {
            ReadPipeline.Chunk chunk = reads.next();
            assertThat(chunk.length()).isEqualTo(700);
            assertThat(chunk.data().length).isEqualTo(700);
            assertThat(reads.next()).isNull();
        }
        assertThat(asked).containsExactly(700, 256);
    }
}
