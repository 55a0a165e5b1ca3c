package org.javamiko.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.SshException;
import org.javamiko.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4716 "SSH2 PUBLIC KEY" blocks, as ssh-keygen -e writes them. */
class Rfc4716Test {
    @TempDir
    Path dir;

    @Test
    void sshKeygenExportLoadsAsTheSamePublicKey() throws Exception {
        SshKeygen.assumeAvailable();
        Path key = dir.resolve("id");
        SshKeygen.keygenOk("-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "a comment that is long enough to wrap"
                + " over more than one line of the block", "-f", key.toString());
        Path exported = dir.resolve("id.rfc");
        Files.writeString(exported, SshKeygen.keygenOk("-e", "-f", key + ".pub"));
        assertThat(Files.readString(exported)).contains("---- BEGIN SSH2 PUBLIC KEY ----");
        PKey loaded = PKey.fromPath(exported);
        assertThat(loaded.fingerprint()).isEqualTo(SshKeygen.fingerprint(key));
        assertThat(loaded.canSign()).isFalse();
    }

    @Test
    void continuedHeaderAndQuotedCommentAreRead() throws Exception {
        Ed25519Key key = Ed25519Key.generate();
        String b64 = key.getBase64();
        String block = "---- BEGIN SSH2 PUBLIC KEY ----\n"
                + "Subject: someone\n"
                + "Comment: \"a continued \\\n"
                + "comment\"\n"
                + b64.substring(0, 30) + "\n" + b64.substring(30) + "\n"
                + "---- END SSH2 PUBLIC KEY ----\n";
        Path file = dir.resolve("k.pub");
        Files.writeString(file, block);
        PKey loaded = PKey.fromPath(file);
        assertThat(loaded).isEqualTo(key);
        assertThat(loaded.getComment()).isEqualTo("a continued comment");
    }

    @Test
    void missingEndLineIsAnError() throws Exception {
        Path file = dir.resolve("k.pub");
        Files.writeString(file, "---- BEGIN SSH2 PUBLIC KEY ----\n" + Ed25519Key.generate().getBase64() + "\n");
        assertThatThrownBy(() -> PKey.fromPath(file)).isInstanceOf(SshException.class)
                .hasMessageContaining("END SSH2 PUBLIC KEY");
    }
}
