package org.javamiko.internal.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

class KnownHostsLineParserTest {
    private static final String KEY = TestBlobs.ed25519Base64(7);

    private static KnownHostsEntry entry(String line) throws Exception {
        return KnownHostsLineParser.parse(line).orElseThrow();
    }

    @Test
    void blankLinesAndCommentsAreNotEntries() throws Exception {
        assertThat(KnownHostsLineParser.parse("")).isEmpty();
        assertThat(KnownHostsLineParser.parse(" \t ")).isEmpty();
        assertThat(KnownHostsLineParser.parse("# a comment")).isEmpty();
        assertThat(KnownHostsLineParser.parse("   #indented comment")).isEmpty();
    }

    @Test
    void plainLineGivesHostsTypeKeyAndComment() throws Exception {
        KnownHostsEntry entry = entry("a.example.com,10.0.0.1 ssh-ed25519 " + KEY + " root@a  and more");
        assertThat(entry.marker()).isEqualTo(Marker.NONE);
        assertThat(entry.hosts().text()).isEqualTo("a.example.com,10.0.0.1");
        assertThat(entry.keyType()).isEqualTo("ssh-ed25519");
        assertThat(entry.base64Key()).isEqualTo(KEY);
        assertThat(entry.keyBlob()).isEqualTo(Base64.getDecoder().decode(KEY));
        assertThat(entry.comment()).isEqualTo("root@a  and more");
    }

    @Test
    void tabsAndRepeatedBlanksSeparateFieldsAndATrailingCrIsIgnored() throws Exception {
        KnownHostsEntry entry = entry("\thost \t ssh-ed25519\t" + KEY + "\r");
        assertThat(entry.hosts().text()).isEqualTo("host");
        assertThat(entry.base64Key()).isEqualTo(KEY);
        assertThat(entry.comment()).isEmpty();
    }

    @Test
    void markersAreParsed() throws Exception {
        assertThat(entry("@cert-authority *.example.com ssh-ed25519 " + KEY).marker()).isEqualTo(Marker.CERT_AUTHORITY);
        KnownHostsEntry revoked = entry("@revoked * ssh-ed25519 " + KEY);
        assertThat(revoked.marker()).isEqualTo(Marker.REVOKED);
        assertThat(revoked.hosts().text()).isEqualTo("*");
    }

    @Test
    void toLineWritesCanonicalForm() throws Exception {
        assertThat(entry("@revoked   h  ssh-ed25519  " + KEY + "   c").toLine())
                .isEqualTo("@revoked h ssh-ed25519 " + KEY + " c");
        assertThat(entry("h ssh-ed25519 " + KEY).toLine()).isEqualTo("h ssh-ed25519 " + KEY);
    }

    @Test
    void identityIgnoresSpacingAndComment() throws Exception {
        assertThat(entry("h  ssh-ed25519 " + KEY + " one").identity())
                .isEqualTo(entry("h ssh-ed25519\t" + KEY).identity());
        assertThat(entry("h ssh-ed25519 " + KEY).identity())
                .isNotEqualTo(entry("@revoked h ssh-ed25519 " + KEY).identity());
    }

    @Test
    void unknownMarkerIsMalformed() {
        assertThatThrownBy(() -> KnownHostsLineParser.parse("@trusted h ssh-ed25519 " + KEY))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("unknown marker @trusted");
    }

    @Test
    void missingFieldsAreMalformed() {
        assertThatThrownBy(() -> KnownHostsLineParser.parse("@revoked"))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("host names");
        assertThatThrownBy(() -> KnownHostsLineParser.parse("host"))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("key type");
        assertThatThrownBy(() -> KnownHostsLineParser.parse("host ssh-ed25519"))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("key");
    }

    @Test
    void badBase64IsMalformed() {
        assertThatThrownBy(() -> KnownHostsLineParser.parse("host ssh-ed25519 AAAA$$$$"))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("base64");
    }

    @Test
    void blobTruncatedInsideItsTypeNameIsMalformed() {
        String truncated = Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 11, 's', 's', 'h'});
        assertThatThrownBy(() -> KnownHostsLineParser.parse("host ssh-ed25519 " + truncated))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("truncated");
    }

    @Test
    void typeFieldDisagreeingWithTheBlobIsMalformed() {
        assertThatThrownBy(() -> KnownHostsLineParser.parse("host ssh-rsa " + KEY))
                .isInstanceOf(MalformedKnownHostsLineException.class)
                .hasMessageContaining("ssh-rsa").hasMessageContaining("ssh-ed25519");
    }

    @Test
    void unknownKeyTypeStillParsesForTheKeyParserToJudge() throws Exception {
        String blob = Base64.getEncoder().encodeToString(
                new SshBuffer().putString("ssh-future").putString(new byte[4]).toByteArray());
        assertThat(entry("host ssh-future " + blob).keyType()).isEqualTo("ssh-future");
    }

    @Test
    void oldRsa1LineIsMalformed() {
        assertThatThrownBy(() -> KnownHostsLineParser.parse("host 1024 35 1234567890123"))
                .isInstanceOf(MalformedKnownHostsLineException.class);
    }

    @Test
    void badHashedHostNameIsMalformed() {
        assertThatThrownBy(() -> KnownHostsLineParser.parse("|1|xx ssh-ed25519 " + KEY))
                .isInstanceOf(MalformedKnownHostsLineException.class).hasMessageContaining("hashed");
    }
}
