package dev.oscilla.ui.fit;

import dev.oscilla.ui.common.Numbers;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One end of a parameter's fit bounds as a text field: the stored bound, or empty when the model stores none (the
 * fitter's physical default then applies and is shown as the prompt). Typing a number sets the bound, clearing the
 * text goes back to the default; both on commit (Enter or focus loss), as one undoable edit. UI-thread confined.
 */
public final class BoundField {

    private static final int DIGITS = 6;

    private final DoubleFunction<String> validator;
    private final Consumer<OptionalDouble> editor;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final ReadOnlyBooleanWrapper textValid = new ReadOnlyBooleanWrapper(this, "textValid", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private String shown = "";

    /**
     * @param validator problem with a typed bound (null when acceptable)
     * @param editor    receives the new bound, or empty for "back to the default"
     */
    BoundField(DoubleFunction<String> validator, Consumer<OptionalDouble> editor) {
        this.validator = Objects.requireNonNull(validator);
        this.editor = Objects.requireNonNull(editor);
        text.addListener((obs, old, now) -> validate(now));
    }

    /** Presents the stored bound (NaN: none stored) and the default that applies without one. */
    void show(double stored, double fallback) {
        shown = Double.isNaN(stored) ? "" : Numbers.format(stored, DIGITS);
        text.set(shown);
        prompt.set(Double.isNaN(fallback) ? "" : Numbers.format(fallback, DIGITS));
    }

    /** Applies the typed text when it changed and is acceptable; reverts it otherwise. */
    public void commit() {
        String t = text.get() == null ? "" : text.get().trim();
        if (t.equals(shown)) {
            return;
        }
        if (t.isEmpty()) {
            editor.accept(OptionalDouble.empty());
            return;
        }
        OptionalDouble v = Numbers.parse(t);
        if (v.isEmpty() || validator.apply(v.getAsDouble()) != null) {
            revert();
            return;
        }
        editor.accept(v);
    }

    public void revert() {
        text.set(shown);
    }

    private void validate(String now) {
        String t = now == null ? "" : now.trim();
        String message = null;
        if (!t.isEmpty()) {
            OptionalDouble v = Numbers.parse(t);
            message = v.isEmpty() ? "not a number" : validator.apply(v.getAsDouble());
        }
        textValid.set(message == null);
        problem.set(message == null ? "" : message);
    }

    /** The field's text; bind bidirectionally to a TextField. */
    public StringProperty textProperty() {
        return text;
    }

    /** The default bound that applies while the text is empty (the field's prompt text). */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty textValidProperty() {
        return textValid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
