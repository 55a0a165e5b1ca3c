package org.javamiko.internal.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KexMethodsTest {

    @Test
    void offersTheMlKemHybridThenX25519ThenNistCurvesThenFiniteFieldGroupsByDefault() {
        assertThat(KexMethods.defaultOrder()).containsExactly(
                "mlkem768x25519-sha256",
                "curve25519-sha256", "curve25519-sha256@libssh.org",
                "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
                "diffie-hellman-group-exchange-sha256",
                "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512",
                "diffie-hellman-group14-sha256");
    }

    @Test
    void supportsThePostQuantumHybridsAndSha1GroupOutsideTheDefaults() {
        assertThat(KexMethods.supported()).startsWith(KexMethods.defaultOrder().toArray(String[]::new))
                .contains("mlkem768x25519-sha256", "sntrup761x25519-sha512@openssh.com",
                        "sntrup761x25519-sha512", "diffie-hellman-group14-sha1");
    }

    @Test
    void findsEverySupportedMethodUnderItsOwnName() {
        for (String name : KexMethods.supported()) {
            assertThat(KexMethods.byName(name)).hasValueSatisfying(f -> {
                assertThat(f.wireName()).isEqualTo(name);
                assertThat(f.create()).isNotNull();
            });
        }
    }

    @Test
    void findsNothingForAnUnknownOrPseudoName() {
        assertThat(KexMethods.byName("diffie-hellman-group1-sha1")).isEmpty();
        assertThat(KexMethods.byName("ext-info-c")).isEmpty();
        assertThat(KexMethods.byName("kex-strict-c-v00@openssh.com")).isEmpty();
    }

    @Test
    void makesAFreshExchangeEachTime() {
        var factory = KexMethods.byName("curve25519-sha256").orElseThrow();
        assertThat(factory.create()).isNotSameAs(factory.create());
    }

    @Test
    void refusesGroupExchangeBoundsOutOfOrder() {
        assertThatThrownBy(() -> KexMethods.groupExchange(4096, 2048, 8192))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096/2048/8192");
    }
}
