package org.javamiko.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.javamiko.cli.SftpCommand.Base;
import org.javamiko.cli.SftpCommand.Remote;
import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code javamiko sftp} sub-commands that look at and change remote files without moving data. */
final class SftpFileCommands {
    private SftpFileCommands() {
    }

    /** {@code ls}: list a directory. */
    @Command(name = "ls", header = "List a remote directory.", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Lists HOST:PATH (default: the login directory), sorted by name; names starting with a "
                    + "dot only with -a. --long gives the server's long listing (as ls -l)."})
    static final class Ls extends Base {
        @Option(names = "--long", description = "long listing: mode, links, owner, group, size, date, name (ls -l;"
                + " -l is the login name here, as for ssh)")
        boolean longListing;

        @Option(names = "-a", description = "include names starting with a dot")
        boolean all;

        @Parameters(index = "0", paramLabel = "[USER@]HOST[:PATH]", description = "the directory (or file)")
        String spec;

        @Override
        public Integer call() throws Exception {
            Remote remote = Remote.parse(spec.contains(":") ? spec : spec + ":");
            return withSftp(remote.target(), (client, sftp) -> {
                SftpAttributes attrs = sftp.stat(remote.path());
                if (!attrs.isDirectory()) {
                    context.io.out().println(longListing ? longLine(attrs, remote.path()) : remote.path());
                    return 0;
                }
                List<SftpAttributes> entries = new ArrayList<>(sftp.listdirAttr(remote.path()));
                entries.sort(Comparator.comparing(SftpAttributes::getFilename));
                for (SftpAttributes entry : entries) {
                    if (!all && entry.getFilename().startsWith(".")) {
                        continue;
                    }
                    context.io.out().println(longListing ? longLine(entry, entry.getFilename()) : entry.getFilename());
                }
                return 0;
            });
        }

        private static String longLine(SftpAttributes a, String name) {
            String longname = a.getLongname();
            if (longname != null && !longname.isBlank()) {
                return longname;
            }
            return String.format("%s %8d %8d %12d %s", mode(a.getPermissions()), a.getUid(), a.getGid(), a.getSize(),
                    name);
        }

        static String mode(int m) {
            char type = (m & 0170000) == 0040000 ? 'd' : (m & 0170000) == 0120000 ? 'l' : '-';
            StringBuilder s = new StringBuilder().append(type);
            String rwx = "rwxrwxrwx";
            for (int i = 0; i < 9; i++) {
                s.append((m & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
            }
            return s.toString();
        }
    }

    /** {@code rm}: remove files. */
    @Command(name = "rm", header = "Remove remote files (with -r, directories too).", mixinStandardHelpOptions = true,
            sortOptions = false, description = {"Removes each HOST:PATH; all must be on the same host."})
    static final class Rm extends Base {
        @Option(names = "-r", description = "remove directories and everything in them")
        boolean recursive;

        @Parameters(index = "0..*", arity = "1..*", paramLabel = "[USER@]HOST:PATH", description = "what to remove")
        List<String> specs;

        @Override
        public Integer call() throws Exception {
            List<Remote> remotes = new ArrayList<>();
            for (String s : specs) {
                remotes.add(Remote.parse(s));
            }
            String target = remotes.get(0).target();
            for (Remote r : remotes) {
                if (!r.target().equals(target)) {
                    throw new Failures.CommandFailure(2, "every path must be on " + target + ", not " + r.target());
                }
            }
            return withSftp(target, (client, sftp) -> {
                for (Remote r : remotes) {
                    SftpAttributes attrs = sftp.lstat(r.path());
                    if (attrs.isDirectory()) {
                        if (!recursive) {
                            throw new Failures.CommandFailure(1, r.path() + " is a directory (use -r)");
                        }
                        removeTree(sftp, r.path());
                    } else {
                        sftp.remove(r.path());
                    }
                }
                return 0;
            });
        }

        private static void removeTree(SftpClient sftp, String dir) throws IOException {
            for (SftpAttributes entry : sftp.listdirAttr(dir)) {
                String name = entry.getFilename();
                if (name.equals(".") || name.equals("..") || name.contains("/")) {
                    continue;
                }
                String path = SftpCommand.join(dir, name);
                if (entry.isDirectory()) {
                    removeTree(sftp, path);
                } else {
                    sftp.remove(path);
                }
            }
            sftp.rmdir(dir);
        }
    }

    /** {@code mkdir}: make a directory. */
    @Command(name = "mkdir", header = "Make a remote directory.", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Creates HOST:PATH (mode 0755 before the server's umask)."})
    static final class Mkdir extends Base {
        @Option(names = "--parents", description = "make parent directories as needed; no error if it exists (mkdir -p;"
                + " -p is the port here, as for ssh)")
        boolean parents;

        @Parameters(index = "0", paramLabel = "[USER@]HOST:PATH", description = "the directory to create")
        String spec;

        @Override
        public Integer call() throws Exception {
            Remote remote = Remote.parse(spec);
            return withSftp(remote.target(), (client, sftp) -> {
                if (!parents) {
                    sftp.mkdir(remote.path(), 0755);
                    return 0;
                }
                String path = remote.path().startsWith("/") ? "/" : "";
                for (String part : remote.path().split("/")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    path = path.isEmpty() || path.endsWith("/") ? path + part : path + "/" + part;
                    SftpAttributes existing = SftpCommand.statOrNull(sftp, path);
                    if (existing == null) {
                        sftp.mkdir(path, 0755);
                    } else if (!existing.isDirectory()) {
                        throw new Failures.CommandFailure(1, path + " exists and is not a directory");
                    }
                }
                return 0;
            });
        }
    }

    /** {@code mv}: rename. */
    @Command(name = "mv", header = "Rename or move a remote file.", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Renames HOST:OLD to NEW (a path on the same host; HOST:NEW also accepted). An existing "
                    + "NEW is replaced when the server has posix-rename@openssh.com, as OpenSSH's sftp does."})
    static final class Mv extends Base {
        @Parameters(index = "0", paramLabel = "[USER@]HOST:OLD", description = "the file to rename")
        String from;

        @Parameters(index = "1", paramLabel = "NEW", description = "its new path")
        String to;

        @Override
        public Integer call() throws Exception {
            Remote remote = Remote.parse(from);
            String newPath = to.startsWith(remote.target() + ":") ? to.substring(remote.target().length() + 1) : to;
            return withSftp(remote.target(), (client, sftp) -> {
                if (sftp.hasExtension("posix-rename@openssh.com")) {
                    sftp.posixRename(remote.path(), newPath);
                } else {
                    sftp.rename(remote.path(), newPath);
                }
                return 0;
            });
        }
    }
}
