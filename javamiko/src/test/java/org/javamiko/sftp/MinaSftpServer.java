package org.javamiko.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Apache MINA SSHD's SFTP subsystem, in-process. Until our own transport lands, the SFTP stream
 * reaches it through MINA's SSH client: an "sftp" subsystem channel whose inverted streams our
 * client reads and writes. The server's root "/" is {@link #root()}.
 */
final class MinaSftpServer implements SftpServerFixture {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final SshServer server;
    private final SshClient sshClient;
    private final List<ClientSession> sessions = new CopyOnWriteArrayList<>();

    MinaSftpServer(Path root) throws IOException {
        this.root = root.toRealPath();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((user, password, session) -> "test".equals(password));
        server.setFileSystemFactory(new VirtualFileSystemFactory(this.root));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.start();
        sshClient = SshClient.setUpDefaultClient();
        sshClient.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        sshClient.start();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String remote(String name) {
        return "/" + name;
    }

    @Override
    public SftpClient connect() throws IOException {
        ClientSession session = sshClient.connect("test", "127.0.0.1", server.getPort()).verify(TIMEOUT).getSession();
        sessions.add(session);
        session.addPasswordIdentity("test");
        session.auth().verify(TIMEOUT);
        ChannelSubsystem channel = session.createSubsystemChannel("sftp");
        channel.setStreaming(StreamingChannel.Streaming.Sync);
        channel.open().verify(TIMEOUT);
        return SftpClient.open(channel.getInvertedOut(), channel.getInvertedIn(), session);
    }

    @Override
    public void kill() {
        for (ClientSession s : sessions) {
            s.close(true);
        }
    }

    @Override
    public void close() {
        kill();
        try {
            sshClient.stop();
            server.stop(true);
        } catch (IOException e) {
            // the JVM ends soon; nothing listens on after the test
        }
    }
}
