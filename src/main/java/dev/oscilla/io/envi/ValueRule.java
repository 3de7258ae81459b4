package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How a stored value becomes a measured value or "missing" (NaN), per the header: the {@code data ignore value}
 * (compared as stored), NaN and infinities, the bad-value marker of spectral libraries (-1.23e34, USGS and ENVI;
 * anything at or below {@value #BAD_MARKER_AT_OR_BELOW} in floating-point data), then {@code data gain values} /
 * {@code data offset values} per band, or else a {@code reflectance scale factor}.
 */
final class ValueRule {

    /** The USGS/ENVI spectral-library marker is -1.23e34; no measured value comes near it. */
    static final double BAD_MARKER_AT_OR_BELOW = -1.0e34;

    private final EnviDataType type;
    private final double ignoreStored;     // NaN: none
    private final double[] gain;           // per band, null: none
    private final double[] offset;         // per band, null: none
    private final double scale;            // multiplier (1 / reflectance scale factor), 1 when none
    private final List<String> notes;

    private ValueRule(EnviDataType type, double ignoreStored, double[] gain, double[] offset, double scale,
                      List<String> notes) {
        this.type = type;
        this.ignoreStored = ignoreStored;
        this.gain = gain;
        this.offset = offset;
        this.scale = scale;
        this.notes = List.copyOf(notes);
    }

    static ValueRule fromHeader(EnviHeader header, EnviDataType type, int bands) throws SpectralFileException {
        List<String> notes = new ArrayList<>();
        OptionalDouble ignore = header.number("data ignore value");
        double ignoreStored = Double.NaN;
        if (ignore.isPresent()) {
            ignoreStored = type.asStored(ignore.getAsDouble());
            notes.add("values equal to the data ignore value " + EnviHeader.formatNumber(ignore.getAsDouble())
                    + " are missing");
        }
        double[] gain = perBand(header, "data gain values", bands);
        double[] offset = perBand(header, "data offset values", bands);
        double scale = 1;
        if (gain != null || offset != null) {
            if (gain == null) {
                gain = new double[bands];
                java.util.Arrays.fill(gain, 1.0);
            }
            if (offset == null) {
                offset = new double[bands];
            }
            notes.add("values scaled by the header's data gain and offset values");
        } else {
            OptionalDouble factor = header.number("reflectance scale factor");
            if (factor.isPresent() && factor.getAsDouble() != 1.0) {
                if (!(factor.getAsDouble() > 0)) {
                    throw new SpectralFileException(header.file(), header.entry("reflectance scale factor")
                            .orElseThrow().line(), 0, "'reflectance scale factor' must be positive");
                }
                scale = 1 / factor.getAsDouble();
                notes.add(String.format(Locale.ROOT, "values divided by the reflectance scale factor %s",
                        EnviHeader.formatNumber(factor.getAsDouble())));
            }
        }
        return new ValueRule(type, ignoreStored, gain, offset, scale, notes);
    }

    private static double[] perBand(EnviHeader header, String key, int bands) throws SpectralFileException {
        java.util.Optional<double[]> v = header.numbers(key);
        if (v.isEmpty()) {
            return null;
        }
        if (v.get().length != bands) {
            throw new SpectralFileException(header.file(), header.entry(key).orElseThrow().line(), 0, "'" + key
                    + "' lists " + v.get().length + " values for " + bands + " bands");
        }
        return v.get();
    }

    /** The value of a stored number in {@code band}, NaN when it is missing. */
    double apply(double raw, int band) {
        if (raw == ignoreStored || Double.isNaN(raw) || Double.isInfinite(raw)
                || (type.isFloating() && raw <= BAD_MARKER_AT_OR_BELOW)) {
            return Double.NaN;
        }
        if (gain != null) {
            return raw * gain[band] + offset[band];
        }
        return scale == 1 ? raw : raw * scale;
    }

    /** True when a stored value would be missing (before any scaling). */
    boolean isMissing(double raw) {
        return raw == ignoreStored || Double.isNaN(raw) || Double.isInfinite(raw)
                || (type.isFloating() && raw <= BAD_MARKER_AT_OR_BELOW);
    }

    /** The header's ignore value as stored, NaN when there is none. */
    double ignoreStored() {
        return ignoreStored;
    }

    List<String> notes() {
        return notes;
    }
}
