package org.javamiko.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.javamiko.CommandResult;
import org.javamiko.SshClient;
import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;
import org.javamiko.sftp.SftpFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code javamiko sftp get|put|ls|rm|mkdir|mv}: one SFTP operation per run, remote paths as HOST:PATH. */
@Command(name = "sftp", header = "Transfer files and manage remote ones over SFTP.",
        mixinStandardHelpOptions = true,
        description = {"Remote paths are written [USER@]HOST:PATH, as for scp ([::1]:PATH for an IPv6 address); a "
                + "relative PATH starts in the login directory. Each sub-command takes the connection options of "
                + "`javamiko exec` (-F, -o, -p, -i, -J, -l, -v). Exit status: 0 on success, 1 when an operation "
                + "failed, 255 for a connection or authentication error."},
        subcommands = {SftpCommand.Get.class, SftpCommand.Put.class, SftpFileCommands.Ls.class, SftpFileCommands.Rm.class,
                SftpFileCommands.Mkdir.class, SftpFileCommands.Mv.class},
        footer = {"", "Examples:", "  javamiko sftp get -r web1:/var/log/app ./logs",
                "  javamiko sftp put --resume big.iso deploy@web1:/srv/images/",
                "  javamiko sftp ls --long web1:/srv"})
final class SftpCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, context.io.out());
        return 2;
    }

    /** {@code [user@]host:path} split in two. */
    record Remote(String target, String path) {
        static Remote parse(String spec) throws Failures.CommandFailure {
            int colon;
            int at = spec.indexOf('@');
            int hostStart = at < 0 ? 0 : at + 1;
            if (spec.startsWith("[", hostStart)) {
                int close = spec.indexOf("]:", hostStart);
                colon = close < 0 ? -1 : close + 1;
            } else {
                colon = spec.indexOf(':', hostStart);
            }
            if (colon <= hostStart) {
                throw new Failures.CommandFailure(2, "'" + spec + "' is not a remote path: write [USER@]HOST:PATH");
            }
            String target = spec.substring(0, colon).replace("[", "").replace("]", "");
            String path = spec.substring(colon + 1);
            return new Remote(target, path.isEmpty() ? "." : path);
        }
    }

    /** What every SFTP sub-command shares: the connection options and the open session. */
    abstract static class Base implements Callable<Integer>, Context.Aware {
        Context context;

        @Mixin
        ConnectionOptions connection;

        @Override
        public void context(Context context) {
            this.context = context;
        }

        /** Connects to {@code target}, opens SFTP and runs {@code body}. */
        int withSftp(String target, SftpBody body) throws Exception {
            try (SshClient client = connection.connect(target); SftpClient sftp = client.openSftp()) {
                return body.run(client, sftp);
            }
        }

        @FunctionalInterface
        interface SftpBody {
            int run(SshClient client, SftpClient sftp) throws Exception;
        }
    }

    /** Transfers' shared options and helpers. */
    abstract static class Transfer extends Base {
        @Option(names = "-r", description = "copy directories recursively")
        boolean recursive;

        @Option(names = "--resume", description = "continue a partial transfer: when the destination is shorter, "
                + "send only the rest and append it (size compare, as OpenSSH's reget/reput); an equal size is "
                + "taken as done")
        boolean resume;

        @Option(names = "--checksum", description = "afterwards compare SHA-256 of each file on both sides "
                + "(runs sha256sum on the host)")
        boolean checksum;

        @Option(names = "-q", description = "no progress bar (there is none anyway when stdout is not a terminal)")
        boolean quiet;


        TransferProgress progress(String name) {
            return new TransferProgress(context.io.out(), name, context.io.stdoutTerminal() && !quiet);
        }

        void verify(SshClient client, String remote, Path local) throws IOException {
            if (!checksum) {
                return;
            }
            CommandResult r = client.run("sha256sum -- " + shellQuote(remote));
            if (r.exitStatus() != 0) {
                throw new Failures.CommandFailure(1, "cannot checksum " + remote + " on the host: " + r.stderr().strip());
            }
            String theirs = r.stdout().strip().split("\\s+")[0];
            String ours = sha256(local);
            if (!theirs.equalsIgnoreCase(ours)) {
                throw new Failures.CommandFailure(1, "checksum mismatch: " + local + " " + ours + " but " + remote + " "
                        + theirs);
            }
        }

        static String shellQuote(String s) {
            return "'" + s.replace("'", "'\\''") + "'";
        }

        static String sha256(Path file) throws IOException {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(OutputStream.nullOutputStream());
                return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String baseName(String remotePath) {
        String p = remotePath;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** {@code get}: download. */
    @Command(name = "get", header = "Download a file or, with -r, a directory.",
            mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Downloads HOST:PATH to LOCAL (default: the current directory; into it when it is a "
                    + "directory). A progress bar (bytes, rate, ETA) is drawn when stdout is a terminal. A failed "
                    + "download leaves no partial file, unless --resume continues one."})
    static final class Get extends Transfer {
        @Parameters(index = "0", paramLabel = "[USER@]HOST:PATH", description = "the remote file or directory")
        String source;

        @Parameters(index = "1", arity = "0..1", paramLabel = "LOCAL", description = "where to write it (default .)")
        Path destination;

        @Override
        public Integer call() throws Exception {
            Remote remote = Remote.parse(source);
            Path local = destination == null ? Path.of(".") : destination;
            return withSftp(remote.target(), (client, sftp) -> {
                SftpAttributes attrs = sftp.stat(remote.path());
                Path target = Files.isDirectory(local) ? local.resolve(baseName(remote.path())) : local;
                if (attrs.isDirectory()) {
                    if (!recursive) {
                        throw new Failures.CommandFailure(1, remote.path() + " is a directory (use -r)");
                    }
                    getDirectory(client, sftp, remote.path(), target);
                } else {
                    getFile(client, sftp, remote.path(), attrs.getSize(), target);
                }
                return 0;
            });
        }

        private void getDirectory(SshClient client, SftpClient sftp, String remote, Path local) throws IOException {
            Files.createDirectories(local);
            List<SftpAttributes> entries = new ArrayList<>(sftp.listdirAttr(remote));
            entries.sort(Comparator.comparing(SftpAttributes::getFilename));
            for (SftpAttributes entry : entries) {
                String name = entry.getFilename();
                if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
                    continue; // never write outside the target directory
                }
                String path = join(remote, name);
                SftpAttributes attrs = entry.isSymlink() ? sftp.stat(path) : entry;
                if (attrs.isDirectory() && !entry.isSymlink()) {
                    getDirectory(client, sftp, path, local.resolve(name));
                } else if (attrs.isRegularFile()) {
                    getFile(client, sftp, path, attrs.getSize(), local.resolve(name));
                }
            }
        }

        private void getFile(SshClient client, SftpClient sftp, String remote, long size, Path local) throws IOException {
            TransferProgress bar = progress(baseName(remote));
            long have = resume && Files.isRegularFile(local) ? Files.size(local) : -1;
            if (have > size) {
                throw new Failures.CommandFailure(1, local + " is larger than " + remote + " (" + have + " > " + size
                        + " bytes): not resuming");
            }
            if (have == size) {
                bar.progress(size, size);
            } else if (have >= 0) {
                try (SftpFile file = sftp.open(remote, "r");
                     OutputStream out = Files.newOutputStream(local, StandardOpenOption.APPEND)) {
                    file.seek(have);
                    file.prefetch();
                    InputStream in = file.getInputStream();
                    byte[] buf = new byte[64 * 1024];
                    long done = have;
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        out.write(buf, 0, n);
                        done += n;
                        bar.progress(done, size);
                    }
                    bar.progress(size, size);
                }
            } else {
                sftp.get(remote, local, bar);
            }
            verify(client, remote, local);
        }
    }

    /** {@code put}: upload. */
    @Command(name = "put", header = "Upload a file or, with -r, a directory.",
            mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Uploads LOCAL to HOST:PATH (into it when it is a directory; HOST: alone is the login "
                    + "directory). The remote size is checked afterwards. A progress bar (bytes, rate, ETA) is "
                    + "drawn when stdout is a terminal."})
    static final class Put extends Transfer {
        @Parameters(index = "0", paramLabel = "LOCAL", description = "the local file or directory")
        Path source;

        @Parameters(index = "1", paramLabel = "[USER@]HOST:PATH", description = "where to put it")
        String destination;

        @Override
        public Integer call() throws Exception {
            Remote remote = Remote.parse(destination);
            if (!Files.exists(source)) {
                throw new NoSuchFileException(source.toString());
            }
            if (Files.isDirectory(source) && !recursive) {
                throw new Failures.CommandFailure(1, source + " is a directory (use -r)");
            }
            return withSftp(remote.target(), (client, sftp) -> {
                String target = remote.path();
                SftpAttributes existing = statOrNull(sftp, target);
                if (existing != null && existing.isDirectory()) {
                    target = join(target, source.toAbsolutePath().normalize().getFileName().toString());
                }
                if (Files.isDirectory(source)) {
                    putDirectory(client, sftp, source, target);
                } else {
                    putFile(client, sftp, source, target);
                }
                return 0;
            });
        }

        private void putDirectory(SshClient client, SftpClient sftp, Path local, String remote) throws IOException {
            SftpAttributes existing = statOrNull(sftp, remote);
            if (existing == null) {
                sftp.mkdir(remote, 0755);
            } else if (!existing.isDirectory()) {
                throw new Failures.CommandFailure(1, remote + " exists and is not a directory");
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(local)) {
                entries = list.sorted().toList();
            }
            for (Path entry : entries) {
                String path = join(remote, entry.getFileName().toString());
                if (Files.isDirectory(entry)) {
                    putDirectory(client, sftp, entry, path);
                } else if (Files.isRegularFile(entry)) {
                    putFile(client, sftp, entry, path);
                }
            }
        }

        private void putFile(SshClient client, SftpClient sftp, Path local, String remote) throws IOException {
            TransferProgress bar = progress(local.getFileName().toString());
            long size = Files.size(local);
            SftpAttributes existing = resume ? statOrNull(sftp, remote) : null;
            long have = existing == null ? -1 : existing.getSize();
            if (have > size) {
                throw new Failures.CommandFailure(1, remote + " is larger than " + local + " (" + have + " > " + size
                        + " bytes): not resuming");
            }
            if (have == size) {
                bar.progress(size, size);
            } else if (have >= 0) {
                try (SftpFile file = sftp.open(remote, "r+"); InputStream in = Files.newInputStream(local)) {
                    in.skipNBytes(have);
                    file.seek(have);
                    byte[] buf = new byte[64 * 1024];
                    long done = have;
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        file.write(buf, 0, n);
                        done += n;
                        bar.progress(done, size);
                    }
                    file.flush();
                }
                long now = sftp.stat(remote).getSize();
                if (now != size) {
                    throw new Failures.CommandFailure(1, remote + " has " + now + " bytes after the upload, not " + size);
                }
                bar.progress(size, size);
            } else {
                sftp.put(local, remote, bar, true);
            }
            verify(client, remote, local);
        }
    }

    static SftpAttributes statOrNull(SftpClient sftp, String path) throws IOException {
        try {
            return sftp.stat(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
