package org.javamiko.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
 * client reads and writes.
 *
 * <p>One MINA server and client serve the whole test run (starting them costs a second); each
 * fixture logs in as a user of its own whose root "/" is {@link #root()}.
 */
final class MinaSftpServer implements SftpServerFixture {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final VirtualFileSystemFactory FILE_SYSTEMS = new VirtualFileSystemFactory();
    private static SshServer server;
    private static SshClient sshClient;

    private final Path root;
    private final String user;
    private final List<ClientSession> sessions = new CopyOnWriteArrayList<>();

    MinaSftpServer(Path root) throws IOException {
        this.root = root.toRealPath();
        this.user = "user" + USERS.incrementAndGet();
        FILE_SYSTEMS.setUserHomeDir(user, this.root);
        startOnce();
    }

    private static synchronized void startOnce() throws IOException {
        if (server != null) {
            return;
        }
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(0);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider();
        hostKey.setAlgorithm("EC");
        hostKey.setKeySize(256);
        s.setKeyPairProvider(hostKey);
        s.setPasswordAuthenticator((u, password, session) -> "test".equals(password));
        s.setFileSystemFactory(FILE_SYSTEMS);
        s.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        s.start();
        SshClient c = SshClient.setUpDefaultClient();
        c.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        c.start();
        server = s;
        sshClient = c;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                c.stop();
                s.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
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
        ClientSession session = sshClient.connect(user, "127.0.0.1", server.getPort()).verify(TIMEOUT).getSession();
        sessions.add(session);
        session.addPasswordIdentity("test");
        session.auth().verify(TIMEOUT);
        ChannelSubsystem channel = session.createSubsystemChannel("sftp");
        channel.setStreaming(StreamingChannel.Streaming.Sync);
        channel.open().verify(TIMEOUT);
        return SftpClient.overStreams(channel.getInvertedOut(), channel.getInvertedIn(), () -> session.close(true));
    }

    /** Drops this fixture's SSH connections at once, as a crash of the server would. */
    @Override
    public void kill() {
        for (ClientSession s : sessions) {
            s.close(true);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
