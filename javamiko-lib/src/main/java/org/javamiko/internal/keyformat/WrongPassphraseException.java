package org.javamiko.internal.keyformat;

import org.javamiko.SshException;

/** Decryption of a key file failed in a way only a wrong passphrase explains (check bytes, padding, tag). */
public final class WrongPassphraseException extends SshException {
    private static final long serialVersionUID = 1L;

    /** @param detail what failed to check out */
    public WrongPassphraseException(String detail) {
        super("Wrong passphrase: the key did not decrypt (" + detail + ")");
    }
}
