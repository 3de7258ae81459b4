package dev.oscilla.io.envi;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wavelength units} an ENVI header may name (the list in ENVI's header documentation), with the
 * conversion of an axis value to a wavenumber in cm^-1.
 */
public enum EnviWavelengthUnit {
    MICROMETERS("Micrometers", "micrometres"),
    NANOMETERS("Nanometers", "nanometres"),
    MILLIMETERS("Millimeters", "millimetres"),
    CENTIMETERS("Centimeters", "centimetres"),
    METERS("Meters", "metres"),
    WAVENUMBER("Wavenumber", "wavenumbers (cm^-1)"),
    ANGSTROMS("Angstroms", "angstroms"),
    GHZ("GHz", "GHz"),
    MHZ("MHz", "MHz"),
    /** The axis is band numbers, not a spectral quantity. */
    INDEX("Index", "band numbers"),
    /** The header says the unit is unknown. */
    UNKNOWN("Unknown", "an unknown unit");

    /** Speed of light in cm per second: a frequency f (Hz) is the wavenumber f / c (cm^-1). */
    private static final double LIGHT_CM_PER_S = 2.99792458e10;

    private final String headerName;
    private final String description;

    EnviWavelengthUnit(String headerName, String description) {
        this.headerName = headerName;
        this.description = description;
    }

    /** The spelling written into headers. */
    public String headerName() {
        return headerName;
    }

    /** For notes: "axis in micrometres converted ...". */
    public String description() {
        return description;
    }

    /** True for the units that convert to a wavenumber. */
    public boolean isSpectral() {
        return this != INDEX && this != UNKNOWN;
    }

    /** One axis value in this unit as a wavenumber, cm^-1. */
    public double toWavenumber(double v) {
        switch (this) {
            case MICROMETERS:
                return 1e4 / v;
            case NANOMETERS:
                return 1e7 / v;
            case MILLIMETERS:
                return 10 / v;
            case CENTIMETERS:
                return 1 / v;
            case METERS:
                return 0.01 / v;
            case ANGSTROMS:
                return 1e8 / v;
            case GHZ:
                return v * 1e9 / LIGHT_CM_PER_S;
            case MHZ:
                return v * 1e6 / LIGHT_CM_PER_S;
            case WAVENUMBER:
                return v;
            default:
                throw new IllegalStateException("an axis in " + description + " has no wavenumber");
        }
    }

    /** A wavenumber (cm^-1) in this unit: the inverse of {@link #toWavenumber}. */
    public double fromWavenumber(double wavenumber) {
        switch (this) {
            case GHZ:
                return wavenumber * LIGHT_CM_PER_S / 1e9;
            case MHZ:
                return wavenumber * LIGHT_CM_PER_S / 1e6;
            case WAVENUMBER:
                return wavenumber;
            default:
                // the reciprocal units are their own inverse: 1e4 / (1e4 / v) = v
                return toWavenumber(wavenumber);
        }
    }

    /**
     * Recognises the spellings seen in headers: "Micrometers", "microns", "um", "µm", "Nanometers", "nm",
     * "Wavenumber", "cm-1", "1/cm", ...; empty when the text names no known unit.
     */
    public static Optional<EnviWavelengthUnit> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u').replace(" ", "");
        switch (t) {
            case "micrometers": case "micrometer": case "micrometres": case "micrometre": case "microns":
            case "micron": case "um":
                return Optional.of(MICROMETERS);
            case "nanometers": case "nanometer": case "nanometres": case "nanometre": case "nm":
                return Optional.of(NANOMETERS);
            case "millimeters": case "millimeter": case "millimetres": case "millimetre": case "mm":
                return Optional.of(MILLIMETERS);
            case "centimeters": case "centimeter": case "centimetres": case "centimetre": case "cm":
                return Optional.of(CENTIMETERS);
            case "meters": case "meter": case "metres": case "metre": case "m":
                return Optional.of(METERS);
            case "wavenumber": case "wavenumbers": case "cm-1": case "cm^-1": case "1/cm": case "inversecentimeters":
                return Optional.of(WAVENUMBER);
            case "angstroms": case "angstrom": case "a":
                return Optional.of(ANGSTROMS);
            case "ghz":
                return Optional.of(GHZ);
            case "mhz":
                return Optional.of(MHZ);
            case "index":
                return Optional.of(INDEX);
            case "unknown": case "":
                return Optional.of(UNKNOWN);
            default:
                return Optional.empty();
        }
    }

    /** The ENVI unit of an Oscilla axis unit. */
    public static EnviWavelengthUnit of(dev.oscilla.spectrum.AxisUnit unit) {
        switch (unit) {
            case MICROMETRE:
                return MICROMETERS;
            case NANOMETRE:
                return NANOMETERS;
            default:
                return WAVENUMBER;
        }
    }
}
