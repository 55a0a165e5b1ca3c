package org.javamiko.transport;

/**
 * One keyboard-interactive prompt (RFC 4256).
 *
 * @param text what the server asks, e.g. {@code "Password: "}
 * @param echo whether the answer may be shown as typed
 */
public record Prompt(String text, boolean echo) {
}
