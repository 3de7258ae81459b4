package dev.oscilla.io.envi;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The ENVI {@code data type} codes Oscilla reads (every real-valued one) and writes (float32, float64, byte).
 * Complex data (codes 6 and 9) is not a spectrum and is refused by name.
 */
public enum EnviDataType {
    /** 1: unsigned 8-bit integer. */
    UINT8(1, 1, false),
    /** 2: signed 16-bit integer. */
    INT16(2, 2, false),
    /** 3: signed 32-bit integer. */
    INT32(3, 4, false),
    /** 4: 32-bit IEEE float. */
    FLOAT32(4, 4, true),
    /** 5: 64-bit IEEE float. */
    FLOAT64(5, 8, true),
    /** 12: unsigned 16-bit integer. */
    UINT16(12, 2, false),
    /** 13: unsigned 32-bit integer. */
    UINT32(13, 4, false),
    /** 14: signed 64-bit integer. */
    INT64(14, 8, false),
    /** 15: unsigned 64-bit integer. */
    UINT64(15, 8, false);

    private final int code;
    private final int bytes;
    private final boolean floating;

    EnviDataType(int code, int bytes, boolean floating) {
        this.code = code;
        this.bytes = bytes;
        this.floating = floating;
    }

    /** The header's {@code data type} number. */
    public int code() {
        return code;
    }

    /** Bytes per value. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloating() {
        return floating;
    }

    /** The type of a {@code data type} code, empty for codes that are not real-valued types. */
    public static Optional<EnviDataType> ofCode(long code) {
        for (EnviDataType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Why a code cannot be read, for the message naming the header line. */
    static String unsupported(long code) {
        if (code == 6 || code == 9) {
            return "data type " + code + " is complex (" + (code == 6 ? "2 x float32" : "2 x float64")
                    + "); spectra are real-valued";
        }
        return "data type " + code + " is not an ENVI data type (1, 2, 3, 4, 5, 12, 13, 14 or 15)";
    }

    /** The value at byte {@code index} of {@code buffer} (in the buffer's byte order), as a double. */
    double read(ByteBuffer buffer, int index) {
        switch (this) {
            case UINT8:
                return buffer.get(index) & 0xFF;
            case INT16:
                return buffer.getShort(index);
            case INT32:
                return buffer.getInt(index);
            case FLOAT32:
                return buffer.getFloat(index);
            case FLOAT64:
                return buffer.getDouble(index);
            case UINT16:
                return buffer.getShort(index) & 0xFFFF;
            case UINT32:
                return buffer.getInt(index) & 0xFFFFFFFFL;
            case INT64:
                return buffer.getLong(index);
            case UINT64:
                return unsignedToDouble(buffer.getLong(index));
            default:
                throw new AssertionError(this);
        }
    }

    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        // the top bit set: halve (keeping the lowest bit for rounding), convert, double
        return ((v >>> 1) | (v & 1)) * 2.0;
    }

    /**
     * {@code value} as it reads back after being stored in this type (float32 rounding; integers only when whole
     * and in range, else NaN, which no stored value equals). Used to compare a header's {@code data ignore value}
     * with stored values.
     */
    double asStored(double value) {
        switch (this) {
            case FLOAT32:
                return (float) value;
            case FLOAT64:
                return value;
            default:
                if (value != Math.rint(value)) {
                    return Double.NaN;
                }
                double lo;
                double hi;
                switch (this) {
                    case UINT8: lo = 0; hi = 255; break;
                    case INT16: lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; break;
                    case UINT16: lo = 0; hi = 65535; break;
                    case INT32: lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; break;
                    case UINT32: lo = 0; hi = 4294967295.0; break;
                    case INT64: lo = -9.223372036854775808e18; hi = 9.223372036854775807e18; break;
                    default: lo = 0; hi = 1.8446744073709552e19; break;
                }
                return value >= lo && value <= hi ? value : Double.NaN;
        }
    }
}
