package org.javamiko.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.javamiko.SshClient;
import org.javamiko.SshException;
import org.javamiko.testing.Connect;
import org.javamiko.testing.FaultProxy;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP waits are bounded ({@link SftpClient#setTimeout}): a real sshd behind a proxy that stops
 * forwarding, and a real sftp-server process that is stopped, never hang the caller.
 */
class SftpTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Far past the timeout, for a busy machine; the wait must end well before it. */
    private static final long BOUND_SECONDS = 20;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @RegisterExtension
    static final OpenSshServer silentSubsystem = OpenSshServer.builder()
            .option("Subsystem", "sftp /bin/sleep 600").build();

    @TempDir
    Path dir;

    private SshClient connectThrough(OpenSshServer server, FaultProxy proxy) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 5000);
        SshClient client = Connect.trusting(server, dir);
        client.connect(server.host(), Connect.withKey(server, KeySet.clientKeys().ed25519()).sock(socket).build());
        return client;
    }

    private static <T> T within(CompletableFuture<T> call) throws Throwable {
        try {
            return call.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Test
    void aReplyThatNeverComesThrowsSocketTimeoutException() throws Exception {
        try (FaultProxy proxy = new FaultProxy(sshd.port()); SshClient client = connectThrough(sshd, proxy);
             SftpClient sftp = client.openSftp()) {
            sftp.setTimeout(TIMEOUT);
            sftp.stat("/");
            proxy.stall();
            assertThatThrownBy(() -> within(CompletableFuture.supplyAsync(() -> uncheck(() -> sftp.stat("/")))))
                    .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("SFTP");
        }
    }

    @Test
    void theClientIsClosedAfterATimeout() throws Exception {
        try (FaultProxy proxy = new FaultProxy(sshd.port()); SshClient client = connectThrough(sshd, proxy);
             SftpClient sftp = client.openSftp()) {
            sftp.setTimeout(TIMEOUT);
            proxy.stall();
            assertThatThrownBy(() -> within(CompletableFuture.supplyAsync(() -> uncheck(() -> sftp.stat("/")))))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> sftp.listdir("/")).isInstanceOf(SshException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void aReadIntoTheCallersBufferTimesOutAndLeavesTheBufferAlone() throws Exception {
        Path file = Files.write(dir.resolve("data"), new byte[64 * 1024]);
        try (FaultProxy proxy = new FaultProxy(sshd.port()); SshClient client = connectThrough(sshd, proxy);
             SftpClient sftp = client.openSftp(); SftpFile f = sftp.open(file.toString(), "r")) {
            sftp.setTimeout(TIMEOUT);
            proxy.stall();
            byte[] buf = new byte[32 * 1024];
            Arrays.fill(buf, (byte) 7);
            assertThatThrownBy(() -> within(CompletableFuture.supplyAsync(() -> uncheck(() -> f.read(buf, 0, buf.length)))))
                    .isInstanceOf(SocketTimeoutException.class);
            proxy.close();
            assertThat(buf).containsOnly((byte) 7);
        }
    }

    @Test
    void aStoppedSftpServerProcessTimesOutARequest() throws Throwable {
        Path root = Files.createDirectory(dir.resolve("root"));
        try (OpenSshSftpServer server = new OpenSshSftpServer(root); SftpClient sftp = server.connect()) {
            sftp.setTimeout(TIMEOUT);
            long pid = server.lastProcess().pid();
            signal("STOP", pid);
            try {
                assertThatThrownBy(() -> within(CompletableFuture.supplyAsync(() -> uncheck(() -> sftp.stat(".")))))
                        .isInstanceOf(SocketTimeoutException.class);
            } finally {
                signal("CONT", pid);
            }
        }
    }

    @Test
    void openSftpIsBoundedByTheChannelTimeoutWhenTheSubsystemNeverAnswers() throws Throwable {
        try (SshClient client = Connect.connected(silentSubsystem, dir, KeySet.clientKeys().ed25519())) {
            client.getTransport().setChannelTimeout(TIMEOUT);
            assertThatThrownBy(() -> within(CompletableFuture.supplyAsync(() -> uncheck(client::openSftp))))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T uncheck(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
