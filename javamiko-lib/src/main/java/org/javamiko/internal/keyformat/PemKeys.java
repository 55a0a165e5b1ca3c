package org.javamiko.internal.keyformat;

import java.util.List;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;

/**
 * PEM key files as OpenSSL and {@code ssh-keygen -m PEM|PKCS8} write them: PKCS#1 RSA and SEC1 EC
 * (optionally with legacy DEK-Info encryption), PKCS#8 plain and encrypted, and X.509 / PKCS#1
 * public keys.
 */
public final class PemKeys {
    private PemKeys() {
    }

    private static final List<String> LABELS = List.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
            "PRIVATE KEY", "DSA PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY");

    /**
     * @param text a file's text
     * @return the label of the first key block the text holds, or null when it holds none
     */
    public static String keyLabel(String text) {
        int best = Integer.MAX_VALUE;
        String found = null;
        for (String label : LABELS) {
            int at = text.indexOf("-----BEGIN " + label + "-----");
            if (at >= 0 && at < best) {
                best = at;
                found = label;
            }
        }
        return found;
    }

    /**
     * @param text the file's text
     * @param label from {@link #keyLabel}
     * @param passphrase the passphrase, or null
     * @return the key
     */
    public static KeyMaterial decode(String text, String label, String passphrase) throws SshException {
        PemBlock block = PemBlock.find(text, label);
        switch (label) {
            case "RSA PRIVATE KEY":
                return parseDecrypted(decryptLegacy(block, passphrase, "RSA"), Asn1Keys::rsaPrivate,
                        isLegacyEncrypted(block));
            case "EC PRIVATE KEY":
                return parseDecrypted(decryptLegacy(block, passphrase, "ECDSA"), der -> Asn1Keys.ecPrivate(der, null),
                        isLegacyEncrypted(block));
            case "PRIVATE KEY":
                return Asn1Keys.pkcs8(block.body());
            case "ENCRYPTED PRIVATE KEY":
                requirePassphrase(passphrase, "PKCS#8");
                return parseDecrypted(PemDecryption.pkcs8(block.body(), passphrase), Asn1Keys::pkcs8, true);
            case "PUBLIC KEY":
                return Asn1Keys.subjectPublicKeyInfo(block.body());
            case "RSA PUBLIC KEY":
                return Asn1Keys.rsaPublic(block.body());
            case "DSA PRIVATE KEY":
                throw new SshException("Unsupported key type DSA (ssh-dss): DSA keys are limited to 1024 bits and SHA-1");
            default:
                throw new SshException("Unsupported PEM block " + label);
        }
    }

    private interface DerParser {
        KeyMaterial parse(byte[] der) throws SshException;
    }

    /** After decryption a wrong passphrase shows as garbage that is not DER (when the padding happened to pass). */
    private static KeyMaterial parseDecrypted(byte[] der, DerParser parser, boolean wasEncrypted) throws SshException {
        try {
            return parser.parse(der);
        } catch (SshException e) {
            if (wasEncrypted && e.getMessage().startsWith("Malformed DER")) {
                throw new WrongPassphraseException("the decrypted key is not valid DER");
            }
            throw e;
        }
    }

    private static boolean isLegacyEncrypted(PemBlock block) {
        String procType = block.headers().get("Proc-Type");
        return procType != null && procType.replace(" ", "").equalsIgnoreCase("4,ENCRYPTED");
    }

    private static byte[] decryptLegacy(PemBlock block, String passphrase, String what) throws SshException {
        if (!isLegacyEncrypted(block)) {
            return block.body();
        }
        String dekInfo = block.headers().get("DEK-Info");
        if (dekInfo == null) {
            throw new SshException("The encrypted PEM key has no DEK-Info header");
        }
        requirePassphrase(passphrase, what + " PEM");
        return PemDecryption.legacy(dekInfo, block.body(), passphrase);
    }

    private static void requirePassphrase(String passphrase, String what) throws PasswordRequiredException {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new PasswordRequiredException("The " + what + " key is encrypted: a passphrase is required");
        }
    }
}
