package dev.oscilla.spectrum;

import java.util.Locale;
import java.util.Optional;

/**
 * What a spectrum's values measure. Readers record it from the file (a header, a units line, the format's
 * convention) and convert percent to fractions, so every value of an emissivity, reflectance or transmittance
 * spectrum is a fraction. Only emissivity and reflectance are outputs of the forward model; fitting and unmixing
 * refuse the others ({@link #requireModelled(String)}).
 */
public enum SpectrumKind {
    /** Emissivity (fraction; 1 for a blackbody). */
    EMISSIVITY("emissivity", true),
    /** Reflectance (fraction): bidirectional, hemispherical or specular, as the source measured it. */
    REFLECTANCE("reflectance", true),
    /** Transmittance (fraction) of a sample, e.g. a KBr pellet or a film; not modelled by Oscilla. */
    TRANSMITTANCE("transmittance", false),
    /** Absorbance, -log10(transmittance) or a processed absorbance-like signal; not modelled by Oscilla. */
    ABSORBANCE("absorbance", false),
    /**
     * A signal in arbitrary units: detector counts, single-beam intensity, Raman intensity, Kubelka-Munk units;
     * not modelled by Oscilla.
     */
    INTENSITY("intensity", false),
    /** Not stated by the source; treated as emissivity by the fitter unless told otherwise. */
    UNKNOWN("unknown", true);

    private final String label;
    private final boolean modelled;

    SpectrumKind(String label, boolean modelled) {
        this.label = label;
        this.modelled = modelled;
    }

    /** Lower-case name as written in reports and files ("emissivity", "transmittance", ...). */
    public String label() {
        return label;
    }

    /**
     * True when the forward model can produce this quantity (emissivity, reflectance) or when it is unknown
     * (taken as emissivity, as the bundled formats of thermal-emission data are).
     */
    public boolean isModelled() {
        return modelled;
    }

    /**
     * Throws when a spectrum of this kind cannot be fitted or unmixed with the forward model, with a one-line reason
     * that names the spectrum and the override.
     *
     * @throws IllegalArgumentException for transmittance, absorbance and intensity
     */
    public void requireModelled(String spectrumName) {
        if (!modelled) {
            throw new IllegalArgumentException("spectrum '" + spectrumName + "' is " + label + ", which the"
                    + " Lorentz-oscillator model does not produce (it renders emissivity and reflectance); if the file"
                    + " mislabels it, read it with the quantity set to emissivity or reflectance (--quantity)");
        }
    }

    /**
     * Parses a user's choice: emissivity, reflectance, transmittance, absorbance or intensity (also e, r, t, a and
     * a few spellings such as emittance, reflectivity, counts); empty for anything else.
     */
    public static Optional<SpectrumKind> parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "e":
            case "emissivity":
            case "emittance":
            case "emission":
                return Optional.of(EMISSIVITY);
            case "r":
            case "reflectance":
            case "reflectivity":
                return Optional.of(REFLECTANCE);
            case "t":
            case "transmittance":
            case "transmission":
                return Optional.of(TRANSMITTANCE);
            case "a":
            case "absorbance":
            case "absorption":
                return Optional.of(ABSORBANCE);
            case "intensity":
            case "counts":
            case "arbitrary":
                return Optional.of(INTENSITY);
            default:
                return Optional.empty();
        }
    }
}
