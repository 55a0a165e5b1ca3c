package org.javamiko.internal.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CipherTablesTest {

    @Test
    void ciphersAreOfferedInTheClientsDefaultOrder() {
        assertThat(Ciphers.supported()).extracting(CipherFactory::wireName).containsExactly(
                "chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
                "aes128-ctr", "aes192-ctr", "aes256-ctr");
    }

    @Test
    void macsAreOfferedInTheClientsDefaultOrderWithoutSha1() {
        assertThat(Macs.defaults()).containsExactly(
                "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512");
    }

    @Test
    void sha1MacsAreSupportedForUsersWhoEnableThem() {
        assertThat(Macs.supported()).extracting(MacFactory::wireName)
                .contains("hmac-sha1", "hmac-sha1-etm@openssh.com");
    }

    @Test
    void everyEntryIsFoundByItsOwnName() {
        for (CipherFactory c : Ciphers.supported()) {
            assertThat(Ciphers.byName(c.wireName())).containsSame(c);
        }
        for (MacFactory m : Macs.supported()) {
            assertThat(Macs.byName(m.wireName())).containsSame(m);
        }
    }

    @Test
    void weakAndUnknownCiphersAreNotFound() {
        for (String name : new String[] {"none", "aes128-cbc", "3des-cbc", "arcfour", "arcfour256", "blowfish-cbc"}) {
            assertThat(Ciphers.byName(name)).as(name).isEmpty();
        }
        assertThat(Macs.byName("hmac-md5")).isEmpty();
    }

    @Test
    void aeadCiphersAreMarkedAndCtrCiphersAreNot() {
        assertThat(Ciphers.supported()).filteredOn(CipherFactory::isAead).extracting(CipherFactory::wireName)
                .containsExactly("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    }

    @Test
    void keyOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> Ciphers.AES256_GCM.create(true, new byte[16], new byte[12], null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32-byte key");
    }

    @Test
    void ctrCipherWithoutMacIsRejected() {
        assertThatThrownBy(() -> Ciphers.AES128_CTR.create(true, new byte[16], new byte[16], null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a MAC");
    }
}
