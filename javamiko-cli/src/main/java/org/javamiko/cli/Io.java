package org.javamiko.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Where a command reads and writes, and whether those are terminals: the process's own streams
 * for the real command, byte arrays for in-process tests.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param stdinTerminal whether standard input is a terminal (then it is not forwarded to commands)
 * @param stdoutTerminal whether standard output is a terminal (then progress bars are drawn)
 * @param env the environment ({@code TERM}, {@code USER}, ...)
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean stdinTerminal, boolean stdoutTerminal,
                 Map<String, String> env) {

    /** @return the process's standard streams, with their terminal status as the OS reports it */
    public static Io system() {
        return new Io(System.in, System.out, System.err, isTerminal(SystemStream.Input),
                isTerminal(SystemStream.Output), System.getenv());
    }

    /** isatty() through JLine's native library, else through stty; System.console() as the last resort. */
    private static boolean isTerminal(SystemStream stream) {
        for (String provider : new String[] {"jni", "exec"}) {
            try {
                return TerminalProvider.load(provider).isSystemStream(stream);
            } catch (Throwable e) { // a provider that cannot load on this platform: try the next
                continue;
            }
        }
        return System.console() != null;
    }
}
