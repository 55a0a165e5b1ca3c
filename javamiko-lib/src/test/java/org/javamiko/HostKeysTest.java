package org.javamiko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

import org.javamiko.keys.PKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysTest {
    static final String ED1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICixsAw3S1BCLABbUnjFwVDJktGa7/iu/zKz6vk31bFy";
    static final String ED2 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIsl7FdU0o9Ang3a9Efo0kRFc4mtB6vs2DIDEP9eMuji";
    static final String ED3 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJWvGZNtTSiaUO2A1sMT6ZFHNavTQlSoGkIkVaU3AOfO";
    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC2WFsimDZoDC8sR/iY4OGaCLW4mR9CoWDjt07AOfwm4juU4k1JcYG84KgTvV4TLkWJ"
            + "AINKnbZhbQYrvakgIiWo/sXmF6ZuF8K+kCdO+urBXBWFzhlG77iWAcbpmfsKzogFU2w11PphZLskwvYykMvJoxAxo1m4dQJikpaQPyqXHqiST8x6Y1tI2UJ"
            + "pifx9jUhH3WEvebidp98QGiwUeZHWM8YJR7Mt2996VZM4xDOav2vIvu6Qo+ji8lKA7ZyAoXxyXsJRDpil3vPG+TJdliDRSNDOCNDLnazgWgciWAyRp3HVXJ3"
            + "eWKwmzkOWr4xF2pVDq/fjPb2T8GzEYRD0uvQx";
    static final String ECDSA = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKfyW/hooO7UrD9ebngWp0m6"
            + "vuGP29ASF/OqjAj35ZqzHvX+k5tEeMMIDfV3BYy5VlfxSXs1Bg5yEPbrmg6MJhE=";
    /** From paramiko's tests/test_hostkeys.py: the hash of foo.example.com. */
    static final String PARAMIKO_HASH = "|1|BMsIC6cUIP2zBuXR3t2LRcJYjzM=|hpkJMysjTk/+zzUUzxQEa2ieq6c=";

    @TempDir
    Path dir;

    static PKey key(String line) throws Exception {
        return PKey.fromPublicKeyLine(line);
    }

    private HostKeys loaded(String content) throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, content);
        return new HostKeys(file);
    }

    @Test
    void lookupFindsPlainCommaListedPortAndHashedEntries() throws Exception {
        HostKeys keys = loaded("a.example.com,10.0.0.1 " + ED1 + "\n"
                + "[a.example.com]:2222 " + ED2 + "\n"
                + PARAMIKO_HASH + " " + ED3 + "\n");
        assertThat(keys.lookup("a.example.com")).containsExactly(java.util.Map.entry("ssh-ed25519", key(ED1)));
        assertThat(keys.lookup("10.0.0.1")).containsValue(key(ED1));
        assertThat(keys.lookup("[a.example.com]:2222")).containsValue(key(ED2));
        assertThat(keys.lookup("foo.example.com")).containsValue(key(ED3));
    }

    @Test
    void lookupOfAnUnknownHostIsEmpty() throws Exception {
        assertThat(loaded("a.example.com " + ED1 + "\n").lookup("b.example.com")).isEmpty();
    }

    @Test
    void lookupGathersEveryKeyTypeFromEveryMatchingLine() throws Exception {
        HostKeys keys = loaded("*.example.com " + RSA + "\na.example.com " + ED1 + "\na.example.com " + ECDSA + "\n");
        assertThat(keys.lookup("a.example.com")).containsOnlyKeys("ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256");
        assertThat(keys.keyTypes("a.example.com")).containsExactly("ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256");
        assertThat(keys.keyTypes("b.example.com")).containsExactly("ssh-rsa");
    }

    @Test
    void negatedPatternExcludesAHostAWildcardWouldMatch() throws Exception {
        HostKeys keys = loaded("*.example.com,!bad.example.com " + ED1 + "\n");
        assertThat(keys.lookup("good.example.com")).isNotEmpty();
        assertThat(keys.lookup("bad.example.com")).isEmpty();
    }

    @Test
    void checkAcceptsTheKnownKeyOnly() throws Exception {
        HostKeys keys = loaded("a.example.com " + ED1 + "\n");
        assertThat(keys.check("a.example.com", key(ED1))).isTrue();
        assertThat(keys.check("a.example.com", key(ED2))).isFalse();
        assertThat(keys.check("b.example.com", key(ED1))).isFalse();
    }

    @Test
    void checkAcceptsAnyOfSeveralKeysOfOneType() throws Exception {
        HostKeys keys = loaded("a.example.com " + ED1 + "\na.example.com " + ED2 + "\n");
        assertThat(keys.check("a.example.com", key(ED1))).isTrue();
        assertThat(keys.check("a.example.com", key(ED2))).isTrue();
    }

    @Test
    void revokedKeyFailsCheckEvenWhenListedForTheHost() throws Exception {
        HostKeys keys = loaded("a.example.com " + ED1 + "\n@revoked * " + ED1 + "\n");
        assertThat(keys.isRevoked("a.example.com", key(ED1))).isTrue();
        assertThat(keys.check("a.example.com", key(ED1))).isFalse();
        assertThat(keys.isRevoked("a.example.com", key(ED2))).isFalse();
    }

    @Test
    void certificateAuthoritiesAreExposedAndNotHostKeys() throws Exception {
        HostKeys keys = loaded("@cert-authority *.example.com " + ED1 + "\n");
        assertThat(keys.certificateAuthorities("a.example.com")).containsExactly(key(ED1));
        assertThat(keys.certificateAuthorities("a.example.org")).isEmpty();
        assertThat(keys.lookup("a.example.com")).isEmpty();
        assertThat(keys.check("a.example.com", key(ED1))).isFalse();
    }

    @Test
    void addAppendsALineForANewHost() throws Exception {
        HostKeys keys = new HostKeys();
        keys.add("a.example.com", "ssh-ed25519", key(ED1));
        assertThat(keys.check("a.example.com", key(ED1))).isTrue();
        Path file = dir.resolve("out");
        keys.save(file);
        assertThat(Files.readString(file)).isEqualTo("a.example.com " + ED1 + "\n");
    }

    @Test
    void addReplacesTheKeyOfTheSameTypeForThatExactHostKeepingTheComment() throws Exception {
        HostKeys keys = loaded("a.example.com,b.example.com  " + ED1 + "  my comment\na.example.com " + RSA + "\n");
        keys.add("b.example.com", "ssh-ed25519", key(ED2));
        Path file = dir.resolve("out");
        keys.save(file);
        assertThat(Files.readString(file))
                .isEqualTo("a.example.com,b.example.com " + ED2 + " my comment\na.example.com " + RSA + "\n");
    }

    @Test
    void addDoesNotReplaceAKeyKnownOnlyThroughAPattern() throws Exception {
        HostKeys keys = loaded("*.example.com " + ED1 + "\n");
        keys.add("a.example.com", "ssh-ed25519", key(ED2));
        assertThat(keys.check("b.example.com", key(ED1))).isTrue();
        assertThat(keys.check("a.example.com", key(ED2))).isTrue();
    }

    @Test
    void addReplacesTheKeyOfAHashedEntryOfThatHost() throws Exception {
        HostKeys keys = loaded(PARAMIKO_HASH + " " + ED1 + "\n");
        keys.add("foo.example.com", "ssh-ed25519", key(ED2));
        assertThat(keys.check("foo.example.com", key(ED1))).isFalse();
        assertThat(keys.check("foo.example.com", key(ED2))).isTrue();
        Path file = dir.resolve("out");
        keys.save(file);
        assertThat(Files.readString(file)).isEqualTo(PARAMIKO_HASH + " " + ED2 + "\n");
    }

    @Test
    void addAcceptsAnRsaSignatureAlgorithmAsTheRsaKeyType() throws Exception {
        HostKeys keys = new HostKeys();
        keys.add("a.example.com", "rsa-sha2-512", key(RSA));
        assertThat(keys.lookup("a.example.com")).containsOnlyKeys("ssh-rsa");
    }

    @Test
    void addRefusesAKeyTypeThatIsNotTheKeys() throws Exception {
        PKey ed = key(ED1);
        assertThatThrownBy(() -> new HostKeys().add("a", "ssh-rsa", ed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ssh-rsa");
    }

    @Test
    void addRefusesWhatCannotBeOneHostNameOfALine() throws Exception {
        PKey ed = key(ED1);
        HostKeys keys = new HostKeys();
        for (String bad : new String[] {"", "a b", "a,b", "#a", "@revoked", "a\nb", "|1|garbage"}) {
            assertThatThrownBy(() -> keys.add(bad, "ssh-ed25519", ed)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void hashedNameFromHashHostIsFoundByLookup() throws Exception {
        HostKeys keys = new HostKeys();
        keys.add(HostKeys.hashHost("[a.example.com]:2222"), "ssh-ed25519", key(ED1));
        assertThat(keys.check("[a.example.com]:2222", key(ED1))).isTrue();
        assertThat(keys.check("a.example.com", key(ED1))).isFalse();
    }

    @Test
    void hashHostWithTheParamikoSaltGivesTheParamikoVector() {
        byte[] salt = Base64.getDecoder().decode("BMsIC6cUIP2zBuXR3t2LRcJYjzM=");
        assertThat(HostKeys.hashHost("foo.example.com", salt)).isEqualTo(PARAMIKO_HASH);
    }

    @Test
    void loadThenSaveKeepsEveryByteIncludingLinesWeCannotUse() throws Exception {
        String truncated = "AAAAC3NzaC1lZDI1NTE5AAAAIC";
        String unknownType = Base64.getEncoder().encodeToString(
                new byte[] {0, 0, 0, 10, 's', 's', 'h', '-', 'f', 'u', 't', 'u', 'r', 'e', 0, 0, 0, 0});
        byte[] content = ("# leading comment\n"
                + "\n"
                + "a.example.com,10.0.0.1\t" + ED1 + "   trailing comment  \n"
                + "   # indented comment\n"
                + "@cert-authority *.example.com " + ED2 + "\n"
                + "@revoked * " + ED3 + "\n"
                + "@unknown-marker h " + ED1 + "\n"
                + PARAMIKO_HASH + " " + RSA + "\n"
                + "b.example.com ssh-future " + unknownType + "\n"
                + "c.example.com ssh-ed25519 " + truncated + "\n"
                + "d.example.com ssh-ed25519 not*base64\n"
                + "e.example.com 1024 35 123456789\n"
                + "crlf.example.com " + ED1 + "\r\n"
                + "# comment in Latin-1: caf\u00e9\n"
                + "last.example.com " + ECDSA).getBytes(StandardCharsets.ISO_8859_1);
        Path in = dir.resolve("known_hosts");
        Files.write(in, content);
        HostKeys keys = new HostKeys(in);
        Path out = dir.resolve("saved");
        keys.save(out);
        assertThat(Files.readAllBytes(out)).isEqualTo(content);
        keys.save(in);
        assertThat(Files.readAllBytes(in)).isEqualTo(content);
    }

    @Test
    void malformedLinesAreSkippedAndTheRestIsUsable() throws Exception {
        HostKeys keys = loaded("bad.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC\n"
                + "bad.example.com ssh-ed25519 !!!!\n"
                + "bad.example.com ssh-rsa " + ED1.split(" ")[1] + "\n"
                + "|1|broken " + ED1 + "\n"
                + "good.example.com " + ED1 + "\n");
        assertThat(keys.lookup("bad.example.com")).isEmpty();
        assertThat(keys.check("good.example.com", key(ED1))).isTrue();
    }

    @Test
    void newLineAfterAFileWithoutFinalNewlineGoesOnALineOfItsOwn() throws Exception {
        HostKeys keys = loaded("a.example.com " + ED1);
        keys.add("b.example.com", "ssh-ed25519", key(ED2));
        Path out = dir.resolve("out");
        keys.save(out);
        assertThat(Files.readString(out)).isEqualTo("a.example.com " + ED1 + "\nb.example.com " + ED2 + "\n");
    }

    @Test
    void loadingAFileTwiceAddsNothing() throws Exception {
        String content = "# c\na.example.com " + ED1 + "\n";
        HostKeys keys = loaded(content);
        keys.load(dir.resolve("known_hosts"));
        Path out = dir.resolve("out");
        keys.save(out);
        assertThat(Files.readString(out)).isEqualTo(content);
    }

    @Test
    void loadMergesASecondFile() throws Exception {
        HostKeys keys = loaded("a.example.com " + ED1 + "\n");
        Path second = dir.resolve("second");
        Files.writeString(second, "b.example.com " + ED2 + "\na.example.com " + ED1 + " same entry, other comment\n");
        keys.load(second);
        assertThat(keys.check("a.example.com", key(ED1))).isTrue();
        assertThat(keys.check("b.example.com", key(ED2))).isTrue();
        Path out = dir.resolve("out");
        keys.save(out);
        assertThat(Files.readString(out)).isEqualTo("a.example.com " + ED1 + "\nb.example.com " + ED2 + "\n");
    }

    @Test
    void duplicateLinesWithinOneFileAreKept() throws Exception {
        String content = "a.example.com " + ED1 + "\n\n\na.example.com " + ED1 + "\n";
        HostKeys keys = loaded(content);
        Path out = dir.resolve("out");
        keys.save(out);
        assertThat(Files.readString(out)).isEqualTo(content);
    }

    @Test
    void clearForgetsEverything() throws Exception {
        HostKeys keys = loaded("a.example.com " + ED1 + "\n");
        keys.clear();
        assertThat(keys.lookup("a.example.com")).isEmpty();
        keys.load(dir.resolve("known_hosts"));
        assertThat(keys.lookup("a.example.com")).isNotEmpty();
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThatThrownBy(() -> new HostKeys(dir.resolve("absent"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void saveMergedKeepsWhatAnotherWriterAddedMeanwhile() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "a.example.com " + ED1 + "\n");
        HostKeys ours = new HostKeys(file);
        HostKeys theirs = new HostKeys(file);
        theirs.add("b.example.com", "ssh-ed25519", key(ED2));
        theirs.save(file);

        ours.add("c.example.com", "ssh-ed25519", key(ED3));
        ours.saveMerged(file);

        assertThat(Files.readString(file)).isEqualTo(
                "a.example.com " + ED1 + "\nc.example.com " + ED3 + "\nb.example.com " + ED2 + "\n");
        assertThat(ours.check("b.example.com", key(ED2))).isTrue();
    }

    @Test
    void saveMergedDoesNotBringBackAKeyThisSetReplaced() throws Exception {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "a.example.com " + ED1 + "\n");
        HostKeys keys = new HostKeys(file);
        keys.add("a.example.com", "ssh-ed25519", key(ED2));
        keys.saveMerged(file);
        assertThat(Files.readString(file)).isEqualTo("a.example.com " + ED2 + "\n");
    }

    @Test
    void saveMergedToAMissingFileIsSave() throws Exception {
        HostKeys keys = new HostKeys();
        keys.add("a.example.com", "ssh-ed25519", key(ED1));
        Path file = dir.resolve("new_known_hosts");
        keys.saveMerged(file);
        assertThat(Files.readString(file)).isEqualTo("a.example.com " + ED1 + "\n");
    }
}
