package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic writes: the umask's permissions for a new file and the old ones for a replaced file (not the 0600 of a
 * temporary file), fsync of the content before the rename and of the directory after it, no temporary file left
 * behind by a failure, a shutdown mid-write or a writer that was killed, and outputs checked before anything is
 * read or written.
 */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> hiddenFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aNewFileHasTheUmaskPermissionsOfAnyNewFile() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeString(target, "a\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // the defect wrote 0600 whatever the umask; any umask that lets a new file be read by others shows it
        Set<PosixFilePermission> referencePerms = Files.getPosixFilePermissions(reference);
        if (referencePerms.contains(PosixFilePermission.OTHERS_READ)) {
            assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        Set<PosixFilePermission> custom = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, custom);
        AtomicFiles.writeString(target, "new\n");
        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(custom);
    }

    @Test
    void theContentIsSyncedBeforeTheRenameAndTheDirectoryAfter() throws Exception {
        Path target = dir.resolve("out.csv");
        List<String> events = new ArrayList<>();
        AtomicFiles.Durability recorder = new AtomicFiles.Durability() {
            @Override
            public void syncFile(FileChannel channel) throws IOException {
                events.add("sync file, target exists: " + Files.exists(target) + ", size " + channel.size());
                channel.force(true);
            }

            @Override
            public void syncDirectory(Path directory) {
                events.add("sync directory " + directory.getFileName() + ", target exists: " + Files.exists(target));
            }
        };
        AtomicFiles.Durability saved = AtomicFiles.durability;
        AtomicFiles.durability = recorder;
        try {
            AtomicFiles.writeString(target, "12345\n");
        } finally {
            AtomicFiles.durability = saved;
        }
        assertThat(events).containsExactly("sync file, target exists: false, size 6",
                "sync directory " + dir.getFileName() + ", target exists: true");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> AtomicFiles.write(target,
                out -> {
                    out.write(new byte[8 << 20]);
                    throw new IOException("disk full");
                }));
        assertThat(e.problem()).contains("disk full");
        assertThat(Files.readString(target)).isEqualTo("old\n");
        assertThat(hiddenFiles()).isEmpty();
    }

    @Test
    void temporaryFilesOfKilledWritersAreRemovedByTheNextWrite() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor(10, TimeUnit.SECONDS);
        long deadPid = done.pid();
        Path stale = dir.resolve(".out.csv." + deadPid + ".1a2b.tmp");
        Files.write(stale, new byte[1024]);
        Path live = dir.resolve(".out.csv." + ProcessHandle.current().parent().orElseThrow().pid() + ".3c.tmp");
        Files.write(live, new byte[10]);
        Path other = dir.resolve(".other.csv." + deadPid + ".4d.tmp");
        Files.write(other, new byte[10]);
        AtomicFiles.writeString(dir.resolve("out.csv"), "x\n");
        assertThat(stale).doesNotExist();
        assertThat(live).exists(); // a running process may still be writing it
        assertThat(other).exists(); // another target's business
    }

    @Test
    void aWriterStoppedMidWriteRemovesItsTemporaryFile() throws Exception {
        Path target = dir.resolve("slow.bin");
        Path ready = dir.resolve("ready");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(),
                target.toString(), ready.toString()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.onSpinWait();
                Thread.sleep(20);
            }
            assertThat(ready).as("the writer started").exists();
            assertThat(hiddenFiles()).hasSize(1);
            p.destroy(); // SIGTERM, as Ctrl-C or a job scheduler sends
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(hiddenFiles()).isEmpty();
        assertThat(target).doesNotExist();
    }

    /** A writer that writes 8 MB, signals that it is under way, and then blocks until it is stopped. */
    public static final class SlowWriter {
        public static void main(String[] args) throws Exception {
            Path ready = Path.of(args[1]);
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[8 << 20]);
                out.flush();
                Files.writeString(ready, "1", StandardCharsets.UTF_8);
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void outputsAreCheckedBeforeAnythingIsWritten() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class,
                () -> AtomicFiles.checkWritable(sub));
        assertThat(e.problem()).contains("is a directory");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        SpectralFileException under = catchThrowableOfType(SpectralFileException.class,
                () -> AtomicFiles.checkWritable(file.resolve("child.csv")));
        assertThat(under.problem()).contains("is a file, not a directory");
        SpectralFileException twice = catchThrowableOfType(SpectralFileException.class,
                () -> AtomicFiles.checkWritable(List.of(dir.resolve("a.csv"), dir.resolve("./a.csv"))));
        assertThat(twice.problem()).contains("two different outputs");
        AtomicFiles.checkWritable(dir.resolve("new/deeper/ok.csv"));
    }

    @Test
    void infiniteValuesAreRefusedBeforeTheFileIsTouched() throws Exception {
        Path target = dir.resolve("t.csv");
        Files.writeString(target, "old\n");
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> CsvTables.writeColumns(
                target, List.of("x", "y"), List.of(new double[] {1, 2}, new double[] {0.5, Double.POSITIVE_INFINITY})));
        assertThat(e.getMessage()).contains("\"y\"").contains("Infinity").contains("row 2");
        assertThat(Files.readString(target)).isEqualTo("old\n");
        assertThat(hiddenFiles()).isEmpty();
    }
}
