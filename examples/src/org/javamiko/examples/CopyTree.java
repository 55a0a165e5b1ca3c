package org.javamiko.examples;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.javamiko.SshClient;
import org.javamiko.sftp.SftpAttributes;
import org.javamiko.sftp.SftpClient;

/**
 * Copies a local directory tree to a server with SFTP: directories first, then every file with
 * pipelined writes, each checked by its remote size ({@code confirm}).
 *
 * <pre>
 * CopyTree localDir [user@]host[:port] remoteDir
 * </pre>
 */
public final class CopyTree {
    private CopyTree() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CopyTree localDir [user@]host[:port] remoteDir");
            System.exit(2);
        }
        Path localRoot = Path.of(args[0]);
        Target target = Target.parse(args[1]);
        String remoteRoot = args[2];

        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys();
            client.connect(target.host(), target.options().build());
            try (SftpClient sftp = client.openSftp(); Stream<Path> walk = Files.walk(localRoot)) {
                List<Path> paths = walk.toList();                    // parents come before their children
                long files = 0;
                long bytes = 0;
                for (Path local : paths) {
                    String remote = remoteRoot + "/" + slashes(localRoot.relativize(local));
                    if (Files.isDirectory(local)) {
                        try {
                            sftp.mkdir(remote, 0755);
                        } catch (FileAlreadyExistsException e) {
                            // already there: fine
                        }
                    } else if (Files.isRegularFile(local)) {
                        SftpAttributes sent = sftp.put(local, remote, null, true);
                        files++;
                        bytes += sent.getSize();
                    }
                }
                System.out.println("copied " + files + " files, " + bytes + " bytes to " + remoteRoot);
            }
        }
    }

    /** A relative local path with "/" between its names, whatever the local separator. */
    private static String slashes(Path relative) {
        StringBuilder s = new StringBuilder();
        for (Path name : relative) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(name);
        }
        return s.toString();
    }
}
