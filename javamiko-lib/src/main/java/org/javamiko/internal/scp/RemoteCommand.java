package org.javamiko.internal.scp;

/**
 * The remote command line of a transfer, e.g. {@code scp -r -p -t -- '/srv/my dir'}.
 *
 * <p>The path is one shell word in single quotes: it is taken literally (no globbing, no
 * variables, no command substitution), except that a leading {@code ~/} (or a lone {@code ~})
 * stays outside the quotes so the remote shell expands it to the home directory, as it does for
 * {@code scp host:~/x}. A path starting with {@code -} is preceded by {@code --}.
 */
public final class RemoteCommand {
    private RemoteCommand() {
    }

    /**
     * @param program the remote scp, e.g. {@code scp} (used as given)
     * @param mode {@code "-t"} (we send) or {@code "-f"} (we receive)
     * @param recursive adds {@code -r}
     * @param preserve adds {@code -p}
     * @param targetIsDirectory adds {@code -d} (several sources: the target must be a directory)
     * @param path the remote path
     */
    public static String of(String program, String mode, boolean recursive, boolean preserve,
            boolean targetIsDirectory, String path) {
        StringBuilder sb = new StringBuilder(program);
        if (recursive) {
            sb.append(" -r");
        }
        if (preserve) {
            sb.append(" -p");
        }
        if (targetIsDirectory) {
            sb.append(" -d");
        }
        sb.append(' ').append(mode).append(' ');
        if (path.startsWith("-")) {
            sb.append("-- ");
        }
        sb.append(quote(path));
        return sb.toString();
    }

    /** One shell word for {@code path}, a leading {@code ~/} left for the shell to expand. */
    static String quote(String path) {
        if (path.equals("~")) {
            return "~";
        }
        if (path.startsWith("~/")) {
            String rest = path.substring(2);
            return rest.isEmpty() ? "~/" : "~/" + singleQuoted(rest);
        }
        return singleQuoted(path);
    }

    private static String singleQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
