package org.javamiko.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.javamiko.PtyOptions;
import org.javamiko.SshClient;
import org.javamiko.transport.Channel;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * An interactive session on the user's terminal, as ssh does it: a pty of the terminal's size and
 * TERM, the terminal in raw mode (restored at the end), window-size changes forwarded, {@code ~.}
 * to disconnect. The terminal is JLine's system terminal.
 */
final class TerminalSession {
    private final Io io;
    private final SshClient client;
    private final String target;

    TerminalSession(Io io, SshClient client, String target) {
        this.io = io;
        this.client = client;
        this.target = target;
    }

    /**
     * @param command the command to run on the pty, or null for the login shell
     * @return the exit status: the remote one, 255 when there is none (e.g. after {@code ~.})
     */
    int run(String command) throws IOException, InterruptedException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).jni(true).exec(true).jna(false).jansi(false)
                .nativeSignals(true).signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            Size size = terminal.getSize();
            String term = io.env().getOrDefault("TERM", terminal.getType());
            if (term == null || term.isEmpty()) {
                term = "vt100";
            }
            PtyOptions pty = PtyOptions.builder().term(term).width(positive(size.getColumns(), 80))
                    .height(positive(size.getRows(), 24)).build();
            Channel channel = client.getTransport().openSession();
            try {
                channel.getPty(pty);
                if (command == null) {
                    channel.invokeShell();
                } else {
                    channel.execCommand(command);
                }
                Attributes saved = terminal.enterRawMode();
                terminal.setAttributes(raw(saved));
                try {
                    terminal.handle(Terminal.Signal.WINCH, signal -> resize(terminal, channel));
                    return interact(terminal, channel);
                } finally {
                    terminal.setAttributes(saved);
                    terminal.flush();
                }
            } finally {
                channel.close();
            }
        }
    }

    private int interact(Terminal terminal, Channel channel) throws IOException, InterruptedException {
        OutputStream screen = terminal.output();
        Thread err = Pump.start("javamiko-stderr", channel.getErrorStream(), io.err(), null);
        boolean[] disconnected = {false};
        Thread keys = new Thread(() -> {
            try {
                typing(terminal.input(), channel, screen, disconnected);
            } catch (IOException e) {
                // the channel closed while a key was on its way
            }
        }, "javamiko-keyboard");
        keys.setDaemon(true);
        keys.start();
        try {
            Pump.copy(channel.getInputStream(), screen);
        } catch (IOException e) {
            if (!disconnected[0]) {
                throw e;
            }
        }
        err.join(2000);
        if (disconnected[0]) {
            screen.write(("\r\nConnection to " + target + " closed.\r\n").getBytes(StandardCharsets.UTF_8));
            screen.flush();
            return Failures.CONNECTION;
        }
        return ExecCommand.exitStatus(channel.recvExitStatus());
    }

    private static void typing(InputStream keyboard, Channel channel, OutputStream screen, boolean[] disconnected)
            throws IOException {
        EscapeFilter escapes = new EscapeFilter();
        OutputStream remote = channel.getOutputStream();
        byte[] buf = new byte[4096];
        ByteArrayOutputStream send = new ByteArrayOutputStream();
        int n;
        while ((n = keyboard.read(buf)) >= 0) {
            if (n == 0) {
                continue;
            }
            send.reset();
            EscapeFilter.Action action = escapes.filter(buf, n, send);
            if (send.size() > 0) {
                remote.write(send.toByteArray());
                remote.flush();
            }
            if (action == EscapeFilter.Action.HELP) {
                screen.write(EscapeFilter.HELP.getBytes(StandardCharsets.US_ASCII));
                screen.flush();
            } else if (action == EscapeFilter.Action.DISCONNECT) {
                disconnected[0] = true;
                channel.close();
                return;
            }
        }
        channel.shutdownWrite();
    }

    private static void resize(Terminal terminal, Channel channel) {
        try {
            Size size = terminal.getSize();
            channel.resizePty(positive(size.getColumns(), 80), positive(size.getRows(), 24), 0, 0);
        } catch (IOException | RuntimeException e) {
            // the channel is closing; the next size change is moot
        }
    }

    /** ssh's raw mode (cfmakeraw without touching the character size): every key goes to the server. */
    private static Attributes raw(Attributes saved) {
        Attributes raw = new Attributes(saved);
        raw.setInputFlag(InputFlag.IGNPAR, true);
        raw.setInputFlags(EnumSet.of(InputFlag.ISTRIP, InputFlag.INLCR, InputFlag.IGNCR, InputFlag.ICRNL,
                InputFlag.IXON, InputFlag.IXANY, InputFlag.IXOFF), false);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ECHOE,
                LocalFlag.ECHOK, LocalFlag.ECHONL, LocalFlag.IEXTEN), false);
        raw.setOutputFlag(OutputFlag.OPOST, false);
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        return raw;
    }

    private static int positive(int value, int fallback) {
        return value > 0 ? value : fallback;
    }
}
