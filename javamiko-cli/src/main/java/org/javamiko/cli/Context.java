package org.javamiko.cli;

/** What every sub-command of one run shares: the streams, and whether {@code -v} was given. */
final class Context {
    final Io io;
    volatile boolean verbose;

    Context(Io io) {
        this.io = io;
    }

    /** Given {@code Context} by the command line's factory as it creates each command and mixin. */
    interface Aware {
        void context(Context context);
    }
}
