package org.javamiko.internal.auth;

import java.io.IOException;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.keys.Certificate;
import org.javamiko.keys.PKey;

/**
 * A certificate from an ssh_config {@code CertificateFile}, offered as a credential of its own and
 * signed for by the key it certifies (a key file's or the agent's). The signer itself is left
 * unchanged, so it can still be offered without the certificate, as {@code ssh} does.
 */
public final class CertifiedKey extends PKey {
    private final PKey signer;
    private final List<String> plainAlgorithms;

    /**
     * @param signer a key that can sign, whose public key the certificate certifies
     * @param certificate a user certificate
     * @throws SshException when the certificate certifies another key
     */
    public CertifiedKey(PKey signer, Certificate certificate) throws SshException {
        this.signer = signer;
        this.plainAlgorithms = signer.signatureAlgorithms().stream().map(Certificate::plainAlgorithm).distinct().toList();
        setCertificate(certificate);
        setComment(signer.getComment());
    }

    @Override
    public String getKeyType() {
        return signer.getKeyType();
    }

    @Override
    public int getBits() {
        return signer.getBits();
    }

    @Override
    public byte[] keyBlob() {
        return signer.keyBlob();
    }

    @Override
    public boolean canSign() {
        return signer.canSign();
    }

    @Override
    public List<String> signatureAlgorithms() {
        return offeredAlgorithms(plainAlgorithms);
    }

    /** Signs as the certified key: a certificate changes the key blob sent, not the signature. */
    @Override
    public byte[] signSshData(byte[] data, String algorithm) throws IOException {
        return signer.signSshData(data, plainAlgorithm(algorithm));
    }

    @Override
    public boolean verifySshSignature(byte[] data, byte[] signatureBlob) throws IOException {
        return signer.verifySshSignature(data, signatureBlob);
    }
}
