package org.javamiko.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.javamiko.bench.clients.JavaClient;
import org.javamiko.bench.clients.JavamikoClient;
import org.javamiko.bench.clients.JschClient;
import org.javamiko.bench.clients.MinaClient;
import org.javamiko.bench.clients.SshjClient;
import org.javamiko.keys.Ed25519Key;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree benchmark's transfers, for every JVM client, against Apache MINA SSHD's SFTP server
 * in-process: a tree goes up and comes back down whole through K workers.
 */
class TreeTransferTest {
    private static final int FILES = 150;
    private static final int WORKERS = 4;

    private static Path dir;
    private static SshServer server;
    private static Target target;
    private static TreeLayout tree;
    private static TreeDigest expected;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("tree-transfer-test").toRealPath();
        Path key = dir.resolve("id_ed25519");
        Ed25519Key.generate().writePrivateKeyFile(key, null);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider();
        hostKey.setAlgorithm("EC");
        hostKey.setKeySize(256);
        server.setKeyPairProvider(hostKey);
        server.setPublickeyAuthenticator((user, publicKey, session) -> true);
        server.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.start();
        KeyPair host = hostKey.loadKeys(null).iterator().next();
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic()) + "\n");
        target = new Target("aes128-gcm@openssh.com", "127.0.0.1", server.getPort(), "tester", key, knownHosts);
        tree = TreeLayout.generate(dir.resolve("source"), FILES, 1);
        expected = TreeDigest.of(tree.root());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop(true);
        TreeMain.deleteTree(dir);
    }

    static Stream<JavaClient> clients() {
        return Stream.of(new JavamikoClient(), new JschClient(), new SshjClient(), new MinaClient());
    }

    @ParameterizedTest
    @MethodSource("clients")
    void uploadThenDownloadGivesBackTheTree(JavaClient client) throws Exception {
        String slug = client.name().replaceAll("[^A-Za-z0-9]+", "-");
        Path up = dir.resolve("up-" + slug);
        Path down = dir.resolve("down-" + slug);
        try (client; JavaClient.Session session = client.connect(target);
                WorkerPool pool = WorkerPool.open(session, WORKERS)) {
            TreeTransfer.upload(pool, tree, up.toString());
            assertThat(TreeDigest.of(up)).isEqualTo(expected);

            TreeTransfer.download(pool, up.toString(), down);
            assertThat(TreeDigest.of(down)).isEqualTo(expected);
        }
    }
}
