package dev.oscilla.spectrum;

/** What a spectrum's values measure. */
public enum SpectrumKind {
    EMISSIVITY,
    REFLECTANCE,
    /** Not stated by the source; treated as emissivity by the fitter unless told otherwise. */
    UNKNOWN
}
