package dev.oscilla.ui.mineral;

import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;

/** Readable names of a model's parameters: "Mode 2 band 3 ω₀", or "Band 3 ω₀" for a one-mode model. */
public final class ParameterNames {

    private ParameterNames() {
    }

    /** The symbol of a kind: ω₀, S, γ, ε∞, weight. */
    public static String symbol(ParameterKind kind) {
        switch (kind) {
            case OMEGA0:
                return "\u03c9\u2080";
            case STRENGTH:
                return "S";
            case GAMMA:
                return "\u03b3";
            case EPS_INF:
                return "\u03b5\u221e";
            default:
                return "weight";
        }
    }

    /** The symbol with its unit, for table rows: "ω₀ (cm⁻¹)". */
    public static String label(ParameterKind kind) {
        return kind == ParameterKind.OMEGA0 ? symbol(kind) + " (cm\u207b\u00b9)" : symbol(kind);
    }

    public static String describe(ParameterLayout layout, int index) {
        int mode = layout.modeOf(index);
        int osc = layout.oscillatorOf(index);
        ParameterKind kind = layout.kindOf(index);
        String prefix = layout.modeCount() > 1 ? "Mode " + (mode + 1) + (osc >= 0 ? " band " + (osc + 1) : "")
                : osc >= 0 ? "Band " + (osc + 1) : "Mode 1";
        return prefix + " " + symbol(kind);
    }
}
