package org.javamiko.transport;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

import org.javamiko.AuthenticationException;
import org.javamiko.SshException;
import org.javamiko.internal.channel.ChannelSettings;
import org.javamiko.internal.channel.ChannelTable;
import org.javamiko.internal.gss.GssTarget;
import org.javamiko.internal.session.SessionConfig;
import org.javamiko.internal.session.SshSession;

/**
 * The settings of a {@link Transport}: the algorithm lists, timeouts, thread factory, logger,
 * re-key limits, keepalive and channel limits, with their checks. Most are read when the
 * transport starts; those that matter to a running connection (keepalive, re-key limits, the
 * limit on server-opened channels) are handed to it at once. Transport's public methods for them
 * are declared here, so that Transport itself holds only the connection's life.
 */
abstract class TransportSettings {
    /** The SLF4J logger name a transport logs under unless {@link #setLogChannel} changed it. */
    static final String DEFAULT_LOG_CHANNEL = "org.javamiko.transport";

    final SecurityOptions securityOptions = new SecurityOptions();
    volatile String logChannel = DEFAULT_LOG_CHANNEL;
    volatile ThreadFactory threadFactory = Thread::new;
    volatile Duration bannerTimeout = Duration.ofSeconds(15);
    volatile Duration authTimeout = Duration.ofSeconds(30);
    volatile Duration channelTimeout = Duration.ofHours(1);
    volatile int maxServerOpenedChannels = ChannelTable.DEFAULT_MAX_SERVER_OPENED;
    volatile long rekeyBytes = SessionConfig.DEFAULT_REKEY_BYTES;
    volatile Duration rekeyInterval = SessionConfig.DEFAULT_REKEY_INTERVAL;
    volatile ChannelSettings channelSettings = ChannelSettings.DEFAULT;
    volatile Duration keepaliveInterval;
    volatile int keepaliveCountMax;
    private volatile String gssKexHost;
    private volatile boolean gssKexTrustDns;
    private volatile boolean gssKexDelegate;

    TransportSettings() {
    }

    /** @return the running session, or null before the start */
    abstract SshSession liveSession();

    /** @return the running channel table, or null before the start */
    abstract ChannelTable liveChannels();

    /**
     * Sends {@code keepalive@openssh.com} global requests (without asking for a reply, as
     * paramiko) whenever the interval passes, so idle connections survive NAT and firewalls.
     * It never ends the connection; {@link #setKeepalive(Duration, int)} detects a dead peer.
     *
     * @param interval the interval, or null or zero to stop
     */
    public void setKeepalive(Duration interval) {
        applyKeepalive(interval, 0);
    }
    /**
     * Detects a dead peer, as OpenSSH's ServerAliveInterval and ServerAliveCountMax: after
     * {@code interval} without a packet from the server, sends {@code keepalive@openssh.com}
     * asking for a reply; after {@code countMax} unanswered probes the connection ends, and every
     * blocked and later call throws an {@link SshException} saying the server stopped answering.
     * A socket write that makes no progress for {@code interval × countMax} also ends it. The
     * timer is shared by all connections and never blocks, so no connection can hold up another's.
     *
     * @param interval the silence before a probe, or null or zero to stop
     * @param countMax how many unanswered probes end the connection, at least 1
     */
    public void setKeepalive(Duration interval, int countMax) {
        if (countMax < 1) {
            throw new IllegalArgumentException("countMax must be at least 1: " + countMax);
        }
        applyKeepalive(interval, countMax);
    }
    private synchronized void applyKeepalive(Duration interval, int countMax) {
        keepaliveInterval = interval;
        keepaliveCountMax = countMax;
        SshSession s = liveSession();
        if (s != null) {
            s.setKeepalive(interval, countMax);
        }
    }
    /**
     * Sets when keys are renewed (by default after 1 GiB in either direction or 1 hour).
     * Takes effect at once, also on a started transport.
     *
     * @param bytes re-key after this many bytes in either direction (at least 16 KiB)
     * @param interval re-key after this much time
     */
    public void setRekeyLimits(long bytes, Duration interval) {
        SessionConfig.checkRekeyBytes(bytes);
        this.rekeyBytes = bytes;
        this.rekeyInterval = interval;
        SshSession s = liveSession();
        if (s != null) {
            s.setRekeyLimits(bytes, interval);
        }
    }
    /**
     * Turns on GSS-API (Kerberos) key exchange (RFC 4462 §2, RFC 8732), as paramiko's {@code
     * gss_kex}: the {@code gss-curve25519-sha256-}, {@code gss-group16-sha512-} and {@code
     * gss-group14-sha256-} methods are offered first in every exchange, re-keys included, and the
     * server is authenticated by Kerberos ({@link Transport#isGssKexUsed}). Call before {@link
     * Transport#startClient}, on the thread that holds the Kerberos ticket (inside {@code
     * Subject.doAs}, or with {@code -Djavax.security.auth.useSubjectCredsOnly=false}): the start
     * takes the ticket there.
     *
     * @param gssHost the host part of the server's principal, {@code host/<gssHost>@REALM}
     * @param trustDns whether to canonicalise {@code gssHost} through DNS first
     * @param delegateCredentials whether to forward the ticket to the server in each exchange
     */
    public void setGssKex(String gssHost, boolean trustDns, boolean delegateCredentials) {
        if (gssHost == null || gssHost.isEmpty()) {
            throw new IllegalArgumentException("GSS-API key exchange needs the server's host name");
        }
        this.gssKexHost = gssHost;
        this.gssKexTrustDns = trustDns;
        this.gssKexDelegate = delegateCredentials;
    }

    /**
     * @return whether the first key exchange was a GSS-API one ({@link #setGssKex}), as paramiko's
     *         {@code gss_kex_used}: Kerberos authenticated the server, whose host key, if sent, signed
     *         nothing and is not checked against known hosts (as OpenSSH does)
     */
    public boolean isGssKexUsed() {
        SshSession s = liveSession();
        return s != null && s.gssKexUsed();
    }

    /** @return the Kerberos target with the caller's credential, or null when GSS key exchange is off */
    final GssTarget gssKexTarget() throws AuthenticationException {
        String host = gssKexHost;
        return host == null ? null : GssTarget.acquire(host, gssKexTrustDns, gssKexDelegate);
    }

    /** @return the algorithm lists offered; mutable before {@link Transport#startClient} */
    public SecurityOptions getSecurityOptions() {
        return securityOptions;
    }
    /** @param name the SLF4J logger name this transport logs under (before {@link Transport#startClient}) */
    public void setLogChannel(String name) {
        this.logChannel = name;
    }
    /** @param factory makes the reader thread (before {@link Transport#startClient}); e.g. virtual threads */
    public void setThreadFactory(ThreadFactory factory) {
        this.threadFactory = factory;
    }
    /** @return the factory that makes this transport's threads; SFTP sessions on it use it too */
    public ThreadFactory getThreadFactory() {
        return threadFactory;
    }
    /** @param timeout bounds the wait for the server's identification string */
    public void setBannerTimeout(Duration timeout) {
        this.bannerTimeout = timeout;
    }
    /** @param timeout bounds each wait for an authentication reply (before {@link Transport#startClient}) */
    public void setAuthTimeout(Duration timeout) {
        this.authTimeout = timeout;
    }
    /** @param timeout bounds the wait for a channel-open answer and for channel request replies */
    public void setChannelTimeout(Duration timeout) {
        this.channelTimeout = timeout;
    }
    /**
     * Limits how many channels the server may have open towards this client at once: the
     * connections of remote forwardings ({@code ssh -R}) and agent forwarding. Each may hold a
     * thread and a window's worth of buffer, so a server cannot make the client run out of
     * either; past the limit an open is refused with "resource shortage" and a WARN is logged.
     *
     * @param max the limit, 256 unless set
     */
    public void setMaxServerOpenedChannels(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("the limit on server-opened channels must not be negative: " + max);
        }
        maxServerOpenedChannels = max;
        ChannelTable table = liveChannels();
        if (table != null) {
            table.setMaxServerOpened(max);
        }
    }
    /** @return the bound on a channel-open answer and on channel request replies (1 hour unless set) */
    public Duration getChannelTimeout() {
        return channelTimeout;
    }
    /**
     * Sets how much unread output each new channel may buffer before flow control holds the
     * server back (64 MiB by default).
     *
     * @param bytes at least the 2 MiB window
     */
    public void setChannelBufferLimit(long bytes) {
        channelSettings = withBufferLimit(bytes);
    }
    ChannelSettings withBufferLimit(long bytes) {
        ChannelSettings s = channelSettings;
        if (bytes < s.initialWindow()) {
            throw new IllegalArgumentException("The buffer limit must be at least the window, " + s.initialWindow());
        }
        return new ChannelSettings(s.initialWindow(), s.maxPacket(), bytes, s.maxOutgoingPacket());
    }
}
