package org.javamiko.bench.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.util.io.output.NoCloseOutputStream;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.javamiko.bench.Target;

/** Apache MINA SSHD's client (NIO2), one started client for all connections, TCP_NODELAY on. */
public final class MinaClient implements JavaClient {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int COPY_BUFFER = 64 * 1024;

    private SshClient client;
    private Path keyOfClient;

    @Override
    public String name() {
        return "MINA SSHD " + Versions.of("org.apache.sshd", "sshd-core");
    }

    private synchronized SshClient client(Target t) {
        if (client == null || !t.key().equals(keyOfClient)) {
            if (client != null) {
                client.stop();
            }
            client = SshClient.setUpDefaultClient();
            CoreModuleProperties.TCP_NODELAY.set(client, true);
            client.setServerKeyVerifier(
                    new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, t.knownHosts()));
            client.setKeyIdentityProvider(new FileKeyPairProvider(t.key()));
            client.start();
            keyOfClient = t.key();
        }
        return client;
    }

    @Override
    public Session connect(Target t) throws IOException {
        ClientSession session = client(t).connect(t.user(), t.host(), t.port()).verify(TIMEOUT).getSession();
        try {
            session.auth().verify(TIMEOUT);
            return new MinaSession(session);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    private static void download(SftpClient sftp, String remote, Path local) throws IOException {
        try (InputStream in = sftp.read(remote); OutputStream out = Files.newOutputStream(local)) {
            in.transferTo(out);
        }
    }

    private static void upload(SftpClient sftp, Path local, String remote) throws IOException {
        try (InputStream in = Files.newInputStream(local); OutputStream out = sftp.write(remote)) {
            byte[] buf = new byte[COPY_BUFFER];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        }
    }

    private static final class MinaSession implements Session {
        private final ClientSession session;
        private SftpClient sftp;

        MinaSession(ClientSession session) {
            this.session = session;
        }

        @Override
        public void exec(String command) throws IOException {
            stream(command);
        }

        @Override
        public long stream(String command) throws IOException {
            Drain.Counter counter = new Drain.Counter();
            try (ChannelExec ch = session.createExecChannel(command)) {
                ch.setOut(new NoCloseOutputStream(counter));
                ch.setErr(new NoCloseOutputStream(OutputStream.nullOutputStream()));
                ch.open().verify(TIMEOUT);
                ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            }
            return counter.count();
        }

        private SftpClient sftp() throws IOException {
            if (sftp == null) {
                sftp = SftpClientFactory.instance().createSftpClient(session);
            }
            return sftp;
        }

        @Override
        public void get(String remote, Path local) throws IOException {
            download(sftp(), remote, local);
        }

        @Override
        public void put(Path local, String remote) throws IOException {
            upload(sftp(), local, remote);
        }

        /**
         * MINA's own SftpFileSystem gives each concurrent thread an SftpClient of its own (a pool),
         * and the SftpClient is not documented as thread-safe: each worker opens its own.
         */
        @Override
        public SftpWorker sftpWorker() throws IOException {
            return new ClientWorker(SftpClientFactory.instance().createSftpClient(session));
        }

        @Override
        public void close() throws IOException {
            if (sftp != null) {
                sftp.close();
            }
            session.close();
        }
    }

    /** A worker with an SFTP session of its own. */
    private static final class ClientWorker implements SftpWorker {
        private final SftpClient sftp;

        ClientWorker(SftpClient sftp) {
            this.sftp = sftp;
        }

        @Override
        public void mkdir(String path) throws IOException {
            sftp.mkdir(path);
        }

        @Override
        public void put(Path local, String remote) throws IOException {
            upload(sftp, local, remote);
        }

        @Override
        public void get(String remote, Path local) throws IOException {
            download(sftp, remote, local);
        }

        @Override
        public List<Entry> list(String path) throws IOException {
            List<Entry> entries = new ArrayList<>();
            for (SftpClient.DirEntry e : sftp.readDir(path)) {
                if (!e.getFilename().equals(".") && !e.getFilename().equals("..")) {
                    entries.add(new Entry(e.getFilename(), e.getAttributes().isDirectory()));
                }
            }
            return entries;
        }

        @Override
        public void close() throws IOException {
            sftp.close();
        }
    }
}
