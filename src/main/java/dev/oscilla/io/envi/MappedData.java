package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The binary data of an ENVI file, memory-mapped read-only in chunks of {@value #CHUNK_BYTES} bytes (a single
 * mapping is limited to 2 GiB; cubes of 10^8 spectra are tens of GB). The chunks are counted from the start of
 * the data (after the header offset) and are a multiple of 8 bytes long, so no value straddles two chunks. Pages are
 * loaded by the operating system as they are read: the Java heap holds nothing of the data, whatever its size.
 * Reads are absolute and safe from several threads.
 */
final class MappedData implements AutoCloseable {

    /** 1 GiB: a multiple of every value size, well below the 2 GiB limit of one mapping. */
    static final int CHUNK_SHIFT = 30;
    static final long CHUNK_BYTES = 1L << CHUNK_SHIFT;
    private static final long CHUNK_MASK = CHUNK_BYTES - 1;

    private final FileChannel channel;
    private final MappedByteBuffer[] chunks;
    private final EnviDataType type;
    private final int bytes;

    /**
     * Maps {@code length} bytes from {@code offset}.
     *
     * @throws SpectralFileException when the file cannot be opened or mapped
     */
    MappedData(Path file, long offset, long length, ByteOrder order, EnviDataType type) throws SpectralFileException {
        this.type = type;
        this.bytes = type.bytes();
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot open: " + e.getMessage(), e);
        }
        try {
            int n = (int) ((length + CHUNK_BYTES - 1) >>> CHUNK_SHIFT);
            chunks = new MappedByteBuffer[n];
            for (int k = 0; k < n; k++) {
                long start = offset + ((long) k << CHUNK_SHIFT);
                long size = Math.min(CHUNK_BYTES, length - ((long) k << CHUNK_SHIFT));
                MappedByteBuffer b = channel.map(FileChannel.MapMode.READ_ONLY, start, size);
                b.order(order);
                chunks[k] = b;
            }
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the mapping error is what matters
            }
            throw new SpectralFileException(file, "cannot map the data: " + e.getMessage(), e);
        }
    }

    /** The stored value at value index {@code index} (counted in values from the start of the data). */
    double read(long index) {
        long pos = index * bytes;
        return type.read(chunks[(int) (pos >>> CHUNK_SHIFT)], (int) (pos & CHUNK_MASK));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose; the mappings stay valid until collected
        }
    }
}
