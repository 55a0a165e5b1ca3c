package org.javamiko.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.javamiko.ScpClient;
import org.javamiko.ScpOptions;
import org.javamiko.ScpProgressListener;
import org.javamiko.SshClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code javamiko scp [-r] [--preserve] SRC... DST}: the classic scp protocol, for hosts without SFTP. */
@Command(name = "scp", header = "Copy files with the classic scp protocol (for hosts without SFTP).",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Copies between this machine and one host, as `scp -O`: either every SOURCE is local "
                + "and TARGET is [USER@]HOST:PATH, or the one SOURCE is [USER@]HOST:PATH and TARGET local. "
                + "It runs `scp -t`/`scp -f` on the host (what Dropbear, busybox and many appliances offer); "
                + "file names the host sends are checked, and nothing is written outside TARGET. A progress "
                + "bar is drawn when stdout is a terminal. Use `javamiko sftp` where the host has SFTP."},
        footer = {"", "Examples:", "  javamiko scp -r ./conf router1:/etc/app", "  javamiko scp router1:/var/log/messages ."})
final class ScpCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "-r", description = "copy directories recursively")
    boolean recursive;

    @Option(names = "--preserve", description = "keep modification times and modes (scp -p; -p is the port here)")
    boolean preserve;

    @Option(names = "-q", description = "no progress bar")
    boolean quiet;

    @Parameters(arity = "2..*", paramLabel = "SOURCE... TARGET", description = "the sources, then the target")
    List<String> paths;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<String> sources = paths.subList(0, paths.size() - 1);
        String target = paths.get(paths.size() - 1);
        boolean upload = isRemote(target);
        for (String s : sources) {
            if (isRemote(s) == upload) {
                throw new Failures.CommandFailure(2, upload ? "copy from this machine to one host: " + s + " is remote"
                        : "give one remote SOURCE ([USER@]HOST:PATH) and a local TARGET, or local SOURCEs and a remote TARGET");
            }
        }
        if (!upload && sources.size() != 1) {
            throw new Failures.CommandFailure(2, "download one remote SOURCE at a time");
        }
        ScpOptions options = ScpOptions.builder().recursive(recursive).preserveTimes(preserve).progress(progress()).build();
        SftpCommand.Remote remote = SftpCommand.Remote.parse(upload ? target : sources.get(0));
        try (SshClient client = connection.connect(remote.target())) {
            ScpClient scp = new ScpClient(client);
            if (upload) {
                List<Path> locals = new ArrayList<>();
                sources.forEach(s -> locals.add(Path.of(s)));
                scp.put(locals, remote.path(), options);
            } else {
                scp.get(remote.path(), Path.of(target), options);
            }
        }
        return 0;
    }

    /** As scp decides: a colon before any slash makes a remote path ({@code ./a:b} is local). */
    private static boolean isRemote(String spec) {
        int colon = spec.startsWith("[") ? spec.indexOf("]:") + 1 : spec.indexOf(':');
        int slash = spec.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash);
    }

    private ScpProgressListener progress() {
        boolean draw = context.io.stdoutTerminal() && !quiet;
        if (!draw) {
            return null;
        }
        return new ScpProgressListener() {
            private String current;
            private TransferProgress bar;

            @Override
            public void progress(String file, long transferred, long total) {
                if (!file.equals(current)) {
                    current = file;
                    bar = new TransferProgress(context.io.out(), Path.of(file).getFileName().toString(), true);
                }
                bar.progress(transferred, total);
            }
        };
    }
}
