package org.javamiko.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.javamiko.PasswordRequiredException;
import org.javamiko.SshException;
import org.javamiko.internal.keyformat.OpenSshKeyV1;
import org.javamiko.internal.keyformat.PemBlock;
import org.javamiko.internal.keyformat.PemKeys;
import org.javamiko.internal.keyformat.PrivateFileWriter;
import org.javamiko.internal.keyformat.PublicKeyText;
import org.javamiko.internal.keyformat.PuttyKeyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads key files of every supported format, recognising the format from the content, and puts
 * the file's name into every error so the user knows which file to look at. The decoders in
 * {@code internal.keyformat} read the bytes; the keys are made here.
 */
final class KeyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);
    /** Key files are a few KiB; anything far larger is not one. */
    private static final long MAX_FILE = 1 << 20;
    private static final String CERT_SUFFIX = "-cert.pub";

    private KeyFiles() {
    }

    /**
     * Loads a key (and a {@code -cert.pub} beside it), or, given a {@code -cert.pub} path, the key
     * beside it with that certificate.
     *
     * @param path the file
     * @param passphrase the passphrase, or null
     * @return the key
     */
    static PKey load(Path path, String passphrase) throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(CERT_SUFFIX) && name.length() > CERT_SUFFIX.length()) {
            Certificate cert = loadCertificate(path);
            Path keyPath = path.resolveSibling(name.substring(0, name.length() - CERT_SUFFIX.length()));
            if (!Files.exists(keyPath)) {
                throw new NoSuchFileException(keyPath.toString(), null,
                        "no such file: the private key for certificate " + path);
            }
            PKey key = loadKeyFile(keyPath, passphrase);
            attach(key, cert, path);
            return key;
        }
        PKey key = loadKeyFile(path, passphrase);
        Path certPath = path.resolveSibling(name + CERT_SUFFIX);
        if (Files.isRegularFile(certPath)) {
            Certificate cert = loadCertificate(certPath);
            if (Arrays.equals(cert.getKey().keyBlob(), key.keyBlob())) {
                key.setCertificate(cert);
            } else {
                // As OpenSSH does: a stale certificate beside the key is skipped, the key still works.
                LOG.warn("{} certifies another key ({}) than {} ({}); ignoring it", certPath,
                        cert.getKey().fingerprint(), path, key.fingerprint());
            }
        }
        return key;
    }

    private static void attach(PKey key, Certificate cert, Path certPath) throws SshException {
        try {
            key.setCertificate(cert);
        } catch (SshException e) {
            throw new SshException(certPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a certificate file ({@code type base64 [comment]} with a certificate type).
     *
     * @param path the {@code -cert.pub} file
     * @return the parsed, signature-checked certificate
     */
    static Certificate loadCertificate(Path path) throws IOException {
        String text = new String(read(path), StandardCharsets.UTF_8);
        PKey key;
        try {
            key = fromText(PublicKeyText.parseLine(text.lines().filter(l -> !l.isBlank()).findFirst().orElse("")));
        } catch (SshException e) {
            throw new SshException(path + ": " + e.getMessage(), e);
        }
        if (key.getCertificate() == null) {
            throw new SshException(path + ": not a certificate but a plain " + key.getKeyType() + " public key");
        }
        return key.getCertificate();
    }

    /**
     * Reads one key file of any supported format, without looking for a certificate.
     *
     * @param path the file
     * @param passphrase the passphrase, or null
     * @return the key
     */
    static PKey loadKeyFile(Path path, String passphrase) throws IOException {
        byte[] bytes = read(path);
        try {
            return decode(bytes, passphrase);
        } catch (PasswordRequiredException e) {
            throw new PasswordRequiredException(path + ": " + e.getMessage(), e);
        } catch (SshException e) {
            throw new SshException(path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Whatever a malformed file provokes deep inside a decoder ends here, named.
            throw new SshException(path + ": corrupt or unreadable key file (" + e + ")", e);
        }
    }

    private static byte[] read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE) {
            throw new SshException(path + ": " + size + " bytes is too large for a key file");
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new SshException(path + ": the file is empty, not a key");
        }
        return bytes;
    }

    /**
     * Decodes key file contents, recognising the format.
     *
     * @param bytes the file's bytes
     * @param passphrase the passphrase, or null
     * @return the key
     */
    static PKey decode(byte[] bytes, String passphrase) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.contains("-----BEGIN " + OpenSshKeyV1.LABEL + "-----")) {
            return KeyMaterials.toKey(OpenSshKeyV1.decode(PemBlock.find(text, OpenSshKeyV1.LABEL).body(), passphrase));
        }
        if (text.stripLeading().startsWith(PuttyKeyFile.MAGIC)) {
            return KeyMaterials.toKey(PuttyKeyFile.decode(text.stripLeading(), passphrase));
        }
        String pemLabel = PemKeys.keyLabel(text);
        if (pemLabel != null) {
            return KeyMaterials.toKey(PemKeys.decode(text, pemLabel, passphrase));
        }
        if (text.contains("---- BEGIN SSH2 PUBLIC KEY ----")) {
            return fromText(PublicKeyText.parseRfc4716(text));
        }
        String firstLine = text.strip().lines().findFirst().orElse("");
        if (!firstLine.startsWith("-----BEGIN ")) {
            try {
                return fromText(PublicKeyText.parseLine(firstLine));
            } catch (SshException e) {
                // not a public key line either: fall through to the general message
            }
        }
        throw new SshException("Not a key file this library recognises (expected an OpenSSH, PEM, PKCS#8 or"
                + " PuTTY private key, or a public key)");
    }

    /**
     * Writes a private key in OpenSSH format with mode 0600 from creation on.
     *
     * @param key the key pair
     * @param file where to write
     * @param passphrase null for none
     */
    static void writePrivateKey(PKey key, Path file, String passphrase) throws IOException {
        PrivateFileWriter.write(file, OpenSshKeyV1.encode(KeyMaterials.of(key), passphrase)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param entry a public key line or RFC 4716 block, parsed
     * @return the key (with its certificate when the blob is one), its comment set
     */
    static PKey fromText(PublicKeyText.Entry entry) throws SshException {
        PKey key = PublicBlobs.decode(entry.blob());
        key.setComment(entry.comment());
        return key;
    }
}
