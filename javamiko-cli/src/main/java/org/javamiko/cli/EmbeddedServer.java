package org.javamiko.cli;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The demo's SSH server: Apache MINA SSHD on 127.0.0.1 with a fresh host key, one user with a
 * password, commands run by {@code /bin/sh -c}, and SFTP. Another project's server, so the demo
 * shows javamiko talking to software it did not write.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String USER = "demo";
    static final String PASSWORD = "demo-password";

    private final SshServer server;
    private final KeyPair hostKey;

    EmbeddedServer() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        hostKey = generator.generateKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setCommandFactory(new ProcessShellCommandFactory());
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.start();
    }

    int port() {
        return server.getPort();
    }

    KeyPair hostKey() {
        return hostKey;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
