package dev.oscilla.unmix;

import java.util.Locale;

/** Unmixing methods. */
public enum UnmixMethod {
    /** Fully constrained least squares: x >= 0, sum x = 1 (exact active-set solution). */
    FCLS("fcls"),
    /** Non-negative least squares: x >= 0. */
    NNLS("nnls"),
    /** Ordinary least squares, no constraints. */
    LS("ls"),
    /** Analysis-by-synthesis: abundances and every mineral's oscillator parameters, within bounds. */
    ABS("abs"),
    /** Inverse rendering: the trained network's prediction. */
    IR("ir"),
    /** The network's prediction warm-starts analysis-by-synthesis. */
    IR_ABS("ir+abs");

    private final String label;

    UnmixMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isLinear() {
        return this == FCLS || this == NNLS || this == LS;
    }

    public static UnmixMethod parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (UnmixMethod m : values()) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        if (t.equals("unconstrained")) {
            return LS;
        }
        throw new IllegalArgumentException("unknown method '" + text + "' (expected fcls, nnls, ls, abs, ir or ir+abs)");
    }
}
