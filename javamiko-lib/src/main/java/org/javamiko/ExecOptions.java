package org.javamiko;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link SshClient#execCommand(String, ExecOptions)} and {@link SshClient#run(String, ExecOptions)}
 * run a command.
 *
 * <pre>{@code
 * CommandResult r = client.run("make test", ExecOptions.builder().timeout(Duration.ofMinutes(5)).build());
 * }</pre>
 */
public final class ExecOptions {
    /** The default limit of unread output per channel: 64 MiB. */
    public static final int DEFAULT_BUFFER_SIZE = 64 * 1024 * 1024;
    /** The default time a command has between TERM and KILL when it is ended: 3 seconds. */
    public static final Duration DEFAULT_TERMINATE_GRACE = Duration.ofSeconds(3);

    private final Duration timeout;
    private final boolean getPty;
    private final Map<String, String> environment;
    private final int bufferSize;
    private final boolean forwardAgent;
    private final Duration terminateGrace;

    private ExecOptions(Builder b) {
        this.timeout = b.timeout;
        this.getPty = b.getPty;
        this.environment = Map.copyOf(b.environment);
        this.bufferSize = b.bufferSize;
        this.forwardAgent = b.forwardAgent;
        this.terminateGrace = b.terminateGrace;
    }

    /** @return no timeout, no pty, no environment, 64 MiB of buffer */
    public static ExecOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return for {@code execCommand}: the bound on each blocking read, write or wait of its
     *         streams (paramiko's settimeout); for {@code run}: the bound on the whole command.
     *         Null for none.
     */
    public Duration timeout() {
        return timeout;
    }

    /** @return whether to ask for a pseudo-terminal first */
    public boolean getPty() {
        return getPty;
    }

    /** @return environment variables to send (sshd ignores names its AcceptEnv does not list) */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return how much unread output the channel buffers before flow control holds the server back */
    public int bufferSize() {
        return bufferSize;
    }

    /**
     * @return whether the command may use the local ssh-agent ({@code SSH_AUTH_SOCK}) through the
     *         connection, as OpenSSH's {@code ForwardAgent yes}; off by default: a forwarded agent
     *         lets the server's root use your keys while the command runs
     */
    public boolean forwardAgent() {
        return forwardAgent;
    }

    /**
     * @return how long a command still running when {@code run}'s timeout passes, or when its
     *         {@link ExecStreams} are closed, has after the {@code signal} TERM before KILL
     *         follows (and as long again after KILL before the channel is closed regardless);
     *         default {@link #DEFAULT_TERMINATE_GRACE}
     */
    public Duration terminateGrace() {
        return terminateGrace;
    }

    /** @return a builder holding these options, to change some of them */
    public Builder toBuilder() {
        return builder().timeout(timeout).getPty(getPty).environment(environment).bufferSize(bufferSize)
                .forwardAgent(forwardAgent).terminateGrace(terminateGrace);
    }

    /** Builds {@link ExecOptions}; every setter returns the builder. */
    public static final class Builder {
        private Duration timeout;
        private boolean getPty;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private boolean forwardAgent;
        private Duration terminateGrace = DEFAULT_TERMINATE_GRACE;

        private Builder() {
        }

        /**
         * @param grace see {@link ExecOptions#terminateGrace()}; default 3 seconds
         * @return this builder
         * @throws IllegalArgumentException when null or negative
         */
        public Builder terminateGrace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("terminateGrace must be zero or more, not " + grace);
            }
            this.terminateGrace = grace;
            return this;
        }

        /**
         * @param forward forward the local ssh-agent to the command; default false
         * @return this builder
         */
        public Builder forwardAgent(boolean forward) {
            this.forwardAgent = forward;
            return this;
        }

        /**
         * @param timeout see {@link ExecOptions#timeout()}; default none
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * @param getPty whether to ask for a pseudo-terminal; default false
         * @return this builder
         */
        public Builder getPty(boolean getPty) {
            this.getPty = getPty;
            return this;
        }

        /**
         * @param env environment variables to send
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.environment.putAll(env);
            return this;
        }

        /**
         * @param bytes the unread-output limit per channel, at least 2 MiB; default 64 MiB
         * @return this builder
         */
        public Builder bufferSize(int bytes) {
            if (bytes < 2 * 1024 * 1024) {
                throw new IllegalArgumentException("bufferSize must be at least 2 MiB (the channel window)");
            }
            this.bufferSize = bytes;
            return this;
        }

        /** @return the options */
        public ExecOptions build() {
            return new ExecOptions(this);
        }
    }
}
