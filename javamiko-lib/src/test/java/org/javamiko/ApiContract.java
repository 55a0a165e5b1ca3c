package org.javamiko;

import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import org.javamiko.transport.*;
import org.javamiko.keys.*;
import org.javamiko.sftp.*;
import org.javamiko.agent.*;
import org.javamiko.config.*;

/**
 * The public API contract, spelled out as calls: this file compiles with the test
 * sources, so a change that renames or drops any of these breaks the build, as it would
 * break every outside test suite that compiles against the contract. It is never run.
 */
@SuppressWarnings({"unused", "null", "resource"})
final class ApiContract {
    private ApiContract() {
    }

    static void everySignatureOfApiMd() throws Exception {
        SshClient c = new SshClient();
        c.loadSystemHostKeys(); c.loadSystemHostKeys(Path.of("x")); c.loadHostKeys(Path.of("x")); c.saveHostKeys(Path.of("x"));
        HostKeys hk = c.getHostKeys(); c.setMissingHostKeyPolicy(new AutoAddPolicy()); c.setMissingHostKeyPolicy(new RejectPolicy()); c.setMissingHostKeyPolicy(new WarningPolicy());
        c.setLogChannel("x"); c.connect("h"); c.connect("h", ConnectOptions.defaults());
        ExecStreams es = c.execCommand("x"); es = c.execCommand("x", ExecOptions.defaults());
        CommandResult r = c.run("x"); r = c.run("x", ExecOptions.defaults());
        Channel ch = c.invokeShell(); ch = c.invokeShell(PtyOptions.defaults());
        SftpClient s = c.openSftp(); Transport t = c.getTransport(); c.close();
        ConnectOptions.Builder b = ConnectOptions.builder().port(1).username("u").password("p").passphrase("p").pkey((PKey) null)
            .keyFilename(Path.of("x")).keyFilenames(List.of()).timeout(Duration.ZERO).allowAgent(true).lookForKeys(true).compress(false)
            .sock(new Socket()).sock((Channel) null).gssAuth(false).gssKex(false).gssDelegCreds(true).gssHost("h").gssTrustDns(true)
            .bannerTimeout(Duration.ZERO).authTimeout(Duration.ZERO).channelTimeout(Duration.ZERO)
            .disabledAlgorithms(Map.of()).preferredAlgorithms(Map.of());
        ConnectOptions co = b.build();
        ExecOptions eo = ExecOptions.builder().timeout(Duration.ZERO).getPty(true).environment(Map.of()).bufferSize(1 << 22).build();
        PtyOptions po = PtyOptions.builder().term("x").width(1).height(1).widthPixels(1).heightPixels(1).environment(Map.of()).build();
        OutputStream o = es.stdin(); InputStream i = es.stdout(); i = es.stderr(); ch = es.channel(); es.close();
        String s1 = r.command(); int st = r.exitStatus(); s1 = r.stdout(); s1 = r.stderr();
        MissingHostKeyPolicy p = (cl, h, k) -> {};
        hk = new HostKeys(); hk = new HostKeys(Path.of("x")); hk.load(Path.of("x")); hk.save(Path.of("x")); hk.add("h", "t", (PKey) null);
        Map<String, PKey> m = hk.lookup("h"); boolean ok = hk.check("h", null); hk.clear(); s1 = HostKeys.hashHost("h"); s1 = HostKeys.hashHost("h", new byte[20]);
        List<String> l = new BadAuthenticationTypeException("m").allowedTypes(); l = new PartialAuthenticationException("m").allowedTypes();
        new PasswordRequiredException("m"); new AuthenticationException("m", null); new SshException("m", null);
        BadHostKeyException bh = new BadHostKeyException("m"); s1 = bh.hostname(); PKey k = bh.key(); k = bh.expectedKey();
        int code = new ChannelException("m").code(); Map<InetSocketAddress, IOException> errs = new NoValidConnectionsException("m").errors(); new ProxyCommandFailure("m");
        t = new Transport(new Socket()); t.startClient(Duration.ZERO); t.beginStartClient(); t.finishStartClient(Duration.ZERO); k = t.getRemoteServerKey(); ok = t.isActive(); ok = t.isAuthenticated(); s1 = t.getUsername();
        l = t.authNone("u"); l = t.authPassword("u", "p"); l = t.authPublickey("u", k); l = t.authInteractive("u", (n, ins, pr) -> List.of(), "");
        t.setGssKex("h", false, false); ok = t.isGssKexUsed(); l = t.authGssapiKeyex("u");
        ch = t.openSession(); ch = t.openChannel("k", new InetSocketAddress(1), null); int port = t.requestPortForward("a", 1, (cc, or, sv) -> {}); t.cancelPortForward("a", 1);
        t.setKeepalive(Duration.ZERO); SecurityOptions so = t.getSecurityOptions(); Negotiated n = t.getNegotiated(); t.close();
        s1 = n.kex(); s1 = n.hostKeyAlgorithm(); s1 = n.cipherOut(); s1 = n.cipherIn(); s1 = n.macOut(); s1 = n.macIn(); s1 = n.compressionOut(); s1 = n.compressionIn();
        Prompt pr = new Prompt("t", true); s1 = pr.text(); ok = pr.echo();
        st = ch.getId(); ch.execCommand("x"); ch.invokeShell(); ch.invokeSubsystem("s"); ch.getPty(po); ch.resizePty(1, 1, 1, 1); ch.setEnvironmentVariable("a", "b"); ch.updateEnvironment(Map.of());
        i = ch.getInputStream(); i = ch.getErrorStream(); o = ch.getOutputStream(); ch.shutdownWrite(); ok = ch.exitStatusReady(); st = ch.recvExitStatus(); st = ch.recvExitStatus(Duration.ZERO);
        ch.setTimeout(Duration.ZERO); ch.setCombineStderr(true); ok = ch.isClosed(); ch.close();
        k = PKey.fromPath(Path.of("x")); k = PKey.fromPath(Path.of("x"), "p"); k = PKey.fromPublicKeyLine("l"); k = PKey.fromBlob(new byte[0]);
        s1 = k.getName(); st = k.getBits(); byte[] bb = k.asBytes(); s1 = k.getBase64(); s1 = k.fingerprint(); bb = k.getFingerprint(); ok = k.canSign();
        k.loadCertificate(Path.of("x")); k.writePrivateKeyFile(Path.of("x"), null); s1 = k.publicKeyLine();
        RsaKey rk = RsaKey.generate(2048); EcdsaKey ek = EcdsaKey.generate(256); Ed25519Key edk = Ed25519Key.generate();
        s = SftpClient.fromTransport(t); l = s.listdir("p"); List<SftpAttributes> la = s.listdirAttr("p"); SftpFile f = s.open("p", "r");
        SftpAttributes a = s.stat("p"); a = s.lstat("p"); s.chmod("p", 1); s.chown("p", 1, 1); s.utime("p", 1L, 1L); s.truncate("p", 1L); s.rename("a", "b"); s.posixRename("a", "b");
        s.remove("p"); s.mkdir("p", 1); s.rmdir("p"); s.symlink("a", "b"); s1 = s.readlink("p"); s1 = s.normalize("p"); s.chdir("p"); s1 = s.getcwd();
        a = s.put(Path.of("x"), "r", null, true); s.get("r", Path.of("x"), (tr, tot) -> {}); a = s.putfo(i, "r", 1L, null, false); long g = s.getfo("r", o, null); s.close();
        g = a.getSize(); st = a.getUid(); st = a.getGid(); st = a.getPermissions(); g = a.getAtime(); g = a.getMtime(); s1 = a.getFilename(); s1 = a.getLongname(); ok = a.isDirectory(); ok = a.isRegularFile(); ok = a.isSymlink();
        st = f.read(bb, 0, 1); f.write(bb, 0, 1); f.seek(1L); g = f.tell(); a = f.stat(); f.prefetch(); f.flush(); i = f.getInputStream(); o = f.getOutputStream(); f.close();
        code = new SftpException("m").code();
        Agent ag = new Agent(); List<AgentKey> ak = ag.getKeys(); ag.close(); PKey viaAgent = ak.get(0);
        SshConfig sc = SshConfig.fromPath(Path.of("x")); sc = SshConfig.fromText("t"); SshConfigDict d = sc.lookup("h");
        java.io.Closeable cl = f; AutoCloseable ac = c; ac = t; ac = ch; ac = s; ac = ag; ac = es;
        SshException se = new AuthenticationException("x"); IOException ioe = se;
    }

    /** The calls added in the second round: forwarding, keepalive, ssh_config, proxies, SFTP bounds, SCP, fleets. */
    static void everySignatureAddedInRoundTwo() throws Exception {
        SshClient c = new SshClient();
        ConnectOptions.Builder b = ConnectOptions.builder().sshConfig(SshConfig.load()).proxyJump("j").proxyCommand("p")
            .keepalive(Duration.ZERO, 3).interactiveHandler((n, ins, pr) -> List.of()).knownHostsFile(Path.of("x"));
        PortForward pf = c.forwardLocal("h", 1, "d", 2); pf = c.forwardRemote("h", 1, "d", 2); pf = c.forwardDynamic("h", 1);
        pf = c.forwardLocalToUnixSocket("h", 1, "/s"); String s1 = pf.bindHost(); int port = pf.boundPort(); pf.close();
        Transport t = c.getTransport(); t.setKeepalive(Duration.ZERO, 3); Duration d = t.getChannelTimeout(); t.setMaxServerOpenedChannels(1);
        SftpClient s = c.openSftp(); s.setTimeout(Duration.ZERO); s.setVerifyGetSize(false); boolean ok = s.isVerifyGetSize();
        s.setAtomicPut(true); ok = s.isAtomicPut();
        s1 = t.getRemoteServerKey().getCertificate().getSignatureAlgorithm();
        ScpClient scp = new ScpClient(c); scp = new ScpClient(t); scp.put(Path.of("x"), "r"); scp.get("r", Path.of("x"));
        scp.put(List.of(Path.of("x")), "r", ScpOptions.builder().recursive(true).preserveTimes(true).build());
        long g = scp.getfo("r", OutputStream.nullOutputStream()); scp.putfo(InputStream.nullInputStream(), "r", 0L, 0644);
        try (Fleet fleet = Fleet.builder().parallelism(2).timeout(Duration.ZERO).build()) {
            FleetRun run = fleet.run(List.of("h"), "true");
            for (FleetResult r : run) {
                int st = r.exitStatus(); s1 = r.stdout(); s1 = r.stderr(); d = r.duration(); FleetHost h = r.host();
            }
            List<FleetResult> all = run.awaitAll(); ok = run.allOk();
        }
    }

    /** Commands that end on timeout (issue 16). */
    static void everySignatureOfCommandEnding() throws Exception {
        ExecOptions eo = ExecOptions.builder().terminateGrace(ExecOptions.DEFAULT_TERMINATE_GRACE).build();
        Duration d = eo.terminateGrace();
        Channel ch = new SshClient().getTransport().openSession(); ch.signal("TERM"); ch.signal("TERM", Duration.ZERO);
        CommandTimeoutException e = new CommandTimeoutException("c", Duration.ZERO, "o", "e", true, "TERM");
        String s1 = e.command(); d = e.timeout(); s1 = e.stdout(); s1 = e.stderr(); boolean ok = e.endConfirmed();
        s1 = e.exitSignal(); SocketTimeoutException ste = e;
    }

    /** The connection pool (issue 16). */
    static void everySignatureOfThePool() throws Exception {
        SshClientPool.ClientSetup setup = (host, client) -> client.loadSystemHostKeys();
        try (SshClientPool pool = SshClientPool.builder().clientSetup(setup).maxChannelsPerConnection(SshClientPool.DEFAULT_MAX_CHANNELS)
                .idleTimeout(SshClientPool.DEFAULT_IDLE_TIMEOUT).threadFactory(null).build()) {
            ConnectOptions co = ConnectOptions.defaults();
            CommandResult r = pool.run("h", co, "x"); r = pool.run("h", co, "x", ExecOptions.defaults());
            ExecStreams es = pool.execCommand("h", co, "x", ExecOptions.defaults()); int n = pool.openConnections();
            try (SshClientPool.Lease lease = pool.lease("h", co)) {
                SshClient c = lease.client(); es = lease.execCommand("x", ExecOptions.defaults()); r = lease.run("x", ExecOptions.defaults());
                SftpClient s = lease.openSftp();
            }
        }
    }

    /** The ControlMaster client (issue 16). */
    static void everySignatureOfControlMaster() throws Exception {
        ControlMaster m = ControlMaster.at(Path.of("x")); m = ControlMaster.at(Path.of("x"), ControlMaster.DEFAULT_TIMEOUT);
        Path p = m.path(); boolean ok = m.isAlive(); long pid = m.pid(); CommandResult r = m.run("x", ExecOptions.defaults());
        try (ControlMasterSession s = m.execCommand("x", ExecOptions.defaults()); ControlMasterSession w = m.openStdioForward("h", 1)) {
            OutputStream o = s.stdin(); InputStream i = s.stdout(); i = s.stderr(); int st = s.exitStatus(Duration.ZERO); s.setTimeout(Duration.ZERO);
        }
        ConnectOptions co = ConnectOptions.builder().controlPath(Path.of("x")).build(); p = co.controlPath();
        m.forwardLocal("h", 1, "d", 2); int port = m.forwardRemote("h", 1, "d", 2); m.forwardDynamic("h", 1); m.stopListening(); m.terminate();
    }
}
