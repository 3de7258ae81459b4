package dev.oscilla.ui.explore;

import dev.oscilla.physics.Mode;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.mineral.ParameterKnobs;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One mode (crystal axis) section of the Explore editor: eps_inf, weight, and its band rows. */
public final class ModeModel {

    private final int index;
    private final NumberField epsInf;
    private final NumberField weight;
    private final ReadOnlyStringWrapper share = new ReadOnlyStringWrapper(this, "share", "");
    private final ReadOnlyBooleanWrapper removable = new ReadOnlyBooleanWrapper(this, "removable");
    private final ObservableList<OscillatorModel> oscillators = FXCollections.observableArrayList();

    ModeModel(int index, ExploreViewModel owner) {
        this.index = index;
        epsInf = ParameterKnobs.create(ParameterKind.EPS_INF,
                (v, key) -> owner.editMode(index, ParameterKind.EPS_INF, v, key));
        weight = ParameterKnobs.weight(v -> owner.weightProblem(index, v),
                (v, key) -> owner.editMode(index, ParameterKind.WEIGHT, v, key));
    }

    void show(Mode mode, double totalWeight, boolean canRemove) {
        epsInf.show(mode.epsInf());
        weight.show(mode.weight());
        double fraction = totalWeight > 0 ? mode.weight() / totalWeight : Double.NaN;
        share.set(Double.isNaN(fraction) ? "" : Numbers.format(100 * fraction, 3) + " % of the spectrum");
        removable.set(canRemove);
    }

    public int index() {
        return index;
    }

    /** "Mode 1" (1-based). */
    public String title() {
        return "Mode " + (index + 1);
    }

    public NumberField epsInf() {
        return epsInf;
    }

    public NumberField weight() {
        return weight;
    }

    /** This mode's share of the mineral spectrum (weights are normalised on use): "66.7 % of the spectrum". */
    public ReadOnlyStringProperty shareProperty() {
        return share.getReadOnlyProperty();
    }

    /** False for the last remaining mode (a mineral keeps at least one). */
    public ReadOnlyBooleanProperty removableProperty() {
        return removable.getReadOnlyProperty();
    }

    public ObservableList<OscillatorModel> oscillators() {
        return oscillators;
    }
}
