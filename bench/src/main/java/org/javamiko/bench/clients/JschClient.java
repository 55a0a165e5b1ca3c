package org.javamiko.bench.clients;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.javamiko.bench.BenchCiphers;
import org.javamiko.bench.Target;

/** JSch (the mwiede fork), with the cipher pinned and a TCP_NODELAY socket factory. */
public final class JschClient implements JavaClient {

    @Override
    public String name() {
        return "JSch " + Versions.of("com.github.mwiede", "jsch");
    }

    @Override
    public Session connect(Target t) throws JSchException {
        JSch jsch = new JSch();
        jsch.addIdentity(t.key().toString());
        jsch.setKnownHosts(t.knownHosts().toString());
        com.jcraft.jsch.Session s = jsch.getSession(t.user(), t.host(), t.port());
        s.setConfig("StrictHostKeyChecking", "yes");
        s.setConfig("PreferredAuthentications", "publickey");
        s.setConfig("cipher.c2s", t.cipher());
        s.setConfig("cipher.s2c", t.cipher());
        s.setConfig("mac.c2s", BenchCiphers.MAC);
        s.setConfig("mac.s2c", BenchCiphers.MAC);
        s.setSocketFactory(new SocketFactory() {
            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return NoDelaySockets.INSTANCE.createSocket(host, port);
            }

            @Override
            public InputStream getInputStream(Socket socket) throws IOException {
                return socket.getInputStream();
            }

            @Override
            public OutputStream getOutputStream(Socket socket) throws IOException {
                return socket.getOutputStream();
            }
        });
        s.connect();
        return new JschSession(s);
    }

    private static final class JschSession implements Session {
        private final com.jcraft.jsch.Session session;
        private ChannelSftp sftp;

        JschSession(com.jcraft.jsch.Session session) {
            this.session = session;
        }

        @Override
        public void exec(String command) throws Exception {
            stream(command);
        }

        @Override
        public long stream(String command) throws Exception {
            ChannelExec ch = (ChannelExec) session.openChannel("exec");
            try {
                ch.setCommand(command);
                InputStream in = ch.getInputStream();
                ch.connect();
                return Drain.count(in);
            } finally {
                ch.disconnect();
            }
        }

        private ChannelSftp sftp() throws JSchException {
            if (sftp == null) {
                sftp = (ChannelSftp) session.openChannel("sftp");
                sftp.connect();
            }
            return sftp;
        }

        @Override
        public void get(String remote, Path local) throws Exception {
            sftp().get(remote, local.toString());
        }

        @Override
        public void put(Path local, String remote) throws Exception {
            sftp().put(local.toString(), remote);
        }

        /** JSch's ChannelSftp is not thread-safe: each worker opens its own channel on this session. */
        @Override
        public SftpWorker sftpWorker() throws JSchException {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect();
            return new ChannelWorker(channel);
        }

        @Override
        public void close() {
            if (sftp != null) {
                sftp.disconnect();
            }
            session.disconnect();
        }
    }

    /** A worker with an SFTP channel of its own. */
    private static final class ChannelWorker implements SftpWorker {
        private final ChannelSftp channel;

        ChannelWorker(ChannelSftp channel) {
            this.channel = channel;
        }

        @Override
        public void mkdir(String path) throws Exception {
            channel.mkdir(path);
        }

        @Override
        public void put(Path local, String remote) throws Exception {
            channel.put(local.toString(), remote);
        }

        @Override
        public void get(String remote, Path local) throws Exception {
            channel.get(remote, local.toString());
        }

        @Override
        public List<Entry> list(String path) throws Exception {
            List<Entry> entries = new ArrayList<>();
            for (ChannelSftp.LsEntry e : channel.ls(path)) {
                entries.add(new Entry(e.getFilename(), e.getAttrs().isDir()));
            }
            return entries;
        }

        @Override
        public void close() {
            channel.disconnect();
        }
    }
}
