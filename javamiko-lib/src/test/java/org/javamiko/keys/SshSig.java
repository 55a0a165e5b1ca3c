package org.javamiko.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.javamiko.internal.wire.SshBuffer;

/**
 * OpenSSH's SSHSIG envelope (PROTOCOL.sshsig), so ssh-keygen -Y sign / -Y verify can check our raw
 * SSH signatures: the envelope signs a fixed preamble and a hash of the message.
 */
final class SshSig {
    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);

    private SshSig() {
    }

    record Parsed(byte[] publicKey, String namespace, String hashAlgorithm, byte[] signature) {
    }

    static byte[] signedData(String namespace, String hashAlgorithm, byte[] message) throws Exception {
        String jca = hashAlgorithm.equals("sha512") ? "SHA-512" : "SHA-256";
        byte[] hash = MessageDigest.getInstance(jca).digest(message);
        return new SshBuffer().putRaw(MAGIC).putString(namespace).putString("").putString(hashAlgorithm)
                .putString(hash).toByteArray();
    }

    static String armor(PKey key, String namespace, String algorithm, byte[] message) throws Exception {
        byte[] sig = key.signSshData(signedData(namespace, "sha512", message), algorithm);
        byte[] blob = new SshBuffer().putRaw(MAGIC).putInt(1).putString(key.asBytes()).putString(namespace)
                .putString("").putString("sha512").putString(sig).toByteArray();
        return "-----BEGIN SSH SIGNATURE-----\n" + Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(blob)
                + "\n-----END SSH SIGNATURE-----\n";
    }

    static Parsed parse(String armored) throws Exception {
        String b64 = armored.replace("-----BEGIN SSH SIGNATURE-----", "").replace("-----END SSH SIGNATURE-----", "");
        SshBuffer buf = SshBuffer.wrap(Base64.getMimeDecoder().decode(b64));
        buf.getRaw(6);
        buf.getInt();
        byte[] pub = buf.getString();
        String ns = buf.getStringUtf8();
        buf.getString();
        String hash = buf.getStringUtf8();
        return new Parsed(pub, ns, hash, buf.getString());
    }
}
