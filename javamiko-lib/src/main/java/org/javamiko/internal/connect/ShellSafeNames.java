package org.javamiko.internal.connect;

/**
 * Refuses host and user names that a shell would read as more than a name, before they are put
 * into a proxy command or a {@code Match exec} line (as OpenSSH 9.6 does since CVE-2023-51385):
 * a name such as {@code "a;rm -rf ~"} from an untrusted source must not become a command.
 */
public final class ShellSafeNames {
    private static final String SHELL_CHARACTERS = "'`\"$\\;&<>|(){}";

    private ShellSafeNames() {
    }

    /**
     * @param what e.g. "host name" or "user name", for the message
     * @throws IllegalArgumentException if the name starts with '-', or holds a shell metacharacter,
     *     white space or a control character
     */
    public static void require(String name, String what) {
        if (name == null) {
            return;
        }
        if (name.startsWith("-")) {
            throw new IllegalArgumentException("The " + what + " '" + name + "' starts with '-'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (SHELL_CHARACTERS.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("The " + what + " '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' holds a character a shell would interpret: refused, as OpenSSH does");
            }
        }
    }
}
