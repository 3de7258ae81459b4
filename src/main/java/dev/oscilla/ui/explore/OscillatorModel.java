package dev.oscilla.ui.explore;

import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.mineral.ParameterKnobs;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One oscillator (band) row of the Explore editor: three knobs and the implied band width. Identified by its
 * position (mode, index) in the mineral; the view-model rebuilds rows when the structure changes.
 */
public final class OscillatorModel {

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
        omega0 = ParameterKnobs.create(ParameterKind.OMEGA0,
                (v, key) -> owner.editOscillator(mode, index, ParameterKind.OMEGA0, v, key));
        strength = ParameterKnobs.create(ParameterKind.STRENGTH,
                (v, key) -> owner.editOscillator(mode, index, ParameterKind.STRENGTH, v, key));
        gamma = ParameterKnobs.create(ParameterKind.GAMMA,
                (v, key) -> owner.editOscillator(mode, index, ParameterKind.GAMMA, v, key));
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
