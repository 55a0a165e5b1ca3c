package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.javamiko.internal.sftp.SftpConstants.FXF_APPEND;
import static org.javamiko.internal.sftp.SftpConstants.FXF_CREAT;
import static org.javamiko.internal.sftp.SftpConstants.FXF_EXCL;
import static org.javamiko.internal.sftp.SftpConstants.FXF_READ;
import static org.javamiko.internal.sftp.SftpConstants.FXF_TRUNC;
import static org.javamiko.internal.sftp.SftpConstants.FXF_WRITE;

import org.junit.jupiter.api.Test;

/** Python's open modes as SFTP open flags. */
class OpenModeTest {
    @Test
    void eachModeMapsToItsFlags() {
        assertThat(OpenMode.parse("r").pflags()).isEqualTo(FXF_READ);
        assertThat(OpenMode.parse("rb").pflags()).isEqualTo(FXF_READ);
        assertThat(OpenMode.parse("w").pflags()).isEqualTo(FXF_WRITE | FXF_CREAT | FXF_TRUNC);
        assertThat(OpenMode.parse("a").pflags()).isEqualTo(FXF_WRITE | FXF_CREAT | FXF_APPEND);
        assertThat(OpenMode.parse("r+").pflags()).isEqualTo(FXF_READ | FXF_WRITE);
        assertThat(OpenMode.parse("w+b").pflags()).isEqualTo(FXF_READ | FXF_WRITE | FXF_CREAT | FXF_TRUNC);
        assertThat(OpenMode.parse("x").pflags()).isEqualTo(FXF_WRITE | FXF_CREAT | FXF_EXCL);
    }

    @Test
    void plusAddsTheOtherDirection() {
        assertThat(OpenMode.parse("r").writable()).isFalse();
        assertThat(OpenMode.parse("r+").writable()).isTrue();
        assertThat(OpenMode.parse("w").readable()).isFalse();
        assertThat(OpenMode.parse("a+").readable()).isTrue();
    }

    @Test
    void unknownModesAreRejected() {
        assertThatThrownBy(() -> OpenMode.parse("rw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenMode.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
