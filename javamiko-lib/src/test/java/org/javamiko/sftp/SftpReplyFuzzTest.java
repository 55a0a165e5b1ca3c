package org.javamiko.sftp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.testing.fuzz.Fuzzing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * What an SFTP server sends back (VERSION, then the replies to a fixed session of requests),
 * fuzzed: every call ends in an IOException or a result, never another exception or a hang (the
 * end of the input fails whatever is still waiting). The corpus is a real {@code sftp-server}'s
 * answers to {@link #SESSION}, recorded with {@code -Djavamiko.fuzz.record=true}.
 */
class SftpReplyFuzzTest {
    /** The requests every input is answered to, in order. */
    private static final Fuzzing.Target SESSION = replies -> {
        try (SftpClient sftp = SftpClient.overStreams(new ByteArrayInputStream(replies), OutputStream.nullOutputStream(), null)) {
            run(sftp);
        }
    };

    private static void run(SftpClient sftp) throws IOException {
        try {
            sftp.stat("file");
            sftp.listdirAttr("dir");
            sftp.readlink("link");
            sftp.normalize(".");
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            sftp.getfo("file", copy, null);
        } finally {
            sftp.close();
        }
    }

    @TempDir
    Path dir;

    @FuzzTest
    void fuzz(byte[] replies) {
        Fuzzing.check(SESSION, replies);
    }

    @Test
    void mutatedRepliesEndInAnIoException() {
        Fuzzing.mutateAndCheck(SESSION, Fuzzing.corpus(SftpReplyFuzzTest.class));
    }

    /** Re-records the corpus from OpenSSH's sftp-server: run with -Djavamiko.fuzz.record=true. */
    @Test
    @EnabledIfSystemProperty(named = "javamiko.fuzz.record", matches = "true")
    void recordTheCorpusFromARealServer() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.write(root.resolve("file"), new byte[3_000]);
        Files.createDirectories(root.resolve("dir"));
        Files.writeString(root.resolve("dir/a"), "a");
        Files.writeString(root.resolve("dir/b"), "b");
        Files.createSymbolicLink(root.resolve("link"), Path.of("file"));
        Process p = new ProcessBuilder(OpenSshSftpServer.BINARY.toString(), "-d", root.toString()).start();
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        InputStream tee = new FilterInputStream(p.getInputStream()) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    recorded.write(b, off, n);
                }
                return n;
            }
        };
        try (SftpClient sftp = SftpClient.overStreams(tee, p.getOutputStream(), p::destroy)) {
            run(sftp);
        }
        Path corpus = Path.of("src/test/resources/org/javamiko/sftp/SftpReplyFuzzTestInputs/fuzz");
        Files.createDirectories(corpus);
        Files.write(corpus.resolve("openssh_sftp_server_session"), recorded.toByteArray());
    }
}
