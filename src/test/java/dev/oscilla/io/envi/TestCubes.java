package dev.oscilla.io.envi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes ENVI cubes byte by byte for the reader tests, independently of the project's writer: any data type,
 * interleave, byte order and header offset, values given by a function of (line, sample, band).
 */
final class TestCubes {

    interface Values {
        double at(int line, int sample, int band);
    }

    private TestCubes() {
    }

    /** Writes {@code name.img} (with {@code offset} junk bytes first) and returns its path; the header is the caller's. */
    static Path data(Path dir, String name, int lines, int samples, int bands, int typeCode, String interleave,
                     ByteOrder order, int offset, Values values) throws IOException {
        EnviDataType type = EnviDataType.ofCode(typeCode).orElseThrow();
        ByteBuffer buf = ByteBuffer.allocate(offset + lines * samples * bands * type.bytes()).order(order);
        for (int i = 0; i < offset; i++) {
            buf.put((byte) 0x5A);
        }
        switch (interleave) {
            case "bsq":
                for (int b = 0; b < bands; b++) {
                    for (int l = 0; l < lines; l++) {
                        for (int s = 0; s < samples; s++) {
                            put(buf, type, values.at(l, s, b));
                        }
                    }
                }
                break;
            case "bil":
                for (int l = 0; l < lines; l++) {
                    for (int b = 0; b < bands; b++) {
                        for (int s = 0; s < samples; s++) {
                            put(buf, type, values.at(l, s, b));
                        }
                    }
                }
                break;
            default:
                for (int l = 0; l < lines; l++) {
                    for (int s = 0; s < samples; s++) {
                        for (int b = 0; b < bands; b++) {
                            put(buf, type, values.at(l, s, b));
                        }
                    }
                }
                break;
        }
        Path file = dir.resolve(name + ".img");
        Files.write(file, buf.array());
        return file;
    }

    static void put(ByteBuffer buf, EnviDataType type, double v) {
        switch (type) {
            case UINT8:
                buf.put((byte) (long) v);
                break;
            case INT16:
            case UINT16:
                buf.putShort((short) (long) v);
                break;
            case INT32:
            case UINT32:
                buf.putInt((int) (long) v);
                break;
            case FLOAT32:
                buf.putFloat((float) v);
                break;
            case FLOAT64:
                buf.putDouble(v);
                break;
            case INT64:
                buf.putLong((long) v);
                break;
            default:
                // UINT64: values beyond 2^63 via their two's complement bits
                buf.putLong(v >= 9.223372036854775807e18 ? (long) (v - 1.8446744073709552e19) : (long) v);
                break;
        }
    }

    /** A standard header for a test cube (more lines appended verbatim). */
    static Path header(Path dir, String name, int lines, int samples, int bands, int typeCode, String interleave,
                       ByteOrder order, int offset, String... more) throws IOException {
        StringBuilder sb = new StringBuilder("ENVI\n");
        sb.append("samples = ").append(samples).append('\n');
        sb.append("lines = ").append(lines).append('\n');
        sb.append("bands = ").append(bands).append('\n');
        sb.append("header offset = ").append(offset).append('\n');
        sb.append("data type = ").append(typeCode).append('\n');
        sb.append("interleave = ").append(interleave).append('\n');
        sb.append("byte order = ").append(order == ByteOrder.BIG_ENDIAN ? 1 : 0).append('\n');
        for (String m : more) {
            sb.append(m).append('\n');
        }
        Path file = dir.resolve(name + ".hdr");
        Files.writeString(file, sb.toString());
        return file;
    }
}
