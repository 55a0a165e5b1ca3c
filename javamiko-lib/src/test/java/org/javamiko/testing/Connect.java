package org.javamiko.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;

/** A client that trusts exactly a test server's host keys and logs in with a key. */
public final class Connect {
    private Connect() {
    }

    /** @return options logging in as the server's user with {@code key}, nothing from ~/.ssh */
    public static ConnectOptions.Builder withKey(SshTestServer server, Path key) {
        return ConnectOptions.builder().port(server.port()).username(server.user()).keyFilename(key)
                .lookForKeys(false).allowAgent(false);
    }

    /** @return a client that knows the server's host keys (as a system known_hosts file) */
    public static SshClient trusting(SshTestServer server, Path dir) {
        try {
            Path knownHosts = server.writeKnownHosts(Files.createTempFile(dir, "known_hosts", ""));
            SshClient client = new SshClient();
            client.loadSystemHostKeys(knownHosts);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a connected client, logged in with the server's Ed25519 client key */
    public static SshClient connected(SshTestServer server, Path dir, Path key) throws IOException {
        SshClient client = trusting(server, dir);
        client.connect(server.host(), withKey(server, key).build());
        return client;
    }
}
