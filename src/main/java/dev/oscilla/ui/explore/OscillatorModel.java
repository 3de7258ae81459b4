package dev.oscilla.ui.explore;

import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.Numbers;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One oscillator (band) row of the Explore editor: three knobs and the implied band width. Identified by its
 * position (mode, index) in the mineral; the view-model rebuilds rows when the structure changes.
 */
public final class OscillatorModel {

    /** omega0 slider range when no axis is known, cm^-1. */
    static final double OMEGA_SLIDER_MIN = 200;
    static final double OMEGA_SLIDER_MAX = 2000;
    /** S = 4*pi*rho slider range (logarithmic): 1e-4 (barely visible) to 10 (far stronger than any silicate). */
    static final double STRENGTH_SLIDER_MIN = 1e-4;
    static final double STRENGTH_SLIDER_MAX = 10;
    /** gamma slider range (logarithmic): 0.1 % to 100 % of omega0. */
    static final double GAMMA_SLIDER_MIN = 1e-3;
    static final double GAMMA_SLIDER_MAX = 1;

    private final int mode;
    private final int index;
    private final NumberField omega0;
    private final NumberField strength;
    private final NumberField gamma;
    private final ReadOnlyStringWrapper width = new ReadOnlyStringWrapper(this, "width", "");
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(this, "selected");
    private Oscillator shown;

    OscillatorModel(int mode, int index, ExploreViewModel owner) {
        this.mode = mode;
        this.index = index;
        omega0 = new NumberField("omega0", v -> v > 0 && v < 1e5 ? null : "must be between 0 and 100000 cm^-1",
                (v, key) -> owner.editOscillator(mode, index, ParameterKind.OMEGA0, v, key),
                NumberField.SliderScale.LINEAR, OMEGA_SLIDER_MIN, OMEGA_SLIDER_MAX);
        strength = new NumberField("strength", v -> v >= 0 && v < 1e4 ? null : "must be between 0 and 10000",
                (v, key) -> owner.editOscillator(mode, index, ParameterKind.STRENGTH, v, key),
                NumberField.SliderScale.LOG10, STRENGTH_SLIDER_MIN, STRENGTH_SLIDER_MAX);
        gamma = new NumberField("gamma", v -> v > 0 && v <= 10 ? null : "must be > 0 and at most 10",
                (v, key) -> owner.editOscillator(mode, index, ParameterKind.GAMMA, v, key),
                NumberField.SliderScale.LOG10, GAMMA_SLIDER_MIN, GAMMA_SLIDER_MAX);
    }

    void show(Oscillator o) {
        if (o.equals(shown)) {
            return; // unchanged: re-presenting every row after each edit must stay cheap
        }
        shown = o;
        omega0.show(o.omega0());
        strength.show(o.strength());
        gamma.show(o.gamma());
        width.set(Numbers.format(o.widthCm(), 3) + " cm\u207b\u00b9");
    }

    void setSelected(boolean value) {
        selected.set(value);
    }

    public int mode() {
        return mode;
    }

    public int index() {
        return index;
    }

    /** "Band 3" (1-based, within its mode). */
    public String label() {
        return "Band " + (index + 1);
    }

    /** Band position omega0, cm^-1. */
    public NumberField omega0() {
        return omega0;
    }

    /** Band strength, shown as S = 4*pi*rho or as rho (see {@link ExploreViewModel#showRhoProperty()}). */
    public NumberField strength() {
        return strength;
    }

    /** Damping gamma, a fraction of omega0. */
    public NumberField gamma() {
        return gamma;
    }

    /** The implied full width gamma*omega0, e.g. "7.61 cm⁻¹". */
    public ReadOnlyStringProperty widthProperty() {
        return width.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
