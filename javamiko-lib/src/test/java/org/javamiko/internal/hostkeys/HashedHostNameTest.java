package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class HashedHostNameTest {
    /** From paramiko's tests/test_hostkeys.py. */
    private static final String PARAMIKO_VECTOR = "|1|BMsIC6cUIP2zBuXR3t2LRcJYjzM=|hpkJMysjTk/+zzUUzxQEa2ieq6c=";

    @Test
    void paramikoVectorMatchesItsHost() throws Exception {
        HashedHostName hashed = HashedHostName.parse(PARAMIKO_VECTOR);
        assertThat(hashed.matches(new HostQuery("foo.example.com"))).isTrue();
        assertThat(hashed.matches(new HostQuery("bar.example.com"))).isFalse();
    }

    @Test
    void hashingWithTheVectorsSaltReproducesIt() {
        byte[] salt = Base64.getDecoder().decode("BMsIC6cUIP2zBuXR3t2LRcJYjzM=");
        assertThat(HashedHostName.hash("foo.example.com", salt).text()).isEqualTo(PARAMIKO_VECTOR);
    }

    @Test
    void upperCaseQueryMatchesHashOfLowerCaseName() throws Exception {
        assertThat(HashedHostName.parse(PARAMIKO_VECTOR).matches(new HostQuery("FOO.example.com"))).isTrue();
    }

    @Test
    void randomHashUsesA20ByteSaltAndMatchesItsHost() throws Exception {
        HashedHostName hashed = HashedHostName.hash("[host.example.com]:2222");
        assertThat(hashed.salt()).hasSize(HashedHostName.SALT_LENGTH);
        HashedHostName reparsed = HashedHostName.parse(hashed.text());
        assertThat(reparsed.matches(new HostQuery("[host.example.com]:2222"))).isTrue();
        assertThat(reparsed.matches(new HostQuery("host.example.com"))).isFalse();
    }

    @Test
    void twoRandomHashesOfOneNameDiffer() {
        assertThat(HashedHostName.hash("a").text()).isNotEqualTo(HashedHostName.hash("a").text());
    }

    @Test
    void emptySaltIsRefused() {
        assertThatThrownBy(() -> HashedHostName.hash("a", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("salt");
    }

    @Test
    void malformedHashedNamesAreRejectedWithAReason() {
        assertThatThrownBy(() -> HashedHostName.parse("|2|BMsIC6cUIP2zBuXR3t2LRcJYjzM=|hpkJMysjTk/+zzUUzxQEa2ieq6c="))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("|1|");
        assertThatThrownBy(() -> HashedHostName.parse("|1|BMsIC6cUIP2zBuXR3t2LRcJYjzM="))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("'|'");
        assertThatThrownBy(() -> HashedHostName.parse("|1|not base64!|hpkJMysjTk/+zzUUzxQEa2ieq6c="))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("salt");
        assertThatThrownBy(() -> HashedHostName.parse("|1|BMsIC6cUIP2zBuXR3t2LRcJYjzM=|AAAA"))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("3-byte hash");
        assertThatThrownBy(() -> HashedHostName.parse("|1||hpkJMysjTk/+zzUUzxQEa2ieq6c="))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("empty salt");
    }

    @Test
    void namesExactlyItsHostOrItsOwnText() throws Exception {
        HashedHostName hashed = HashedHostName.parse(PARAMIKO_VECTOR);
        assertThat(hashed.namesExactly(new HostQuery("foo.example.com"))).isTrue();
        assertThat(hashed.namesExactly(new HostQuery(PARAMIKO_VECTOR))).isTrue();
        assertThat(hashed.namesExactly(new HostQuery("other"))).isFalse();
    }
}
