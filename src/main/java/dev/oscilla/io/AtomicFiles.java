package dev.oscilla.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files atomically and durably: the content goes to a temporary file in the target's directory, which is
 * flushed to disk (fsync), renamed over the target, and the directory entry is flushed too. A crash or an error
 * mid-write leaves the previous file intact and no partial file behind.
 *
 * <ul>
 *   <li>Permissions: a new file gets the permissions the process's umask gives any new file (the temporary file is
 *       created without restrictive attributes); a replaced file keeps the permissions it had.</li>
 *   <li>Clean-up: the temporary file is deleted when writing fails, when the JVM is shut down (Ctrl-C, SIGTERM) while
 *       writing, and, for a process that was killed outright, by the next write of the same target: temporary names
 *       carry the writer's process id, and those of processes that no longer run are removed.</li>
 * </ul>
 */
public final class AtomicFiles {

    /** Temporary names: {@code .<target name>.<pid>.<random>.tmp}. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\.(.+)\\.(\\d+)\\.([0-9a-f]+)\\.tmp");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PID = ProcessHandle.current().pid();
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    /** How data reach the disk; tests substitute a recorder to check the order of operations. */
    interface Durability {
        /** Flushes a written file's content and metadata to the device. */
        void syncFile(FileChannel channel) throws IOException;

        /** Flushes a directory (the rename), where the platform allows it. */
        void syncDirectory(Path directory);
    }

    static final Durability FSYNC = new Durability() {
        @Override
        public void syncFile(FileChannel channel) throws IOException {
            channel.force(true);
        }

        @Override
        public void syncDirectory(Path directory) {
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // some platforms and file systems cannot open or sync a directory; the rename itself is atomic
            }
        }
    };

    static volatile Durability durability = FSYNC;

    private AtomicFiles() {
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Something that writes a text file's content (UTF-8). */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Checks, before any input is read or any output written, that {@code target} can be written: it is not a
     * directory, and its nearest existing ancestor is a directory this process may create files in.
     *
     * @throws SpectralFileException saying what is wrong
     */
    public static void checkWritable(Path target) throws SpectralFileException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new SpectralFileException(target, "is a directory; give the name of a file to write");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw new SpectralFileException(target, "is not a regular file; give the name of a file to write");
        }
        Path dir = absolute.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new SpectralFileException(target, "cannot be written: " + dir + " is a file, not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new SpectralFileException(target, "cannot be written: no permission to create files in " + dir);
        }
    }

    /**
     * Checks every output of a command at once (see {@link #checkWritable}); nulls are skipped, and two outputs naming
     * the same file are an error.
     */
    public static void checkWritable(List<Path> targets) throws SpectralFileException {
        Set<Path> seen = new HashSet<>();
        for (Path t : targets) {
            if (t == null) {
                continue;
            }
            checkWritable(t);
            if (!seen.add(t.toAbsolutePath().normalize())) {
                throw new SpectralFileException(t, "is named as two different outputs");
            }
        }
    }

    public static void write(Path target, Content content) throws SpectralFileException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new SpectralFileException(target, "is a directory; give the name of a file to write");
        }
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
                removeStaleTemporaries(dir, absolute.getFileName().toString());
            }
            tmp = createTemporary(dir, absolute.getFileName().toString());
            IN_PROGRESS.add(tmp);
            installHook();
            copyPermissions(absolute, tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream buffered = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the channel is closed, after the sync, by the enclosing try
                    }
                };
                content.writeTo(buffered);
                buffered.flush();
                durability.syncFile(channel);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_PROGRESS.remove(tmp);
            tmp = null;
            if (dir != null) {
                durability.syncDirectory(dir);
            }
        } catch (AccessDeniedException e) {
            throw new SpectralFileException(target, "cannot write: permission denied (" + e.getFile() + ")", e);
        } catch (IOException e) {
            throw new SpectralFileException(target, "cannot write: " + DelimitedText.oneLine(e.getMessage()), e);
        } finally {
            if (tmp != null) {
                IN_PROGRESS.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a later write of the same target removes it (its process id is then gone or it is ours)
                }
            }
        }
    }

    /** Creates the temporary file without permission attributes, so the umask decides as for any new file. */
    private static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
            Path tmp = (dir == null ? Path.of("") : dir).resolve("." + name + "." + PID + "." + random + ".tmp");
            try {
                Files.newByteChannel(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
                        .close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A replaced file keeps its permissions (POSIX file systems only). */
    private static void copyPermissions(Path target, Path tmp) {
        try {
            if (Files.isRegularFile(target)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                Files.setPosixFilePermissions(tmp, perms);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not a POSIX file system, or not ours to change: the new file keeps the default permissions
        }
    }

    /** Deletes temporary files of {@code name} left by processes that no longer run (killed mid-write). */
    static void removeStaleTemporaries(Path dir, String name) {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : entries) {
                Matcher m = TEMP_NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(name)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != PID && ProcessHandle.of(pid).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | SecurityException e) {
            // clean-up is best effort; the write itself proceeds
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (AtomicFiles.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (Path p : IN_PROGRESS) {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException ignored) {
                            // shutting down: nothing else to do
                        }
                    }
                }, "oscilla-temporary-files"));
                hookInstalled = true;
            }
        }
    }

    public static void writeText(Path target, TextContent content) throws SpectralFileException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    public static void writeString(Path target, String text) throws SpectralFileException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
