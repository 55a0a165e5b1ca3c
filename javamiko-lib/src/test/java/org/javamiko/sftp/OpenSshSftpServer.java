package org.javamiko.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * OpenSSH's own {@code sftp-server}, one process per session, its stdin and stdout the SFTP stream:
 * the SFTP protocol exactly as an OpenSSH server runs it, without SSH underneath.
 */
final class OpenSshSftpServer implements SftpServerFixture {
    static final Path BINARY = Path.of("/usr/lib/openssh/sftp-server");

    private final Path root;
    private final Path log;
    private final List<Process> processes = new CopyOnWriteArrayList<>();

    private final List<String> extraArgs;

    OpenSshSftpServer(Path root, String... extraArgs) throws IOException {
        this.root = root.toRealPath();
        this.extraArgs = List.of(extraArgs);
        this.log = Files.createTempFile("sftp-server", ".log");
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String remote(String name) {
        return root + "/" + name;
    }

    /** @return the server's log (-l DEBUG3), shared by every session */
    Path log() {
        return log;
    }

    @Override
    public SftpClient connect() throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(BINARY.toString(), "-e", "-l", "DEBUG3", "-d", root.toString()));
        cmd.addAll(extraArgs);
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.add(p);
        return SftpClient.overStreams(p.getInputStream(), p.getOutputStream(), p::destroy);
    }

    /** @return the newest session's process */
    Process lastProcess() {
        return processes.get(processes.size() - 1);
    }

    @Override
    public void kill() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover log in /tmp harms nobody
        }
    }
}
