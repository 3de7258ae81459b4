package dev.oscilla.physics;

/**
 * The outputs of the forward model. For a mineral with several modes each quantity is the weight-averaged
 * mode value (for n, k, eps1 and eps2 that average is a display convention; evaluate a single mode for
 * the optical constants of one crystal axis).
 */
public enum Quantity {
    /** Emissivity E = 1 - R (Kirchhoff, optically thick), dimensionless. */
    EMISSIVITY("emissivity"),
    /** Normal-incidence Fresnel reflectance R, dimensionless. */
    REFLECTANCE("reflectance"),
    /** Real part of the complex refractive index. */
    N("n"),
    /** Imaginary part of the complex refractive index (extinction coefficient). */
    K("k"),
    /** Real part of the dielectric function, n^2 - k^2. */
    EPS1("eps1"),
    /** Imaginary part of the dielectric function, 2nk. */
    EPS2("eps2");

    private final String label;

    Quantity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a label such as "emissivity", "R" or "eps2", case-insensitively. */
    public static Quantity parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "e":
            case "emis":
            case "emissivity":
                return EMISSIVITY;
            case "r":
            case "refl":
            case "reflectance":
            case "reflectivity":
                return REFLECTANCE;
            case "n":
                return N;
            case "k":
                return K;
            case "eps1":
            case "epsilon1":
                return EPS1;
            case "eps2":
            case "epsilon2":
                return EPS2;
            default:
                throw new IllegalArgumentException("unknown quantity '" + text
                        + "' (expected emissivity, reflectance, n, k, eps1 or eps2)");
        }
    }

    /** The value of this quantity for a parameter-free blackbody (vacuum-like, n = 1, k = 0, R = 0). */
    double blackbodyValue() {
        switch (this) {
            case EMISSIVITY:
            case N:
            case EPS1:
                return 1.0;
            default:
                return 0.0;
        }
    }
}
