package org.javamiko.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * OpenSSH's {@code sftp} in the tree benchmark: one process per transfer running a batch of
 * {@code put -r} or {@code get -r}, which moves the files of a tree one after another (each
 * file's data pipelined, 64 requests in flight by default). Times and CPU are net of session
 * start-up: the median of an sftp batch holding only {@code pwd} is subtracted, as in the
 * end-to-end tables.
 */
final class OpenSshTreeClient implements TreeClient {
    private final String name;
    private final Target target;
    private final Path work;
    private Sample startup;

    /**
     * @param version e.g. "OpenSSH_9.2p1"
     * @param work where the batch files go
     */
    OpenSshTreeClient(String version, Target target, Path work) {
        this.name = version + " sftp -r";
        this.target = target;
        this.work = work;
    }

    @Override
    public String name() {
        return name;
    }

    private Sample run(String batchLine, long bytes) throws Exception {
        if (startup == null) {
            startup = OpenSshPeer.baseline(OpenSshPeer.sftp(target, Files.writeString(work.resolve("idle.batch"), "pwd\n")));
        }
        Path batch = Files.writeString(work.resolve("tree.batch"), batchLine + "\n");
        return OpenSshPeer.net(Processes.timedWithCpu(OpenSshPeer.sftp(target, batch), bytes), startup);
    }

    @Override
    public Sample upload(TreeLayout tree, String remoteRoot) throws Exception {
        return run("put -r \"" + tree.root() + "\" \"" + remoteRoot + "\"", tree.totalBytes());
    }

    @Override
    public Sample download(String remoteRoot, Path localRoot, long bytes) throws Exception {
        return run("get -r \"" + remoteRoot + "\" \"" + localRoot + "\"", bytes);
    }

    @Override
    public void close() {
    }
}
