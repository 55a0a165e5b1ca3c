package org.javamiko.internal.sftp.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.javamiko.ConnectOptions;
import org.javamiko.RejectPolicy;
import org.javamiko.SshClient;
import org.javamiko.sftp.SftpClient;

/**
 * The connection behind a file system made from a URI: an SSH client logged in with the
 * credentials in the environment map, checking the host key against known_hosts only.
 */
final class SftpConnector {
    private SftpConnector() {
    }

    /** An SSH connection and the SFTP session on it, closed together. */
    record Connected(SshClient ssh, SftpClient sftp) implements AutoCloseable {
        @Override
        public void close() {
            try {
                sftp.close();
            } finally {
                ssh.close();
            }
        }
    }

    static Connected connect(String host, int port, String user, Map<String, ?> env) throws IOException {
        SshClient ssh = new SshClient();
        try {
            // never silently trust a host: only keys in known_hosts are accepted
            ssh.setMissingHostKeyPolicy(new RejectPolicy());
            Path knownHosts = pathOf(env, "knownHosts");
            if (knownHosts != null) {
                ssh.loadSystemHostKeys(knownHosts);
            } else {
                ssh.loadSystemHostKeys();
            }
            ConnectOptions.Builder options = ConnectOptions.builder().port(port).username(user);
            Object password = env.get("password");
            if (password != null) {
                options.password(password.toString()).passphrase(password.toString());
            }
            Path key = pathOf(env, "keyFilename");
            if (key != null) {
                options.keyFilename(key);
            }
            ssh.connect(host, options.build());
            return new Connected(ssh, ssh.openSftp());
        } catch (IOException | RuntimeException e) {
            ssh.close();
            throw e;
        }
    }

    private static Path pathOf(Map<String, ?> env, String name) {
        Object v = env.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Path p) {
            return p;
        }
        if (v instanceof String s) {
            return Path.of(s);
        }
        throw new IllegalArgumentException("env \"" + name + "\" must be a Path or a String, not " + v.getClass().getName());
    }
}
