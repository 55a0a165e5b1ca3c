package org.javamiko.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.javamiko.ConnectOptions;
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
 * Dead-peer detection ({@code keepalive(interval, countMax)}) against a real sshd behind a
 * proxy that stops forwarding with every socket left open: the server seems to vanish.
 */
class DeadPeerTest {
    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static final int COUNT_MAX = 3;
    /** Far past interval × (countMax + 2), the most the detection may take, for a busy machine. */
    private static final long BOUND_SECONDS = 20;

    @RegisterExtension
    static final OpenSshServer sshd = OpenSshServer.builder().build();

    @TempDir
    Path dir;

    /** Connected through the proxy (the socket is ours, so the host key is known under sshd's own port). */
    private SshClient connectThrough(FaultProxy proxy) throws IOException {
        return connectSmallBuffers(proxy, true);
    }

    @Test
    void aBlockedReadEndsWithTheProbeCountWhenTheServerStopsAnswering() throws Exception {
        try (FaultProxy proxy = new FaultProxy(sshd.port()); SshClient client = connectThrough(proxy)) {
            Channel ch = client.getTransport().openSession();
            ch.execCommand("sleep 600");
            proxy.stall();
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return ch.getInputStream().read();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            assertThatThrownBy(() -> read.get(BOUND_SECONDS, TimeUnit.SECONDS))
                    .rootCause().hasMessageContaining("stopped answering").hasMessageContaining(COUNT_MAX + " keepalive probes");
        }
    }

    @Test
    void aCallAfterTheServerWasGivenUpThrowsWhy() throws Exception {
        try (FaultProxy proxy = new FaultProxy(sshd.port()); SshClient client = connectThrough(proxy)) {
            proxy.stall();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (client.getTransport().isActive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThatThrownBy(() -> client.getTransport().openSession())
                    .isInstanceOf(SshException.class).hasMessageContaining("stopped answering");
        }
    }

    @Test
    void aWriteThatMakesNoProgressEndsTheConnection() throws Exception {
        try (FaultProxy proxy = new FaultProxy(sshd.port()); SshClient client = connectSmallBuffers(proxy, true)) {
            Channel ch = client.getTransport().openSession();
            ch.execCommand("cat > /dev/null");
            proxy.stall();
            Writer writer = new Writer(ch.getOutputStream());
            writer.awaitStuckInSocketWrite();
            writer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            assertThat(writer.failure).isNotNull();
        }
    }

    @Test
    void closeReturnsPromptlyWhileAWriterIsStuckInTheSocket() throws Exception {
        try (FaultProxy proxy = new FaultProxy(sshd.port())) {
            SshClient client = connectSmallBuffers(proxy, false); // no keepalive: nothing but close() ends it
            Channel ch = client.getTransport().openSession();
            ch.execCommand("cat > /dev/null");
            proxy.stall();
            Writer writer = new Writer(ch.getOutputStream());
            writer.awaitStuckInSocketWrite();
            CompletableFuture<Void> close = CompletableFuture.runAsync(client::close);
            close.get(5, TimeUnit.SECONDS);
            writer.join(5000);
            assertThat(writer.failure).isNotNull();
        }
    }

    /** A client whose socket has a small send buffer (the proxy's receive buffer is small too), so a write gets stuck soon. */
    private SshClient connectSmallBuffers(FaultProxy proxy, boolean keepalive) throws IOException {
        Socket socket = new Socket();
        socket.setSendBufferSize(8 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 5000);
        SshClient client = Connect.trusting(sshd, dir);
        ConnectOptions.Builder options = Connect.withKey(sshd, KeySet.clientKeys().ed25519()).sock(socket);
        if (keepalive) {
            options.keepalive(INTERVAL, COUNT_MAX);
        }
        client.connect(sshd.host(), options.build());
        return client;
    }

    /** Writes far more than any buffer or window on the way holds, on a thread of its own. */
    private static final class Writer extends Thread {
        private final OutputStream out;
        private volatile IOException failure;

        Writer(OutputStream out) {
            super("test-writer");
            this.out = out;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                failure = e;
            }
        }

        void awaitStuckInSocketWrite() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (!inSocketWrite() && isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(inSocketWrite()).as("the writer is blocked in a socket write").isTrue();
        }

        private boolean inSocketWrite() {
            for (StackTraceElement e : getStackTrace()) {
                if ((e.getClassName().startsWith("sun.nio.ch") || e.getClassName().startsWith("java.net"))
                        && e.getMethodName().toLowerCase(Locale.ROOT).contains("write")) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void noJavamikoThreadOutlivesAConnectionGivenUp() throws Exception {
        long before = javamikoThreads();
        try (FaultProxy proxy = new FaultProxy(sshd.port()); SshClient client = connectThrough(proxy)) {
            proxy.stall();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (client.getTransport().isActive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(client.getTransport().isActive()).isFalse();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (javamikoThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(javamikoThreads()).isLessThanOrEqualTo(before);
    }

    private static long javamikoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("javamiko") && t.isAlive()).count();
    }
}
