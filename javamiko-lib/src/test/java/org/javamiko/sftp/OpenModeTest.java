package org.javamiko.sftp;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.DELETE_ON_CLOSE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.SYNC;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.javamiko.internal.sftp.SftpConstants.FXF_APPEND;
import static org.javamiko.internal.sftp.SftpConstants.FXF_CREAT;
import static org.javamiko.internal.sftp.SftpConstants.FXF_EXCL;
import static org.javamiko.internal.sftp.SftpConstants.FXF_READ;
import static org.javamiko.internal.sftp.SftpConstants.FXF_TRUNC;
import static org.javamiko.internal.sftp.SftpConstants.FXF_WRITE;

import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Python's open modes and java.nio.file's open options as SFTP open flags. */
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

    @Test
    void openOptionsMapAsFilesNewByteChannelReadsThem() {
        assertThat(OpenMode.of(Set.of()).pflags()).isEqualTo(FXF_READ);
        assertThat(OpenMode.of(Set.of(CREATE, TRUNCATE_EXISTING)).pflags()).isEqualTo(FXF_READ);
        assertThat(OpenMode.of(Set.of(WRITE, CREATE, TRUNCATE_EXISTING)).pflags())
                .isEqualTo(FXF_WRITE | FXF_CREAT | FXF_TRUNC);
        assertThat(OpenMode.of(Set.of(WRITE, CREATE_NEW, CREATE)).pflags()).isEqualTo(FXF_WRITE | FXF_CREAT | FXF_EXCL);
        assertThat(OpenMode.of(Set.of(APPEND)).pflags()).isEqualTo(FXF_WRITE | FXF_APPEND);
        assertThat(OpenMode.of(Set.of(READ, WRITE)).pflags()).isEqualTo(FXF_READ | FXF_WRITE);
        assertThat(OpenMode.of(Set.of(WRITE, LinkOption.NOFOLLOW_LINKS, DELETE_ON_CLOSE, SYNC)).pflags())
                .isEqualTo(FXF_WRITE);
    }

    @Test
    void openOptionsThatContradictEachOtherAreRejected() {
        assertThatThrownBy(() -> OpenMode.of(Set.of(APPEND, READ))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenMode.of(Set.of(APPEND, TRUNCATE_EXISTING)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenMode.of(Set.of(new OpenOption() { })))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
