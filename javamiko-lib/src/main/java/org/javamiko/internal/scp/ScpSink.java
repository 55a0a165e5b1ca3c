package org.javamiko.internal.scp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.javamiko.ScpException;
import org.javamiko.ScpProgressListener;

/**
 * The receiving side of a transfer, talking to a remote {@code scp -f}. Nothing the server sends
 * is trusted:
 * <ul>
 * <li>every name is one path element ({@link ScpNames}): never {@code .}, {@code ..}, empty, or
 *     with {@code /}, {@code \} or NUL (CVE-2018-20685, CVE-2019-6111), and the path it makes is a
 *     direct child of the directory being received into;</li>
 * <li>the top level holds exactly one entry, named as the path asked for (its last element): a
 *     server cannot send other files than the one requested (CVE-2019-6111);</li>
 * <li>a directory is accepted only in a recursive transfer, and only where a directory is (or
 *     can be made); a file never replaces a directory; a symbolic link already in the target tree
 *     is not followed when writing what the server names;</li>
 * <li>records must come in order ({@code T} before exactly one {@code C}/{@code D}, {@code E}
 *     only inside a directory), lines are bounded, numbers are checked;</li>
 * <li>each record gets exactly one answer, an acknowledgement or one error, never both
 *     (CVE-2020-12062).</li>
 * </ul>
 * A refusal sends the server a fatal error and ends the transfer with an {@link ScpException};
 * what was written before it stays.
 */
public final class ScpSink {
    /** The deepest directory nesting accepted. */
    static final int MAX_DEPTH = 1024;

    private final ScpStream stream;
    private final boolean recursive;
    private final boolean preserve;
    private final ScpProgressListener progress;

    /** A directory being received: where, its mode and times to apply at its {@code E}. */
    private record Frame(Path dir, int mode, boolean created, long[] times) {
    }

    /**
     * @param stream a remote {@code scp -f} just started
     * @param recursive accept directories
     * @param preserve apply times and exact modes
     * @param progress may be null
     */
    public ScpSink(ScpStream stream, boolean recursive, boolean preserve, ScpProgressListener progress) {
        this.stream = stream;
        this.recursive = recursive;
        this.preserve = preserve;
        this.progress = progress;
    }

    /**
     * Receives the one entry the server sends for a path whose last element is {@code expectedName}:
     * into {@code target} when that is an existing directory, else as {@code target}.
     */
    public void receive(String expectedName, Path target) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        long[] times = null;
        int topLevel = 0;
        stream.sendAck();
        while (true) {
            int type = stream.read();
            if (type == -1) {
                if (stack.isEmpty() && topLevel > 0 && times == null) {
                    stream.finish();
                    return;
                }
                throw stream.remoteEnded(topLevel == 0 ? "before sending anything" : "in the middle of the transfer");
            }
            switch (type) {
                case 1, 2 -> throw stream.remoteError(stream.readLine(), "'" + expectedName + "'");
                case 'T' -> {
                    String line = stream.readLine();
                    if (times != null) {
                        throw refuse("two T records in a row");
                    }
                    times = ControlRecord.parseTimes(line);
                    if (times == null) {
                        throw refuse("a malformed T record " + ScpStream.describe("T" + line));
                    }
                    stream.sendAck();
                }
                case 'E' -> {
                    String line = stream.readLine();
                    if (!line.isEmpty() || stack.isEmpty() || times != null) {
                        throw refuse("an E record " + (stack.isEmpty() ? "outside any directory"
                                : times != null ? "right after a T record" : ScpStream.describe("E" + line)));
                    }
                    Frame done = stack.pop();
                    finishDirectory(done);
                    stream.sendAck();
                }
                case 'C', 'D' -> {
                    String line = stream.readLine();
                    ControlRecord record = ControlRecord.parse(type == 'D', line);
                    if (record == null) {
                        throw refuse("a malformed record " + ScpStream.describe((char) type + line));
                    }
                    String problem = ScpNames.problem(record.name());
                    if (problem != null) {
                        throw refuse(problem);
                    }
                    Path dest;
                    if (stack.isEmpty()) {
                        if (topLevel++ > 0) {
                            throw refuse("a second entry " + ScpStream.describe(record.name()) + " when only "
                                    + ScpStream.describe(expectedName) + " was asked for");
                        }
                        if (!record.name().equals(expectedName)) {
                            throw refuse(ScpStream.describe(record.name()) + " when " + ScpStream.describe(expectedName)
                                    + " was asked for");
                        }
                        dest = Files.isDirectory(target) ? ScpNames.child(target, record.name()) : target;
                    } else {
                        dest = ScpNames.child(stack.peek().dir(), record.name());
                    }
                    if (dest == null) {
                        throw refuse("a name that is not a plain file name here: " + ScpStream.describe(record.name()));
                    }
                    boolean serverNamed = dest != target;
                    if (record.directory()) {
                        if (!recursive) {
                            throw refuse("a directory " + ScpStream.describe(record.name())
                                    + ", but the transfer is not recursive");
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw refuse("directories nested deeper than " + MAX_DEPTH);
                        }
                        stack.push(startDirectory(dest, record, times, serverNamed));
                        stream.sendAck();
                    } else {
                        receiveFile(dest, record, times, serverNamed);
                    }
                    times = null;
                }
                default -> throw refuse("an unexpected " + ScpStream.describe((char) type + stream.readLine()));
            }
        }
    }

    /**
     * Receives the one file the server sends for a path whose last element is
     * {@code expectedName}, into {@code out}.
     *
     * @return the bytes written
     */
    public long receiveStream(String expectedName, OutputStream out, String display) throws IOException {
        stream.sendAck();
        long size = -1;
        boolean timesSeen = false;
        while (true) {
            int type = stream.read();
            if (type == -1) {
                if (size >= 0 && !timesSeen) {
                    stream.finish();
                    return size;
                }
                throw stream.remoteEnded(size < 0 ? "before sending the file" : "after a T record");
            }
            String line = type == 1 || type == 2 || type == 'T' || type == 'C' || type == 'D' ? stream.readLine() : null;
            if (type == 1 || type == 2) {
                throw stream.remoteError(line, "'" + expectedName + "'");
            } else if (type == 'T' && !timesSeen && size < 0 && ControlRecord.parseTimes(line) != null) {
                timesSeen = true;
                stream.sendAck();
            } else if (type == 'D' && size < 0) {
                throw refuse("a directory " + ScpStream.describe(line) + " when a file was asked for");
            } else if (type == 'C' && size < 0) {
                ControlRecord record = ControlRecord.parse(false, line);
                if (record == null) {
                    throw refuse("a malformed record " + ScpStream.describe("C" + line));
                }
                String problem = ScpNames.problem(record.name());
                if (problem != null) {
                    throw refuse(problem);
                }
                if (!record.name().equals(expectedName)) {
                    throw refuse(ScpStream.describe(record.name()) + " when " + ScpStream.describe(expectedName)
                            + " was asked for");
                }
                stream.sendAck();
                size = record.size();
                long total = size;
                report(display, 0, total);
                stream.readData(out, size, done -> report(display, done, total));
                stream.expectAck("the end of the data of " + record.name());
                stream.sendAck();
                timesSeen = false;
            } else {
                throw refuse(size >= 0 ? "more than the one file asked for" : "an unexpected "
                        + ScpStream.describe((char) type + (line == null ? "" : line)));
            }
        }
    }

    private Frame startDirectory(Path dest, ControlRecord record, long[] times, boolean serverNamed) throws IOException {
        LinkOption[] links = serverNamed ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        if (Files.exists(dest, links)) {
            if (!Files.isDirectory(dest, links)) {
                throw localFailure(dest + " exists and is not a directory; the server sent a directory there", null);
            }
            return new Frame(dest, record.mode(), false, times);
        }
        try {
            Files.createDirectory(dest, permissions(record.mode() | 0700));
        } catch (FileAlreadyExistsException e) {
            throw localFailure(dest + " appeared while being created", e);
        } catch (IOException e) {
            throw localFailure("cannot create the directory " + dest + ": " + e, e);
        }
        return new Frame(dest, record.mode(), true, times);
    }

    private void finishDirectory(Frame frame) throws IOException {
        try {
            if (preserve || frame.created()) {
                FileModes.apply(frame.dir(), frame.mode());
            }
            if (preserve && frame.times() != null) {
                setTimes(frame.dir(), frame.times());
            }
        } catch (IOException e) {
            throw localFailure("cannot set the mode or times of " + frame.dir() + ": " + e, e);
        }
    }

    private void receiveFile(Path dest, ControlRecord record, long[] times, boolean serverNamed) throws IOException {
        LinkOption[] links = serverNamed ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        if (Files.isDirectory(dest, links)) {
            throw localFailure(dest + " is a directory; the server sent a file " + ScpStream.describe(record.name())
                    + " there", null);
        }
        Set<OpenOption> options = new HashSet<>(Set.of(
                StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
        if (serverNamed) {
            options.add(LinkOption.NOFOLLOW_LINKS);
        }
        SeekableByteChannel file;
        try {
            file = Files.newByteChannel(dest, options, permissions(record.mode()));
        } catch (IOException e) {
            throw localFailure("cannot write " + dest + ": " + e, e);
        }
        String display = dest.toString();
        try (OutputStream out = Channels.newOutputStream(file)) {
            stream.sendAck();
            long total = record.size();
            report(display, 0, total);
            stream.readData(out, total, done -> report(display, done, total));
        } catch (ScpException e) {
            throw e;
        } catch (IOException e) {
            throw localFailure("cannot write " + dest + ": " + e, e);
        }
        stream.expectAck("the end of the data of " + record.name());
        try {
            if (preserve) {
                FileModes.apply(dest, record.mode());
                if (times != null) {
                    setTimes(dest, times);
                }
            }
        } catch (IOException e) {
            throw localFailure("cannot set the mode or times of " + dest + ": " + e, e);
        }
        stream.sendAck();
    }

    private static void setTimes(Path path, long[] times) throws IOException {
        Files.getFileAttributeView(path, BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).setTimes(FileTime.fromMillis(times[0] * 1000),
                        FileTime.fromMillis(times[1] * 1000), null);
    }

    private static FileAttribute<?>[] permissions(int mode) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FileModes.toPermissions(mode))};
    }

    private void report(String display, long done, long total) {
        if (progress != null) {
            progress.progress(display, done, total);
        }
    }

    /** Refuses what the server sent: one fatal answer to it, then the exception. */
    private ScpException refuse(String what) {
        String message = "refused: the server sent " + what;
        stream.sendFatalQuietly(message);
        return new ScpException("", -1, "SCP from '" + stream.command() + "' " + message);
    }

    /** A local failure: one fatal answer to the server, then the exception. */
    private ScpException localFailure(String message, Throwable cause) {
        stream.sendFatalQuietly(message);
        ScpException e = new ScpException(message, cause);
        return e;
    }
}
