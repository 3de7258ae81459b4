package dev.oscilla.ui.fit;

import dev.oscilla.physics.ParameterKind;
import dev.oscilla.ui.common.NumberField;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One parameter of the fitted model in the Fit view's table: its value as a knob (slider + exact field, the same
 * knob as in the Explore view), a lock, its bounds and, after a fit, its standard error. Identified by its index in
 * the model's flat parameter vector; the view-model rebuilds the rows when the model's structure changes.
 */
public final class ParameterRow {

    private final int index;
    private final ParameterKind kind;
    private final int mode;
    private final int oscillator;
    private final String group;
    private final String label;
    private final NumberField value;
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked");
    private final BoundField lower;
    private final BoundField upper;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper correlated = new ReadOnlyBooleanWrapper(this, "correlated");

    ParameterRow(int index, ParameterKind kind, int mode, int oscillator, String group, String label,
                 NumberField value, BoundField lower, BoundField upper) {
        this.index = index;
        this.kind = kind;
        this.mode = mode;
        this.oscillator = oscillator;
        this.group = group;
        this.label = label;
        this.value = value;
        this.lower = lower;
        this.upper = upper;
    }

    /** Index in the flat parameter vector ({@link dev.oscilla.physics.ParameterLayout}). */
    public int index() {
        return index;
    }

    public ParameterKind kind() {
        return kind;
    }

    public int mode() {
        return mode;
    }

    /** The oscillator within its mode, -1 for eps_inf and weight. */
    public int oscillator() {
        return oscillator;
    }

    /** What the parameter belongs to, shown on the first row of its group: "Mode 1", "Band 3". */
    public String group() {
        return group;
    }

    /** "ω₀ (cm⁻¹)", "S", "γ", "ε∞", "weight". */
    public String label() {
        return label;
    }

    public NumberField value() {
        return value;
    }

    /** Held at its value by a re-fit (not part of the model: a setting of the next re-fit). */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    public BoundField lower() {
        return lower;
    }

    public BoundField upper() {
        return upper;
    }

    /** "± 0.0012" after a fit of the model as shown; "locked", "at bound", "fixed" or empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String text) {
        error.set(text);
    }

    /** True when the last fit found this parameter strongly correlated (|r| > 0.95) with another. */
    public ReadOnlyBooleanProperty correlatedProperty() {
        return correlated.getReadOnlyProperty();
    }

    void setCorrelated(boolean value) {
        correlated.set(value);
    }
}
