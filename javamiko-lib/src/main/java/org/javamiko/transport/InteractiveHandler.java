package org.javamiko.transport;

import java.io.IOException;
import java.util.List;

/**
 * Answers keyboard-interactive prompts (RFC 4256): one answer per prompt, in order.
 *
 * <pre>{@code
 * transport.authInteractive("alice", (name, instruction, prompts) ->
 *         prompts.stream().map(p -> "secret").toList(), "");
 * }</pre>
 */
@FunctionalInterface
public interface InteractiveHandler {

    /**
     * @param name the round's title (may be empty)
     * @param instruction what the server says to do (may be empty)
     * @param prompts the questions; may be empty, then answer with an empty list
     * @return one answer per prompt
     * @throws IOException to abandon the login (the exception reaches the caller of the auth method)
     */
    List<String> respond(String name, String instruction, List<Prompt> prompts) throws IOException;
}
