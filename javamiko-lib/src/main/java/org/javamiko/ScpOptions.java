package org.javamiko;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link ScpClient} transfer runs: recursion ({@code scp -r}), preserved times and modes
 * ({@code scp -p}), a progress listener, a timeout, and the remote program.
 *
 * <pre>{@code
 * ScpOptions options = ScpOptions.builder().recursive(true).preserveTimes(true)
 *         .timeout(Duration.ofSeconds(30)).build();
 * scp.put(Path.of("site"), "/srv/www", options);
 * }</pre>
 */
public final class ScpOptions {
    private final boolean recursive;
    private final boolean preserveTimes;
    private final ScpProgressListener progress;
    private final Duration timeout;
    private final String scpCommand;

    private ScpOptions(Builder b) {
        this.recursive = b.recursive;
        this.preserveTimes = b.preserveTimes;
        this.progress = b.progress;
        this.timeout = b.timeout;
        this.scpCommand = b.scpCommand;
    }

    /** @return not recursive, times not preserved, no progress, no timeout, remote program {@code scp} */
    public static ScpOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether directories are copied with their contents ({@code scp -r}) */
    public boolean recursive() {
        return recursive;
    }

    /**
     * @return whether modification and access times are sent and applied, and modes applied
     *         exactly rather than through the umask ({@code scp -p})
     */
    public boolean preserveTimes() {
        return preserveTimes;
    }

    /** @return the progress listener, or null for none */
    public ScpProgressListener progress() {
        return progress;
    }

    /** @return the bound on each wait for the remote side (an answer, data, its exit), or null for none */
    public Duration timeout() {
        return timeout;
    }

    /** @return the remote program, {@code scp} unless changed (e.g. {@code /usr/bin/scp}) */
    public String scpCommand() {
        return scpCommand;
    }

    /** @return a builder holding these options, to change some of them */
    public Builder toBuilder() {
        return builder().recursive(recursive).preserveTimes(preserveTimes).progress(progress).timeout(timeout)
                .scpCommand(scpCommand);
    }

    /** A mutable builder; every setter returns it. */
    public static final class Builder {
        private boolean recursive;
        private boolean preserveTimes;
        private ScpProgressListener progress;
        private Duration timeout;
        private String scpCommand = "scp";

        private Builder() {
        }

        /**
         * @param recursive copy directories with their contents ({@code -r}); default false
         * @return this builder
         */
        public Builder recursive(boolean recursive) {
            this.recursive = recursive;
            return this;
        }

        /**
         * @param preserve send and apply times and exact modes ({@code -p}); default false
         * @return this builder
         */
        public Builder preserveTimes(boolean preserve) {
            this.preserveTimes = preserve;
            return this;
        }

        /**
         * @param listener told of each file's progress; null for none
         * @return this builder
         */
        public Builder progress(ScpProgressListener listener) {
            this.progress = listener;
            return this;
        }

        /**
         * @param timeout bounds each wait for the remote side; on expiry a
         *                {@link java.net.SocketTimeoutException} and the transfer's channel is closed;
         *                null (the default) for none
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * @param command the remote program run with {@code -t} or {@code -f}, as a shell word
         *                (not quoted by us), e.g. {@code "/usr/bin/scp"}; default {@code scp}
         * @return this builder
         */
        public Builder scpCommand(String command) {
            this.scpCommand = Objects.requireNonNull(command, "command");
            return this;
        }

        /** @return the options */
        public ScpOptions build() {
            return new ScpOptions(this);
        }
    }
}
