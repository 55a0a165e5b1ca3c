package org.javamiko.cli;

import java.io.ByteArrayOutputStream;

/**
 * ssh's escape sequences on what the user types: {@code ~} right after a newline (or first of
 * all) starts one; {@code ~.} disconnects, {@code ~~} sends one {@code ~}, {@code ~?} lists them;
 * {@code ~} and any other character are sent both, as ssh does.
 */
final class EscapeFilter {
    /** What the typed bytes asked for beyond the bytes to send. */
    enum Action { NONE, DISCONNECT, HELP }

    private boolean atLineStart = true;
    private boolean escaping;
    private Action action = Action.NONE;

    /**
     * @param typed bytes read from the terminal
     * @param n how many
     * @param send receives the bytes to send to the server
     * @return DISCONNECT as soon as {@code ~.} was typed (later bytes are dropped), HELP after {@code ~?}
     */
    Action filter(byte[] typed, int n, ByteArrayOutputStream send) {
        action = Action.NONE;
        for (int i = 0; i < n; i++) {
            byte b = typed[i];
            if (escaping) {
                escaping = false;
                if (b == '.') {
                    return Action.DISCONNECT;
                } else if (b == '?') {
                    action = Action.HELP;
                    atLineStart = false;
                    continue;
                } else if (b != '~') {
                    send.write('~');
                }
                send.write(b);
                atLineStart = b == '\r' || b == '\n';
                continue;
            }
            if (b == '~' && atLineStart) {
                escaping = true;
                continue;
            }
            send.write(b);
            atLineStart = b == '\r' || b == '\n';
        }
        return action;
    }

    /** The text {@code ~?} prints. */
    static final String HELP = "\r\nSupported escape sequences:\r\n ~.   - terminate connection\r\n"
            + " ~?   - this message\r\n ~~   - send the escape character by typing it twice\r\n"
            + "(Note that escapes are only recognized immediately after newline.)\r\n";
}
