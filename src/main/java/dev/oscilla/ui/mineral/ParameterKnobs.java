package dev.oscilla.ui.mineral;

import dev.oscilla.physics.ParameterKind;
import dev.oscilla.ui.common.NumberField;
import java.util.function.DoubleFunction;

/**
 * The knob (slider + exact field) of each kind of parameter, the same in every view that edits a mineral (Explore,
 * Fit): its legal domain, its slider scale and default slider range. Conventions as in DESIGN.md section 1: omega0
 * in cm^-1, S = 4*pi*rho, gamma as a fraction of omega0.
 */
public final class ParameterKnobs {

    /** omega0 slider range when no axis is known, cm^-1 (views narrow it to their wavenumber axis). */
    public static final double OMEGA_SLIDER_MIN = 200;
    public static final double OMEGA_SLIDER_MAX = 2000;
    /** S = 4*pi*rho slider range (logarithmic): 1e-4 (barely visible) to 10 (far stronger than any silicate). */
    public static final double STRENGTH_SLIDER_MIN = 1e-4;
    public static final double STRENGTH_SLIDER_MAX = 10;
    /** gamma slider range (logarithmic): 0.1 % to 100 % of omega0. */
    public static final double GAMMA_SLIDER_MIN = 1e-3;
    public static final double GAMMA_SLIDER_MAX = 1;
    /** eps_inf slider range (linear). */
    public static final double EPS_INF_SLIDER_MIN = 1.0;
    public static final double EPS_INF_SLIDER_MAX = 10.0;

    private ParameterKnobs() {
    }

    /** Why {@code value} is not a legal value of a parameter of this kind, or null (weights: see {@link #weight}). */
    public static String problem(ParameterKind kind, double value) {
        switch (kind) {
            case OMEGA0:
                return value > 0 && value < 1e5 ? null : "must be between 0 and 100000 cm^-1";
            case STRENGTH:
                return value >= 0 && value < 1e4 ? null : "must be between 0 and 10000";
            case GAMMA:
                return value > 0 && value <= 10 ? null : "must be > 0 and at most 10";
            case EPS_INF:
                return value > 0 && value < 1000 ? null : "must be between 0 and 1000";
            default:
                return value >= 0 && value <= 1e6 ? null : "must be between 0 and 1000000";
        }
    }

    /** The knob of an omega0, strength, gamma or eps_inf parameter. */
    public static NumberField create(ParameterKind kind, NumberField.Editor editor) {
        switch (kind) {
            case OMEGA0:
                return new NumberField("omega0", v -> problem(kind, v), editor, NumberField.SliderScale.LINEAR,
                        OMEGA_SLIDER_MIN, OMEGA_SLIDER_MAX);
            case STRENGTH:
                return new NumberField("strength", v -> problem(kind, v), editor, NumberField.SliderScale.LOG10,
                        STRENGTH_SLIDER_MIN, STRENGTH_SLIDER_MAX);
            case GAMMA:
                return new NumberField("gamma", v -> problem(kind, v), editor, NumberField.SliderScale.LOG10,
                        GAMMA_SLIDER_MIN, GAMMA_SLIDER_MAX);
            case EPS_INF:
                return new NumberField("eps_inf", v -> problem(kind, v), editor, NumberField.SliderScale.LINEAR,
                        EPS_INF_SLIDER_MIN, EPS_INF_SLIDER_MAX);
            default:
                throw new IllegalArgumentException("a weight knob needs its mineral's other weights: use weight()");
        }
    }

    /**
     * The knob of a mode weight; {@code validator} sees the whole mineral (at least one mode must keep a positive
     * weight, see {@link MineralEdits#weightProblem}).
     */
    public static NumberField weight(DoubleFunction<String> validator, NumberField.Editor editor) {
        return new NumberField("weight", validator, editor, NumberField.SliderScale.LINEAR, 0.0, 1.0);
    }
}
