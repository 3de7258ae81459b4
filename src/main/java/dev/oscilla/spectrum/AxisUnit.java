package dev.oscilla.spectrum;

import java.util.Locale;
import java.util.Optional;

/** Units a spectral axis may come in. Oscilla works in wavenumbers (cm^-1) internally. */
public enum AxisUnit {
    WAVENUMBER("cm^-1"),
    MICROMETRE("um"),
    NANOMETRE("nm");

    private final String symbol;

    AxisUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Converts one axis value in this unit to cm^-1 (1e4 / um, 1e7 / nm). */
    public double toWavenumber(double value) {
        switch (this) {
            case MICROMETRE:
                return 1e4 / value;
            case NANOMETRE:
                return 1e7 / value;
            default:
                return value;
        }
    }

    /** Parses a user option: cm-1, wavenumber, um, micron, nm ... */
    public static AxisUnit parse(String text) {
        return fromHeader(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown axis unit '" + text + "' (expected cm-1, um or nm)"));
    }

    /**
     * Recognises a unit from a column header such as "Wavenumber (cm-1)", "wavelength_um", "Micron",
     * "lambda [nm]". Empty when the header names no unit.
     */
    public static Optional<AxisUnit> fromHeader(String header) {
        String h = header.toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
        if (h.contains("wavenumber") || h.contains("cm-1") || h.contains("cm^-1") || h.contains("1/cm")
                || h.contains("cm−1") || h.matches(".*\\bwn\\b.*") || h.contains("cm_1")) {
            return Optional.of(WAVENUMBER);
        }
        if (h.contains("micron") || h.contains("micrometer") || h.contains("micrometre")
                || h.matches(".*(\\b|_)um(\\b|_).*")) {
            return Optional.of(MICROMETRE);
        }
        if (h.contains("nanomet") || h.matches(".*(\\b|_)nm(\\b|_).*")) {
            return Optional.of(NANOMETRE);
        }
        return Optional.empty();
    }
}
