package org.javamiko.bench.clients;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.javamiko.ConnectOptions;
import org.javamiko.ExecStreams;
import org.javamiko.RejectPolicy;
import org.javamiko.SshClient;
import org.javamiko.bench.Target;
import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;

/** javamiko with its defaults (it sets TCP_NODELAY itself). */
public final class JavamikoClient implements JavaClient {

    @Override
    public String name() {
        return "javamiko";
    }

    @Override
    public Session connect(Target t) throws IOException {
        SshClient client = new SshClient();
        client.loadHostKeys(t.knownHosts());
        client.setMissingHostKeyPolicy(new RejectPolicy());
        client.connect(t.host(), ConnectOptions.builder().port(t.port()).username(t.user()).keyFilename(t.key())
                .allowAgent(false).lookForKeys(false).build());
        return new JavamikoSession(client);
    }

    private static final class JavamikoSession implements Session {
        private final SshClient client;
        private SftpClient sftp;

        JavamikoSession(SshClient client) {
            this.client = client;
        }

        @Override
        public void exec(String command) throws IOException {
            stream(command);
        }

        @Override
        public long stream(String command) throws IOException {
            try (ExecStreams streams = client.execCommand(command)) {
                long n = Drain.count(streams.stdout());
                streams.channel().recvExitStatus();
                return n;
            }
        }

        private synchronized SftpClient sftp() throws IOException {
            if (sftp == null) {
                sftp = client.openSftp();
            }
            return sftp;
        }

        @Override
        public void get(String remote, Path local) throws IOException {
            sftp().get(remote, local, null);
        }

        @Override
        public void put(Path local, String remote) throws IOException {
            sftp().put(local, remote, null, false);
        }

        /** {@link SftpClient} is documented thread-safe: every worker shares the one session. */
        @Override
        public SftpWorker sftpWorker() throws IOException {
            return new SharedSftp(sftp());
        }

        @Override
        public void close() {
            if (sftp != null) {
                sftp.close();
            }
            client.close();
        }
    }

    /** One worker's view of the shared {@link SftpClient}; closing it leaves the session open. */
    private static final class SharedSftp implements SftpWorker {
        private static final int DIRECTORY_MODE = 0755;

        private final SftpClient sftp;

        SharedSftp(SftpClient sftp) {
            this.sftp = sftp;
        }

        @Override
        public void mkdir(String path) throws IOException {
            sftp.mkdir(path, DIRECTORY_MODE);
        }

        @Override
        public void put(Path local, String remote) throws IOException {
            sftp.put(local, remote, null, false);
        }

        @Override
        public void get(String remote, Path local) throws IOException {
            sftp.get(remote, local, null);
        }

        @Override
        public List<Entry> list(String path) throws IOException {
            List<Entry> entries = new ArrayList<>();
            for (SftpAttributes a : sftp.listdirAttr(path)) {
                entries.add(new Entry(a.getFilename(), a.isDirectory()));
            }
            return entries;
        }

        @Override
        public void close() {
        }
    }
}
