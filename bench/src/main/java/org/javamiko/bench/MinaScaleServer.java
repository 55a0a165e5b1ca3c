package org.javamiko.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The server side of the 10,000-connection scale test, in a JVM of its own: Apache MINA SSHD on
 * 127.0.0.1 with the bench's Ed25519 host key and the bench client's key authorized, offering what
 * the bench's sshd offers (curve25519-sha256, aes128-gcm). sshd cannot
 * hold that many connections on this machine (a process each, 2-6 MiB of memory apiece), and in
 * the client's JVM the server's heap would be counted as the client's.
 *
 * <p>Commands run in the server's JVM, no process forked: {@code true} exits 0 at once and
 * {@code cat} echoes its input until EOF, then exits 0. Prints {@code port N} on stdout once
 * listening and runs until killed.
 *
 * <p>Arguments ({@code --name=value}): host-key (OpenSSH private key file), authorized-keys,
 * addresses (how many loopback addresses to listen on, default 1: {@link #address(int)} 1..N, so
 * that the fleet benchmark's N hosts are N endpoints; a connection pool rightly shares one
 * connection among aliases of one endpoint), port (default 0: any; needed with several addresses).
 */
public final class MinaScaleServer {
    private static final ThreadFactory VIRTUAL = VirtualThreads.factoryOrNull();

    private MinaScaleServer() {
    }

    /** Starts the server and waits for ever. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        SshServer sshd = SshServer.setUpDefaultServer();
        int addresses = Integer.parseInt(a.getOrDefault("addresses", "1"));
        StringBuilder hosts = new StringBuilder();
        for (int i = 1; i <= addresses; i++) {
            hosts.append(i > 1 ? "," : "").append(address(i));
        }
        sshd.setHost(hosts.toString()); // MINA binds each of a comma-separated list
        sshd.setPort(Integer.parseInt(a.getOrDefault("port", "0")));
        sshd.setKeyPairProvider(new FileKeyPairProvider(Path.of(a.get("host-key"))));
        // what the bench's sshd offers, so that every client does the same work: curve25519, aes128-gcm
        sshd.setKeyExchangeFactories(List.of(ServerBuilder.DH2KEX.apply(BuiltinDHFactories.curve25519)));
        sshd.setCipherFactories(List.of(BuiltinCiphers.aes128gcm));
        // The keys read once: MINA's AuthorizedKeysAuthenticator re-reads its file when it thinks it
        // changed, and under many concurrent logins refused a few percent of them (seen here, 18 of 300).
        List<PublicKey> authorized = PublicKeyEntry.resolvePublicKeyEntries(null,
                AuthorizedKeyEntry.readAuthorizedKeys(Path.of(a.get("authorized-keys"))), null);
        sshd.setPublickeyAuthenticator((user, key, session) -> authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        // one channel per connection in the connection half, N on one connection in the channel half
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, Integer.MAX_VALUE);
        sshd.setCommandFactory((channel, command) -> new InProcessCommand(command));
        sshd.start();
        int port = ((InetSocketAddress) sshd.getBoundAddresses().iterator().next()).getPort();
        System.out.println("port " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    /**
     * @param i 1 to 62,500
     * @return the i-th loopback address, from 127.0.0.1 on, skipping the .0 and .251-.255 of each /24
     */
    static String address(int i) {
        int index = i - 1;
        return "127.0." + index / 250 + "." + (index % 250 + 1);
    }

    /** {@code true} or {@code cat}, without a process. */
    private static final class InProcessCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;

        InProcessCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            if (command.equals("true")) {
                exit.onExit(0);
                return;
            }
            if (!command.equals("cat")) {
                exit.onExit(127, "only true and cat here");
                return;
            }
            // cat blocks on its input: a thread per channel, virtual where the JDK has them
            Runnable body = () -> {
                try {
                    in.transferTo(out);
                    out.flush();
                    exit.onExit(0);
                } catch (IOException e) {
                    exit.onExit(1, e.toString());
                }
            };
            Thread cat = VIRTUAL == null ? new Thread(body, "cat") : VIRTUAL.newThread(body);
            cat.setDaemon(true);
            cat.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
