package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Writes regions of one BSQ data file in place, by position: used by {@link EnviCubeWriter} and, through
 * {@link Target}, by other processes that fill parts of the same file (the workers of a distributed job on a shared
 * file system). Thread-safe: positional writes.
 */
public final class EnviRegionWriter implements AutoCloseable {

    /**
     * A BSQ data file to write into, described so that it can be sent to another process.
     *
     * @param file      the data file (absolute path as text: paths are not serializable)
     * @param bigEndian byte order of the values
     */
    public record Target(String file, int samples, int lines, int bands, EnviDataType type, boolean bigEndian)
            implements Serializable {

        /** Opens the existing file for writing regions (the caller closes the writer, which flushes to disk). */
        public EnviRegionWriter open() throws SpectralFileException {
            Path p = Paths.get(file);
            try {
                return new EnviRegionWriter(p, FileChannel.open(p, StandardOpenOption.WRITE), this);
            } catch (IOException e) {
                throw new SpectralFileException(p, "cannot write: " + e.getMessage(), e);
            }
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Target target;
    private final ByteOrder order;

    EnviRegionWriter(Path file, FileChannel channel, Target target) {
        this.file = file;
        this.channel = channel;
        this.target = target;
        this.order = target.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** The file and layout written. */
    public Target target() {
        return target;
    }

    /** Writes lines [firstLine, firstLine + lineCount) of one band: values[offset + line x samples + sample]. */
    public void writeLines(int band, int firstLine, int lineCount, float[] values, int offset)
            throws SpectralFileException {
        ByteBuffer buf = buffer(band, firstLine, lineCount, lineCount * target.samples());
        int n = lineCount * target.samples();
        for (int i = 0; i < n; i++) {
            put(buf, values[offset + i]);
        }
        write(buf, position(band, firstLine, 0));
    }

    /** As {@link #writeLines(int, int, int, float[], int)}, from doubles (rounded when the file is float32). */
    public void writeLines(int band, int firstLine, int lineCount, double[] values, int offset)
            throws SpectralFileException {
        ByteBuffer buf = buffer(band, firstLine, lineCount, lineCount * target.samples());
        int n = lineCount * target.samples();
        for (int i = 0; i < n; i++) {
            put(buf, values[offset + i]);
        }
        write(buf, position(band, firstLine, 0));
    }

    /**
     * Writes a rectangle of one band: lines [firstLine, +lineCount), samples [firstSample, +sampleCount), from
     * values[offset + (line - firstLine) x sampleCount + (sample - firstSample)]. Whole lines go in one write.
     */
    public void writeRegion(int band, int firstLine, int lineCount, int firstSample, int sampleCount,
                            double[] values, int offset) throws SpectralFileException {
        if (firstSample == 0 && sampleCount == target.samples()) {
            writeLines(band, firstLine, lineCount, values, offset);
            return;
        }
        if (firstSample < 0 || sampleCount < 0 || firstSample + (long) sampleCount > target.samples()) {
            throw new IndexOutOfBoundsException("samples " + firstSample + "+" + sampleCount + " outside the cube's "
                    + target.samples());
        }
        for (int l = 0; l < lineCount; l++) {
            ByteBuffer buf = buffer(band, firstLine + l, 1, sampleCount);
            for (int i = 0; i < sampleCount; i++) {
                put(buf, values[offset + l * sampleCount + i]);
            }
            write(buf, position(band, firstLine + l, firstSample));
        }
    }

    private long position(int band, int line, int sample) {
        return (((long) band * target.lines() + line) * target.samples() + sample) * target.type().bytes();
    }

    private void put(ByteBuffer buf, double v) {
        switch (target.type()) {
            case FLOAT32:
                buf.putFloat((float) v);
                break;
            case FLOAT64:
                buf.putDouble(v);
                break;
            default:
                if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                    throw new IllegalArgumentException("byte cube value " + v + " is not a whole number in 0-255");
                }
                buf.put((byte) (int) v);
                break;
        }
    }

    private ByteBuffer buffer(int band, int firstLine, int lineCount, int values) {
        if (band < 0 || band >= target.bands() || firstLine < 0 || lineCount < 0
                || firstLine + (long) lineCount > target.lines()) {
            throw new IndexOutOfBoundsException("band " + band + ", lines " + firstLine + "+" + lineCount
                    + " outside the cube of " + target.bands() + " bands x " + target.lines() + " lines");
        }
        return ByteBuffer.allocate(values * target.type().bytes()).order(order);
    }

    private void write(ByteBuffer buf, long start) throws SpectralFileException {
        buf.flip();
        long position = start;
        try {
            while (buf.hasRemaining()) {
                position += channel.write(buf, position);
            }
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** Flushes what was written to disk (visible to other hosts of a shared file system) and closes the file. */
    @Override
    public void close() throws SpectralFileException {
        try (FileChannel c = channel) {
            c.force(false);
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot write: " + e.getMessage(), e);
        }
    }
}
