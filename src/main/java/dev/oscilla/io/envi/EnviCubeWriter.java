package dev.oscilla.io.envi;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.SpectralFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an ENVI cube band-sequentially (BSQ) in pieces, from several threads, in any order: each call writes some
 * whole lines of one band at their place in the file. The data goes to a hidden temporary file beside the target
 * (created with the user's default permissions); {@link #commit()} flushes it to disk, renames it over the target,
 * then writes the header the same way. Closing without committing deletes the temporary file, so a cancelled or
 * failed run leaves any earlier output untouched.
 */
public final class EnviCubeWriter implements AutoCloseable {

    private final Path target;
    private final Path headerFile;
    private final Path staged;
    private final FileChannel channel;
    private final EnviRegionWriter regions;
    private final int samples;
    private final int lines;
    private final int bands;
    private final EnviDataType type;
    private final ByteOrder order;
    private final EnviHeader header;
    private boolean done;

    private EnviCubeWriter(Path target, Path staged, FileChannel channel, int samples, int lines, int bands,
                           EnviDataType type, ByteOrder order, EnviHeader header) {
        this.target = target;
        this.headerFile = EnviFiles.headerPathFor(target);
        this.staged = staged;
        this.channel = channel;
        this.regions = new EnviRegionWriter(staged, channel, new EnviRegionWriter.Target(staged.toString(), samples,
                lines, bands, type, order == ByteOrder.BIG_ENDIAN));
        this.samples = samples;
        this.lines = lines;
        this.bands = bands;
        this.type = type;
        this.order = order;
        this.header = header;
    }

    /**
     * Starts a cube. The header holds the layout keys, then {@code extra}'s entries (band names, description,
     * wavelengths, data ignore value, ...).
     *
     * @param data  the data file to produce ({@code X.img}); its header is {@code X.hdr}
     * @param type  FLOAT32, FLOAT64 or UINT8
     * @param order byte order of the values
     */
    public static EnviCubeWriter create(Path data, int samples, int lines, int bands, EnviDataType type,
                                        ByteOrder order, EnviHeader extra) throws SpectralFileException {
        if (type != EnviDataType.FLOAT32 && type != EnviDataType.FLOAT64 && type != EnviDataType.UINT8) {
            throw new IllegalArgumentException("cubes are written as float32, float64 or byte, not " + type);
        }
        if (samples < 1 || lines < 1 || bands < 1) {
            throw new IllegalArgumentException("a cube has at least one sample, line and band");
        }
        EnviHeader.Builder h = EnviHeader.builder()
                .put("samples", samples)
                .put("lines", lines)
                .put("bands", bands)
                .put("header offset", 0)
                .put("file type", "ENVI Standard")
                .put("data type", type.code())
                .put("interleave", "bsq")
                .put("byte order", order == ByteOrder.BIG_ENDIAN ? 1 : 0);
        EnviHeader built = h.build();
        java.util.Map<String, EnviHeader.Entry> all = new java.util.LinkedHashMap<>(built.entries());
        for (EnviHeader.Entry e : extra.entries().values()) {
            if (all.containsKey(e.key())) {
                throw new IllegalArgumentException("'" + e.key() + "' is set by the writer");
            }
            all.put(e.key(), e);
        }
        EnviHeader header = fromEntries(all);
        Path absolute = data.toAbsolutePath();
        Path dir = absolute.getParent();
        Path staged = null;
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; channel == null; attempt++) {
                staged = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(
                        ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
                try {
                    // no explicit permissions: the file gets the user's default (umask), like any output
                    channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            StandardOpenOption.READ);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                }
            }
            long size = (long) samples * lines * bands * type.bytes();
            // the full size at once: a disk that cannot hold the cube fails here, before any work
            channel.write(ByteBuffer.allocate(1), size - 1);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // reporting the first error matters more
                }
            }
            throw new SpectralFileException(data, "cannot write: " + e.getMessage(), e);
        }
        return new EnviCubeWriter(absolute, staged, channel, samples, lines, bands, type, order, header);
    }

    private static EnviHeader fromEntries(java.util.Map<String, EnviHeader.Entry> entries) {
        EnviHeader.Builder b = EnviHeader.builder();
        for (EnviHeader.Entry e : entries.values()) {
            if (e.braced()) {
                b.rawBraced(e.key(), e.value());
            } else {
                b.put(e.key(), e.value());
            }
        }
        return b.build();
    }

    public Path dataFile() {
        return target;
    }

    public Path headerFile() {
        return headerFile;
    }

    /**
     * The temporary file being written (its content is the cube's, in the final layout); readable with
     * {@link #stagedCube()} before {@link #commit()}.
     */
    public Path stagedFile() {
        return staged;
    }

    /** The header that {@link #commit()} writes. */
    public EnviHeader header() {
        return header;
    }

    /** Writes lines [firstLine, firstLine + lineCount) of one band: values[offset + line x samples + sample]. */
    public void writeLines(int band, int firstLine, int lineCount, float[] values, int offset)
            throws SpectralFileException {
        open().writeLines(band, firstLine, lineCount, values, offset);
    }

    /** As {@link #writeLines(int, int, int, float[], int)}, from doubles (rounded when the cube is float32). */
    public void writeLines(int band, int firstLine, int lineCount, double[] values, int offset)
            throws SpectralFileException {
        open().writeLines(band, firstLine, lineCount, values, offset);
    }

    /**
     * Writes a rectangle of one band: lines [firstLine, +lineCount), samples [firstSample, +sampleCount), from
     * values[offset + (line - firstLine) x sampleCount + (sample - firstSample)].
     */
    public void writeRegion(int band, int firstLine, int lineCount, int firstSample, int sampleCount,
                            double[] values, int offset) throws SpectralFileException {
        open().writeRegion(band, firstLine, lineCount, firstSample, sampleCount, values, offset);
    }

    /**
     * The staged file as a {@link EnviRegionWriter.Target}: another process (on a shared file system) may write
     * regions into it before {@link #commit()}; it must close its writer first.
     */
    public EnviRegionWriter.Target target() {
        return regions.target();
    }

    /** Writes regions of this cube (the same as this writer's methods; not to be closed by the caller). */
    public EnviRegionWriter regions() {
        return open();
    }

    private EnviRegionWriter open() {
        if (done) {
            throw new IllegalStateException("the cube is already committed or closed");
        }
        return regions;
    }

    /**
     * Opens the staged data as a cube (for reading back what was written, e.g. to draw quicklooks) before
     * {@link #commit()}: the caller closes it.
     */
    public EnviCube stagedCube() throws SpectralFileException {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new SpectralFileException(target, "cannot write: " + e.getMessage(), e);
        }
        Path stagedHeader = staged.resolveSibling(staged.getFileName() + ".hdr");
        try {
            Files.writeString(stagedHeader, header.format());
            return EnviCube.open(stagedHeader);
        } catch (IOException e) {
            throw new SpectralFileException(target, "cannot write: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(stagedHeader);
            } catch (IOException ignored) {
                // a leftover hidden header is harmless; the open cube keeps its mapping
            }
        }
    }

    /** Flushes the data to disk and renames it over the target; then writes the header atomically. */
    public void commit() throws SpectralFileException {
        if (done) {
            throw new IllegalStateException("the cube is already committed or closed");
        }
        done = true;
        try {
            channel.force(true);
            channel.close();
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteStaged();
            throw new SpectralFileException(target, "cannot write: " + e.getMessage(), e);
        }
        AtomicFiles.writeString(headerFile, header.format());
    }

    /** Abandons the cube unless committed: the temporary file is deleted. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting the file is what matters
        }
        deleteStaged();
    }

    private void deleteStaged() {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException ignored) {
            // a hidden leftover; nothing else to do
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EnviCubeWriter[%s, %d x %d x %d %s]", target.getFileName(), lines,
                samples, bands, type);
    }
}
