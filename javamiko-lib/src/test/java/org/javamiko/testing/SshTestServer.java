package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every SSH test server offers a test: where it listens, whom to log in as, and its host
 * keys, so that a client can pin them (tests never turn host key checking off).
 */
public interface SshTestServer {

    /** The address the server listens on: always {@code 127.0.0.1}. */
    String host();

    /** The TCP port the server listens on. */
    int port();

    /** The user name a test logs in as. */
    String user();

    /**
     * The server's host public keys, one OpenSSH public key line each ({@code type base64}, no
     * comment), e.g. {@code ssh-ed25519 AAAAC3Nza...}.
     */
    List<String> hostPublicKeys();

    /**
     * known_hosts lines pinning {@link #hostPublicKeys()} for this server's address and port,
     * e.g. {@code [127.0.0.1]:40123 ssh-ed25519 AAAAC3Nza...}.
     */
    default List<String> knownHostsLines() {
        String hostPattern = "[" + host() + "]:" + port();
        return hostPublicKeys().stream().map(key -> hostPattern + " " + key).toList();
    }

    /** Writes {@link #knownHostsLines()} to {@code file} (replacing it) and returns {@code file}. */
    default Path writeKnownHosts(Path file) {
        try {
            return Files.write(file, knownHostsLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
