package org.javamiko.internal.scp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.javamiko.ScpException;
import org.javamiko.ScpProgressListener;

/**
 * The sending side of a transfer, talking to a remote {@code scp -t}: for each file an optional
 * {@code T} record (times, with {@code -p}), a {@code C} record, its bytes and a 0; for each
 * directory {@code D}, its entries, {@code E}. Every record waits for the remote's
 * acknowledgement; the first error it reports ends the transfer with an {@link ScpException}.
 *
 * <p>Symbolic links are followed, as {@code scp} does; a directory reached twice (a link loop)
 * is sent once. Entries that are neither files nor directories (sockets, FIFOs) are skipped.
 */
public final class ScpSource {
    private final ScpStream stream;
    private final boolean preserve;
    private final ScpProgressListener progress;
    private final Set<Object> directoriesSent = new HashSet<>();

    /**
     * @param stream a remote {@code scp -t} just started
     * @param preserve send {@code T} records
     * @param progress may be null
     */
    public ScpSource(ScpStream stream, boolean preserve, ScpProgressListener progress) {
        this.stream = stream;
        this.preserve = preserve;
        this.progress = progress;
    }

    /** Waits for the remote sink's first acknowledgement: it is ready (or says why not). */
    public void begin() throws IOException {
        stream.expectAck("the start of the transfer");
    }

    /** Sends a file or (the caller checked recursion) a directory tree. */
    public void send(Path local) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(local, BasicFileAttributes.class);
        String name = nameOf(local);
        if (attrs.isDirectory()) {
            sendDirectory(local, name, attrs);
        } else if (attrs.isRegularFile()) {
            sendFile(local, name, attrs);
        } else {
            throw new ScpException(local + " is not a regular file or directory");
        }
    }

    /** Sends {@code size} bytes from {@code in} as one file called {@code name}. */
    public void sendStream(InputStream in, String name, long size, int mode, String display) throws IOException {
        checkName(name, name);
        stream.sendLine(String.format("C%04o %d %s", mode & 07777, size, name));
        stream.expectAck("the file " + name);
        sendData(in, size, display, name);
    }

    /** Ends the transfer: EOF, then the remote's exit status must be 0. */
    public void end() throws IOException {
        stream.finish();
    }

    private void sendDirectory(Path dir, String name, BasicFileAttributes attrs) throws IOException {
        Object key = attrs.fileKey() != null ? attrs.fileKey() : dir.toRealPath();
        if (!directoriesSent.add(key)) {
            return; // a symbolic link loop: this directory is being sent already
        }
        sendTimes(attrs);
        stream.sendLine(String.format("D%04o 0 %s", FileModes.modeOf(dir, 0755) & 07777, name));
        stream.expectAck("the directory " + name);
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.sorted().forEach(entries::add);
        }
        for (Path entry : entries) {
            BasicFileAttributes entryAttrs;
            try {
                entryAttrs = Files.readAttributes(entry, BasicFileAttributes.class);
            } catch (NoSuchFileException dangling) {
                continue; // a dangling symbolic link, or removed meanwhile: nothing to send
            }
            if (entryAttrs.isDirectory()) {
                sendDirectory(entry, nameOf(entry), entryAttrs);
            } else if (entryAttrs.isRegularFile()) {
                sendFile(entry, nameOf(entry), entryAttrs);
            }
        }
        stream.sendLine("E");
        stream.expectAck("the end of the directory " + name);
    }

    private void sendFile(Path file, String name, BasicFileAttributes attrs) throws IOException {
        long size = attrs.size();
        try (InputStream in = Files.newInputStream(file)) {
            sendTimes(attrs);
            stream.sendLine(String.format("C%04o %d %s", FileModes.modeOf(file, 0644) & 07777, size, name));
            stream.expectAck("the file " + name);
            sendData(in, size, file.toString(), name);
        }
    }

    private void sendData(InputStream in, long size, String display, String name) throws IOException {
        byte[] buf = new byte[32 * 1024];
        long sent = 0;
        report(display, 0, size);
        while (sent < size) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, size - sent));
            if (n < 0) {
                // The file shrank while we sent it: the remote expects `size` bytes, so the only
                // ways on are padding or ending; end, and say why.
                stream.sendFatalQuietly(display + ": file shrank while being sent");
                throw new ScpException(display + " shrank to " + sent + " bytes while being sent (" + size
                        + " announced)");
            }
            stream.write(buf, 0, n);
            sent += n;
            report(display, sent, size);
        }
        stream.write(0);
        stream.flush();
        stream.expectAck("the data of " + name);
    }

    private void sendTimes(BasicFileAttributes attrs) throws IOException {
        if (preserve) {
            long mtime = Math.max(0, attrs.lastModifiedTime().toMillis() / 1000);
            long atime = Math.max(0, attrs.lastAccessTime().toMillis() / 1000);
            stream.sendLine("T" + mtime + " 0 " + atime + " 0");
            stream.expectAck("the times");
        }
    }

    private void report(String display, long done, long total) {
        if (progress != null) {
            progress.progress(display, done, total);
        }
    }

    private static String nameOf(Path local) throws IOException {
        Path fileName = local.toAbsolutePath().normalize().getFileName();
        if (fileName == null) {
            throw new ScpException("cannot send " + local + ": it has no file name (the root directory?)");
        }
        String name = fileName.toString();
        checkName(name, local.toString());
        return name;
    }

    private static void checkName(String name, String display) throws ScpException {
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new ScpException("cannot send " + ScpStream.describe(display) + ": SCP cannot carry a name "
                    + "containing a line break");
        }
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            throw new ScpException("cannot send " + ScpStream.describe(display) + " as a single file name");
        }
    }
}
