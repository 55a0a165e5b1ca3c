package org.javamiko;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pseudo-terminal request (RFC 4254 §6.2): terminal type, size, and environment variables
 * to set before it.
 *
 * <pre>{@code
 * Channel shell = client.invokeShell(PtyOptions.builder().term("xterm-256color").width(120).height(40).build());
 * }</pre>
 */
public final class PtyOptions {
    private final String term;
    private final int width;
    private final int height;
    private final int widthPixels;
    private final int heightPixels;
    private final Map<String, String> environment;

    private PtyOptions(Builder b) {
        this.term = b.term;
        this.width = b.width;
        this.height = b.height;
        this.widthPixels = b.widthPixels;
        this.heightPixels = b.heightPixels;
        this.environment = Map.copyOf(b.environment);
    }

    /** @return vt100, 80 columns × 24 rows, no pixel size, no environment */
    public static PtyOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the terminal type ({@code TERM}) */
    public String term() {
        return term;
    }

    /** @return columns */
    public int width() {
        return width;
    }

    /** @return rows */
    public int height() {
        return height;
    }

    /** @return width in pixels, 0 when unknown */
    public int widthPixels() {
        return widthPixels;
    }

    /** @return height in pixels, 0 when unknown */
    public int heightPixels() {
        return heightPixels;
    }

    /** @return environment variables sent before the pty request */
    public Map<String, String> environment() {
        return environment;
    }

    /** Builds {@link PtyOptions}; every setter returns the builder. */
    public static final class Builder {
        private String term = "vt100";
        private int width = 80;
        private int height = 24;
        private int widthPixels;
        private int heightPixels;
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param term the terminal type; default vt100
         * @return this builder
         */
        public Builder term(String term) {
            this.term = term;
            return this;
        }

        /**
         * @param width columns; default 80
         * @return this builder
         */
        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /**
         * @param height rows; default 24
         * @return this builder
         */
        public Builder height(int height) {
            this.height = height;
            return this;
        }

        /**
         * @param widthPixels width in pixels; default 0
         * @return this builder
         */
        public Builder widthPixels(int widthPixels) {
            this.widthPixels = widthPixels;
            return this;
        }

        /**
         * @param heightPixels height in pixels; default 0
         * @return this builder
         */
        public Builder heightPixels(int heightPixels) {
            this.heightPixels = heightPixels;
            return this;
        }

        /**
         * @param env environment variables to set (the server may ignore names it does not accept)
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.environment.putAll(env);
            return this;
        }

        /** @return the options */
        public PtyOptions build() {
            return new PtyOptions(this);
        }
    }
}
