package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.javamiko.ConnectOptions;
import org.javamiko.SshClient;
import org.javamiko.sftp.SftpClient;
import org.javamiko.testing.Connect;
import org.javamiko.testing.FaultProxy;
import org.javamiko.testing.FaultProxy.Direction;
import org.javamiko.testing.FaultProxy.Fault;
import org.javamiko.testing.FaultProxy.Phase;
import org.javamiko.testing.KeySet;
import org.javamiko.testing.OpenSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault-injection suite: a proxy between javamiko and a real sshd truncates, flips a byte,
 * stalls or resets the connection at each phase. Every case ends in an {@link IOException} within
 * its bound (keepalive 300 ms × 3, or a timeout of a few seconds), {@code close()} returns within
 * two seconds, no javamiko thread is left behind, and no SFTP download leaves a file. What the
 * user gets in each case is listed in docs/robustness.md (the messages are logged at INFO here).
 */
class FaultInjectionTest {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjectionTest.class);
    /** Far past the keepalive's detection time and the timeouts below, for a busy machine. */
    private static final long BOUND_SECONDS = 30;
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final int FILE_SIZE = 16 * 1024 * 1024;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    private FaultProxy proxy;
    private long threadsBefore;

    @BeforeEach
    void startTheProxy() throws IOException {
        threadsBefore = javamikoThreads();
        proxy = new FaultProxy(sshd.port());
    }

    @AfterEach
    void noJavamikoThreadIsLeftBehind() throws Exception {
        proxy.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (javamikoThreads() > threadsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(javamikoThreads()).as("javamiko threads after the case").isLessThanOrEqualTo(threadsBefore);
    }

    private SshClient client() {
        return Connect.trusting(sshd, dir);
    }

    private ConnectOptions options() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 5000);
        return Connect.withKey(sshd, KeySet.clientKeys().ed25519()).sock(socket)
                .bannerTimeout(SHORT).authTimeout(SHORT).channelTimeout(SHORT)
                .keepalive(Duration.ofMillis(300), 3).build();
    }

    /** Runs {@code call}; asserts it fails with an IOException within the bound; logs what the user got. */
    private void assertFailsInTime(String phase, Fault fault, IoCall call) throws Exception {
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                call.run();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        Throwable thrown;
        try {
            run.get(BOUND_SECONDS, TimeUnit.SECONDS);
            thrown = null;
        } catch (ExecutionException e) {
            thrown = e.getCause();
        }
        assertThat(thrown).as(phase + " / " + fault + ": the call must fail, not succeed on broken data")
                .isInstanceOf(IOException.class);
        LOG.info("FAULT {} at {}: {}: {}", fault, phase, thrown.getClass().getSimpleName(), thrown.getMessage());
    }

    private static void closeWithinTwoSeconds(SshClient client) throws Exception {
        CompletableFuture.runAsync(client::close).get(2, TimeUnit.SECONDS);
    }

    static Stream<Arguments> plaintextPhases() {
        List<Arguments> cases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (Fault fault : Fault.values()) {
                cases.add(Arguments.of(phase, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("plaintextPhases")
    void aFaultWhileConnectingEndsConnectWithAnIoException(Phase phase, Fault fault) throws Exception {
        proxy.injectAt(phase, fault);
        SshClient client = client();
        try {
            ConnectOptions options = options();
            assertFailsInTime(phase.toString(), fault, () -> client.connect(sshd.host(), options));
        } finally {
            closeWithinTwoSeconds(client);
        }
    }

    @ParameterizedTest(name = "{0} at channel open")
    @EnumSource(Fault.class)
    void aFaultAtChannelOpenEndsTheOpenWithAnIoException(Fault fault) throws Exception {
        SshClient client = client();
        try {
            client.connect(sshd.host(), options());
            proxy.injectNext(Direction.FROM_SERVER, fault);
            assertFailsInTime("channel open", fault, () -> {
                Channel ch = client.getTransport().openSession();
                ch.execCommand("echo hello");
                drain(ch.getInputStream());
                ch.recvExitStatus(SHORT);
            });
        } finally {
            closeWithinTwoSeconds(client);
        }
    }

    @ParameterizedTest(name = "{0} mid-exec")
    @EnumSource(Fault.class)
    void aFaultMidExecEndsTheReadWithAnIoExceptionNotAnEndOfFile(Fault fault) throws Exception {
        SshClient client = client();
        try {
            InputStream out = streamingCommand(client);
            proxy.injectNext(Direction.FROM_SERVER, fault);
            assertFailsInTime("mid-exec", fault, () -> drain(out));
        } finally {
            closeWithinTwoSeconds(client);
        }
    }

    @ParameterizedTest(name = "{0} during a rekey")
    @EnumSource(Fault.class)
    void aFaultDuringARekeyEndsTheConnectionWithAnIoException(Fault fault) throws Exception {
        SshClient client = client();
        try {
            InputStream out = streamingCommand(client);
            // the next bytes from us are our KEXINIT, under the old keys
            proxy.injectNext(Direction.FROM_CLIENT, fault);
            client.getTransport().renegotiateKeys();
            assertFailsInTime("rekey", fault, () -> drain(out));
        } finally {
            closeWithinTwoSeconds(client);
        }
    }

    @ParameterizedTest(name = "{0} mid-SFTP get")
    @EnumSource(Fault.class)
    void aFaultMidGetThrowsAndLeavesNoFile(Fault fault) throws Exception {
        Path remote = Files.write(dir.resolve("remote.bin"), random(FILE_SIZE));
        Path local = Files.createDirectory(dir.resolve("local")).resolve("copy.bin");
        SshClient client = client();
        try {
            client.connect(sshd.host(), options());
            SftpClient sftp = client.openSftp();
            AtomicBoolean armed = new AtomicBoolean();
            assertFailsInTime("mid-SFTP get", fault, () -> sftp.get(remote.toString(), local, (done, total) -> {
                if (done > 0 && armed.compareAndSet(false, true)) {
                    proxy.injectNext(Direction.FROM_SERVER, fault);
                }
            }));
            try (Stream<Path> left = Files.list(local.getParent())) {
                assertThat(left).as("files left by a failed get").isEmpty();
            }
        } finally {
            closeWithinTwoSeconds(client);
        }
    }

    @ParameterizedTest(name = "{0} mid-SFTP put")
    @EnumSource(Fault.class)
    void aFaultMidAtomicPutThrowsAndLeavesNothingUnderTheFinalName(Fault fault) throws Exception {
        Path local = Files.write(dir.resolve("upload.bin"), random(FILE_SIZE));
        Path remote = dir.resolve("uploaded.bin");
        SshClient client = client();
        try {
            client.connect(sshd.host(), options());
            SftpClient sftp = client.openSftp();
            sftp.setAtomicPut(true);
            AtomicBoolean armed = new AtomicBoolean();
            assertFailsInTime("mid-SFTP put", fault, () -> sftp.put(local, remote.toString(), (done, total) -> {
                if (done > 0 && armed.compareAndSet(false, true)) {
                    proxy.injectNext(Direction.FROM_CLIENT, fault);
                }
            }, true));
            assertThat(remote).doesNotExist();
        } finally {
            closeWithinTwoSeconds(client);
        }
    }

    /** Connects through the proxy and starts a command that streams 200 MB; its first 100 kB are read. */
    private InputStream streamingCommand(SshClient client) throws IOException {
        client.connect(sshd.host(), options());
        Channel ch = client.getTransport().openSession();
        ch.execCommand("head -c 200000000 /dev/zero");
        InputStream out = ch.getInputStream();
        out.readNBytes(100_000);
        return out;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (in.read(buf) >= 0) {
            // reading until the fault ends the stream
        }
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static long javamikoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("javamiko") && t.isAlive()).count();
    }

    @FunctionalInterface
    private interface IoCall {
        void run() throws IOException;
    }
}
