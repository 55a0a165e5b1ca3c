package org.javamiko.internal.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** The ATTRS encoding of draft-ietf-secsh-filexfer-02 §5. */
class FileAttrsTest {
    private static SshBuffer encoded(FileAttrs a) {
        SftpPacket p = new SftpPacket(SftpConstants.FXP_SETSTAT);
        a.encode(p);
        return new SshBuffer(p.array(), SftpPacket.HEADER, p.position() - SftpPacket.HEADER);
    }

    @Test
    void everyFieldSurvivesARoundTrip() throws SshException {
        FileAttrs a = new FileAttrs(0x8000000f, 1L << 40, 1000, 100, 0100644, 0xfffffff0L, 1_700_000_000L,
                Map.of("vendor@example.com", new byte[] {1, 2}));
        FileAttrs b = FileAttrs.decode(encoded(a));
        assertThat(b.size()).isEqualTo(1L << 40);
        assertThat(b.uid()).isEqualTo(1000);
        assertThat(b.gid()).isEqualTo(100);
        assertThat(b.permissions()).isEqualTo(0100644);
        assertThat(b.atime()).isEqualTo(0xfffffff0L);
        assertThat(b.mtime()).isEqualTo(1_700_000_000L);
        assertThat(b.extended().get("vendor@example.com")).containsExactly(1, 2);
    }

    @Test
    void onlyFlaggedFieldsAreOnTheWire() {
        // flags, then the 8-byte size: nothing else
        assertThat(encoded(FileAttrs.ofSize(5)).available()).isEqualTo(12);
        assertThat(encoded(FileAttrs.EMPTY).available()).isEqualTo(4);
    }

    @Test
    void absurdExtendedCountIsMalformed() {
        SshBuffer b = new SshBuffer().putInt(SftpConstants.ATTR_EXTENDED).putInt(0x7fffffff);
        assertThatThrownBy(() -> FileAttrs.decode(b)).isInstanceOf(SshException.class).hasMessageContaining("extended");
    }

    @Test
    void truncatedAttributesAreMalformed() {
        SshBuffer b = new SshBuffer().putInt(SftpConstants.ATTR_SIZE).putInt(1);
        assertThatThrownBy(() -> FileAttrs.decode(b)).isInstanceOf(SshException.class);
    }
}
