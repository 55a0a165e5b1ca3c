package org.javamiko;

/**
 * What a command run by {@link SshClient#run} produced.
 *
 * @param command the command line
 * @param exitStatus its exit status; -1 when the server sent none or it died of a signal
 * @param stdout everything it wrote to stdout, as UTF-8 text
 * @param stderr everything it wrote to stderr, as UTF-8 text
 */
public record CommandResult(String command, int exitStatus, String stdout, String stderr) {

    /** @return true when the exit status is 0 */
    public boolean ok() {
        return exitStatus == 0;
    }
}
