package org.javamiko.bench.clients;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.channel.direct.Session.Command;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;
import org.javamiko.bench.Target;

/**
 * sshj on SunJCE (Bouncy Castle not registered as the provider: its AES is many times slower)
 * with TCP_NODELAY sockets.
 */
public final class SshjClient implements JavaClient {

    static {
        SecurityUtils.setRegisterBouncyCastle(false);
    }

    private final DefaultConfig config = new DefaultConfig();

    @Override
    public String name() {
        return "sshj " + Versions.of("com.hierynomus", "sshj");
    }

    @Override
    public Session connect(Target t) throws IOException {
        SSHClient client = new SSHClient(config);
        try {
            client.setSocketFactory(NoDelaySockets.INSTANCE);
            client.loadKnownHosts(t.knownHosts().toFile());
            if (t.cipher().startsWith("chacha20") && config.getCipherFactories().stream()
                    .noneMatch(f -> f.getName().equals(t.cipher()))) {
                throw new IOException("sshj offers " + t.cipher() + " only with Bouncy Castle registered");
            }
            client.connect(t.host(), t.port());
            client.authPublickey(t.user(), client.loadKeys(t.key().toString()));
            return new SshjSession(client);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static final class SshjSession implements Session {
        private final SSHClient client;
        private SFTPClient sftp;

        SshjSession(SSHClient client) {
            this.client = client;
        }

        @Override
        public void exec(String command) throws IOException {
            stream(command);
        }

        @Override
        public long stream(String command) throws IOException {
            try (net.schmizz.sshj.connection.channel.direct.Session session = client.startSession()) {
                Command cmd = session.exec(command);
                long n = Drain.count(cmd.getInputStream());
                cmd.join();
                return n;
            }
        }

        private SFTPClient sftp() throws IOException {
            if (sftp == null) {
                sftp = client.newSFTPClient();
            }
            return sftp;
        }

        @Override
        public void get(String remote, Path local) throws IOException {
            sftp().get(remote, local.toString());
        }

        @Override
        public void put(Path local, String remote) throws IOException {
            sftp().put(local.toString(), remote);
        }

        /** sshj does not document SFTPClient as thread-safe: each worker opens its own on this connection. */
        @Override
        public SftpWorker sftpWorker() throws IOException {
            return new ClientWorker(client.newSFTPClient());
        }

        @Override
        public void close() throws IOException {
            if (sftp != null) {
                sftp.close();
            }
            client.close();
        }
    }

    /** A worker with an SFTP session of its own. */
    private static final class ClientWorker implements SftpWorker {
        private final SFTPClient sftp;

        ClientWorker(SFTPClient sftp) {
            this.sftp = sftp;
        }

        @Override
        public void mkdir(String path) throws IOException {
            sftp.mkdir(path);
        }

        @Override
        public void put(Path local, String remote) throws IOException {
            sftp.put(local.toString(), remote);
        }

        @Override
        public void get(String remote, Path local) throws IOException {
            sftp.get(remote, local.toString());
        }

        @Override
        public List<Entry> list(String path) throws IOException {
            List<Entry> entries = new ArrayList<>();
            for (RemoteResourceInfo info : sftp.ls(path)) {
                entries.add(new Entry(info.getName(), info.isDirectory()));
            }
            return entries;
        }

        @Override
        public void close() throws IOException {
            sftp.close();
        }
    }
}
