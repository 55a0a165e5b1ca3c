package org.javamiko.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;
import org.junit.jupiter.api.Test;

/** The agent protocol's messages (draft-miller-ssh-agent), built and parsed byte by byte. */
class AgentProtocolTest {

    @Test
    void requestIdentitiesIsTheBareMessageNumber() {
        assertThat(AgentProtocol.requestIdentities()).containsExactly(11);
    }

    @Test
    void parsesTheIdentitiesInOrder() throws SshException {
        byte[] reply = new SshBuffer().putByte(12).putInt(2).putString(new byte[] {1, 2}).putString("first")
                .putString(new byte[] {3}).putString("second").toByteArray();
        List<AgentProtocol.Identity> identities = AgentProtocol.parseIdentities(reply);
        assertThat(identities).extracting(AgentProtocol.Identity::comment).containsExactly("first", "second");
        assertThat(identities.get(0).blob()).containsExactly(1, 2);
    }

    @Test
    void aCountBeyondWhatTheReplyHoldsIsRefusedBeforeAllocating() {
        byte[] reply = new SshBuffer().putByte(12).putInt(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> AgentProtocol.parseIdentities(reply))
                .isInstanceOf(SshException.class).hasMessageContaining("identities in 5 bytes");
    }

    @Test
    void bytesAfterTheIdentitiesAreRefused() {
        byte[] reply = new SshBuffer().putByte(12).putInt(0).putInt(7).toByteArray();
        assertThatThrownBy(() -> AgentProtocol.parseIdentities(reply))
                .isInstanceOf(SshException.class).hasMessageContaining("4 bytes after the identities");
    }

    @Test
    void aTruncatedIdentityIsRefused() {
        byte[] reply = new SshBuffer().putByte(12).putInt(1).putInt(100).putInt(0).toByteArray();
        assertThatThrownBy(() -> AgentProtocol.parseIdentities(reply)).isInstanceOf(SshException.class);
    }

    @Test
    void aFailureReplySaysTheAgentRefused() {
        assertThatThrownBy(() -> AgentProtocol.parseIdentities(new byte[] {5}))
                .isInstanceOf(SshException.class).hasMessageContaining("refused");
    }

    @Test
    void signRequestCarriesBlobDataAndRsaFlags() throws SshException {
        for (var c : List.of(new Object[] {"rsa-sha2-256", 2}, new Object[] {"rsa-sha2-512", 4},
                new Object[] {"ssh-ed25519", 0}, new Object[] {"ecdsa-sha2-nistp256", 0})) {
            SshBuffer msg = SshBuffer.wrap(AgentProtocol.signRequest(new byte[] {9}, new byte[] {7, 7}, (String) c[0]));
            assertThat(msg.getByte()).isEqualTo(13);
            assertThat(msg.getString()).containsExactly(9);
            assertThat(msg.getString()).containsExactly(7, 7);
            assertThat(msg.getInt()).as((String) c[0]).isEqualTo(c[1]);
            assertThat(msg.available()).isZero();
        }
    }

    @Test
    void parsesTheSignatureOfTheAlgorithmAskedFor() throws SshException {
        byte[] signature = new SshBuffer().putString("rsa-sha2-512").putString(new byte[] {1}).toByteArray();
        byte[] reply = new SshBuffer().putByte(14).putString(signature).toByteArray();
        assertThat(AgentProtocol.parseSignature(reply, "rsa-sha2-512")).isEqualTo(signature);
    }

    @Test
    void aSha1SignatureForAnRsaSha2RequestIsRefused() {
        byte[] signature = new SshBuffer().putString("ssh-rsa").putString(new byte[] {1}).toByteArray();
        byte[] reply = new SshBuffer().putByte(14).putString(signature).toByteArray();
        assertThatThrownBy(() -> AgentProtocol.parseSignature(reply, "rsa-sha2-256"))
                .isInstanceOf(SshException.class).hasMessageContaining("signed with ssh-rsa when asked for rsa-sha2-256");
    }

    @Test
    void anUnexpectedReplyToASignRequestNamesTheMessage() {
        assertThatThrownBy(() -> AgentProtocol.parseSignature(new byte[] {6}, "ssh-ed25519"))
                .isInstanceOf(SshException.class).hasMessageContaining("answered message 6");
    }

    @Test
    void sessionBindCarriesHostKeySessionSignatureAndTheForwardingFlag() throws SshException {
        SshBuffer msg = SshBuffer.wrap(AgentProtocol.sessionBind(new byte[] {1}, new byte[] {2, 2}, new byte[] {3}, true));
        assertThat(msg.getByte()).isEqualTo(27);
        assertThat(msg.getStringUtf8()).isEqualTo("session-bind@openssh.com");
        assertThat(msg.getString()).containsExactly(1);
        assertThat(msg.getString()).containsExactly(2, 2);
        assertThat(msg.getString()).containsExactly(3);
        assertThat(msg.getBoolean()).isTrue();
        assertThat(msg.available()).isZero();
    }

    @Test
    void onlyTheOneByteSuccessMessageIsSuccess() {
        assertThat(AgentProtocol.isSuccess(new byte[] {6})).isTrue();
        assertThat(AgentProtocol.isSuccess(new byte[] {5})).isFalse();
        assertThat(AgentProtocol.isSuccess(new byte[] {28})).isFalse();
    }
}
