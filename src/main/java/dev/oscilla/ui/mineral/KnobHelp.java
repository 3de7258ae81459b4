package dev.oscilla.ui.mineral;

/**
 * What each knob does physically, shown as tooltips wherever a mineral's parameters are edited (the Explore view,
 * the teaching part of the workbench, and the Fit view's parameter table).
 * Conventions as in DESIGN.md section 1: omega0 in cm^-1, S = 4*pi*rho, gamma as a fraction of omega0.
 */
public final class KnobHelp {

    private KnobHelp() {
    }

    public static final String OMEGA0 = "\u03c9\u2080, band position (cm\u207b\u00b9): the resonant wavenumber of this lattice "
            + "vibration. Moving it slides the band along the spectrum; the reflectance peak (emissivity trough) "
            + "sits just above \u03c9\u2080, between \u03c9\u2080 and the longitudinal frequency.";

    public static final String STRENGTH_S = "S = 4\u03c0\u03c1, band strength: how strongly this vibration couples to light. "
            + "Larger S makes the band deeper and wider (a broader reststrahlen band of high reflectance, low "
            + "emissivity). S is what Oscilla stores.";

    public static final String STRENGTH_RHO = "\u03c1, the textbook oscillator strength (\u03c1 = S / 4\u03c0): how strongly "
            + "this vibration couples to light. Larger \u03c1 makes the band deeper and wider.";

    public static final String GAMMA = "\u03b3, damping as a fraction of \u03c9\u2080: how quickly the vibration loses "
            + "energy. Larger \u03b3 gives a broader, shallower, rounder band; the band's full width is about "
            + "\u03b3\u00b7\u03c9\u2080 cm\u207b\u00b9 (shown on the right).";

    public static final String WIDTH = "Implied full width of the band, \u03b3\u00b7\u03c9\u2080 in cm\u207b\u00b9.";

    public static final String EPS_INF = "\u03b5\u221e, high-frequency dielectric constant: the electronic background the "
            + "lattice bands sit on (n\u00b2 far above all bands, about 2.3 for quartz). Raising it lifts reflectance "
            + "and lowers emissivity everywhere, most clearly away from the bands.";

    public static final String WEIGHT = "Weight of this mode: the share of this crystal axis in the measured spectrum. "
            + "A uniaxial mineral such as quartz has an ordinary ray (weight 2/3) and an extraordinary ray (1/3); "
            + "weights are normalised to sum to 1.";

    public static final String MODE = "A mode is one crystal axis (1 for isotropic, 2 for uniaxial, 3 for biaxial minerals), "
            + "with its own \u03b5\u221e and its own set of bands; the mineral's spectrum is the weighted average.";

    public static final String STRENGTH_TOGGLE = "Show band strengths as S = 4\u03c0\u03c1 (what library files store) or as "
            + "the textbook \u03c1.";

    /** The explanation of one kind of parameter (the strength as S). */
    public static String of(dev.oscilla.physics.ParameterKind kind) {
        switch (kind) {
            case OMEGA0:
                return OMEGA0;
            case STRENGTH:
                return STRENGTH_S;
            case GAMMA:
                return GAMMA;
            case EPS_INF:
                return EPS_INF;
            default:
                return WEIGHT;
        }
    }
}
