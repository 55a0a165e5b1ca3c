package org.javamiko.examples;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.javamiko.SshClient;
import org.javamiko.sftp.SftpClient;

/**
 * Walks a remote directory with {@link java.nio.file.Files}, as if it were local: the SFTP
 * session as a {@link FileSystem}, so {@code Files.walk}, {@code Files.size} and friends work on
 * the server's files.
 *
 * <pre>
 * WalkRemoteTree [user@]host[:port] remoteDir
 * </pre>
 */
public final class WalkRemoteTree {
    private WalkRemoteTree() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WalkRemoteTree [user@]host[:port] remoteDir");
            System.exit(2);
        }
        Target target = Target.parse(args[0]);

        try (SshClient client = new SshClient()) {
            client.loadSystemHostKeys();
            client.connect(target.host(), target.options().build());
            try (SftpClient sftp = client.openSftp(); FileSystem remote = sftp.fileSystem()) {
                Path root = remote.getPath(args[1]);
                long total = 0;
                try (Stream<Path> walk = Files.walk(root)) {
                    List<Path> paths = walk.sorted().toList();
                    for (Path p : paths) {
                        String name = root.relativize(p).toString();
                        if (Files.isDirectory(p)) {
                            System.out.println("dir  " + (name.isEmpty() ? "." : name) + "/");
                        } else {
                            long size = Files.size(p);
                            total += size;
                            System.out.println("file " + name + " " + size);
                        }
                    }
                }
                System.out.println("total " + total + " bytes");
            }
        }
    }
}
