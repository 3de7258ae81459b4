package dev.oscilla.physics;

/** The five kinds of parameter of the dispersion model, with their units and display names. */
public enum ParameterKind {
    /** High-frequency dielectric constant of a mode, dimensionless. */
    EPS_INF("eps_inf", ""),
    /** A mode's weight in the mineral average, dimensionless. */
    WEIGHT("weight", ""),
    /** Resonant wavenumber of an oscillator, cm^-1. */
    OMEGA0("omega0", "cm^-1"),
    /** Oscillator strength S = 4*pi*rho, dimensionless. */
    STRENGTH("S", ""),
    /** Damping as a fraction of omega0, dimensionless. */
    GAMMA("gamma", "");

    private final String label;
    private final String unit;

    ParameterKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** True for the three per-oscillator kinds. */
    public boolean isOscillatorKind() {
        return this == OMEGA0 || this == STRENGTH || this == GAMMA;
    }
}
