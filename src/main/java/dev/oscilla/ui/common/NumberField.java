package dev.oscilla.ui.common;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * View-model of one numeric knob shown as a slider plus an exact text field (omega0, S, gamma, eps_inf, weight).
 *
 * <p>The value lives in the owner's model; this class only presents it. The owner calls {@link #show} whenever the
 * model changes, and receives edits through its {@link Editor}: from the text field on {@link #commit()}, from
 * the slider on every move. Every move of one slider drag carries the same merge key (a fresh object per drag,
 * while {@link #adjustingProperty()} is true), so the owner's history merges a drag into one undo step.
 *
 * <p>Displayed value = model value * {@link #displayFactor} (used to show rho = S / 4pi instead of S). The slider
 * may be linear or logarithmic in the displayed value; its position and range are properties a Slider binds to.
 */
public final class NumberField {

    /** Receives edits in model units; {@code mergeKey} is non-null while a slider drag is in progress. */
    @FunctionalInterface
    public interface Editor {
        void edit(double modelValue, Object mergeKey);
    }

    /** How the slider maps to the displayed value. */
    public enum SliderScale {
        LINEAR,
        /** Slider position = log10(displayed value): even control over several decades (strengths, damping). */
        LOG10
    }

    private static final int DIGITS = 6;

    private final String name;
    private final DoubleFunction<String> validator;
    private final Editor editor;
    private final SliderScale scale;
    private double sliderMinDisplay;
    private double sliderMaxDisplay;

    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(this, "value", Double.NaN);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyBooleanWrapper textValid = new ReadOnlyBooleanWrapper(this, "textValid", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final DoubleProperty sliderPosition = new SimpleDoubleProperty(this, "sliderPosition");
    private final ReadOnlyDoubleWrapper sliderMin = new ReadOnlyDoubleWrapper(this, "sliderMin");
    private final ReadOnlyDoubleWrapper sliderMax = new ReadOnlyDoubleWrapper(this, "sliderMax");
    private final BooleanProperty adjusting = new SimpleBooleanProperty(this, "adjusting");
    private double displayFactor = 1.0;
    private boolean presenting;
    private Object dragKey;

    /**
     * @param name             short name for messages ("omega0")
     * @param validator        returns a problem text for an unacceptable model value, or null when it is fine
     * @param editor           applies an edit to the owner's model
     * @param scale            slider mapping
     * @param sliderMinDisplay slider range in displayed units (positive for LOG10)
     * @param sliderMaxDisplay slider range in displayed units
     */
    public NumberField(String name, DoubleFunction<String> validator, Editor editor, SliderScale scale,
                       double sliderMinDisplay, double sliderMaxDisplay) {
        this.name = Objects.requireNonNull(name);
        this.validator = Objects.requireNonNull(validator);
        this.editor = Objects.requireNonNull(editor);
        this.scale = Objects.requireNonNull(scale);
        if (!(sliderMaxDisplay > sliderMinDisplay) || (scale == SliderScale.LOG10 && !(sliderMinDisplay > 0))) {
            throw new IllegalArgumentException("invalid slider range for " + name);
        }
        this.sliderMinDisplay = sliderMinDisplay;
        this.sliderMaxDisplay = sliderMaxDisplay;
        updateSliderRange();
        text.addListener((obs, old, now) -> validateText(now));
        adjusting.addListener((obs, was, now) -> dragKey = now ? new Object() : null);
        sliderPosition.addListener((obs, old, now) -> {
            if (!presenting) {
                fromSlider(now.doubleValue());
            }
        });
    }

    /**
     * Presents a new model value (owner calls this after every model change, including undo). Presenting the value
     * already shown costs nothing, so an owner may re-present all its knobs after each edit (a drag of one knob of a
     * 60-band mineral then formats one number, not 180).
     */
    public void show(double modelValue) {
        if (Double.compare(modelValue, value.get()) == 0) {
            return;
        }
        present(modelValue);
    }

    private void present(double modelValue) {
        presenting = true;
        try {
            value.set(modelValue);
            text.set(Numbers.format(modelValue * displayFactor, DIGITS));
            sliderPosition.set(toSlider(modelValue * displayFactor));
        } finally {
            presenting = false;
        }
    }

    /** Changes the display unit (e.g. 1/(4 pi) to show rho instead of S) and re-presents the value. */
    public void setDisplayFactor(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("display factor must be > 0");
        }
        this.displayFactor = factor;
        updateSliderRange();
        present(value.get());
    }

    /** Changes the slider's range (displayed units before the display factor), e.g. to follow the plot's axis. */
    public void setSliderRange(double minDisplay, double maxDisplay) {
        if (!(maxDisplay > minDisplay) || (scale == SliderScale.LOG10 && !(minDisplay > 0))) {
            throw new IllegalArgumentException("invalid slider range for " + name);
        }
        sliderMinDisplay = minDisplay;
        sliderMaxDisplay = maxDisplay;
        updateSliderRange();
        present(value.get());
    }

    /**
     * Applies the typed text: a valid number different from what is shown becomes an edit; anything invalid
     * reverts the text to the current value.
     */
    public void commit() {
        OptionalDouble parsed = Numbers.parse(text.get());
        String shown = Numbers.format(value.get() * displayFactor, DIGITS);
        if (text.get() != null && text.get().trim().equals(shown)) {
            return; // unchanged (compared as text, so rounding of the shown value never becomes an edit)
        }
        if (parsed.isEmpty() || validator.apply(parsed.getAsDouble() / displayFactor) != null) {
            revert();
            return;
        }
        editor.edit(parsed.getAsDouble() / displayFactor, null);
    }

    /**
     * Checks the shown text again (after something its validity depends on changed, e.g. the other end of a
     * range).
     */
    public void revalidate() {
        validateText(text.get());
    }

    /** Puts the current value back into the text field. */
    public void revert() {
        present(value.get());
    }

    private void fromSlider(double position) {
        double display = scale == SliderScale.LOG10 ? Math.pow(10, position) : position;
        double model = display / displayFactor;
        if (validator.apply(model) != null) {
            present(value.get()); // a slider end outside the legal domain (e.g. weight < 0): snap back
            return;
        }
        editor.edit(model, dragKey);
    }

    private double toSlider(double display) {
        if (scale == SliderScale.LOG10) {
            return display > 0 ? Math.log10(display) : sliderMin.get();
        }
        return display;
    }

    private void updateSliderRange() {
        // A bound Slider clamps its value when its range changes; that echo is presentation, not an edit.
        boolean was = presenting;
        presenting = true;
        try {
            sliderMin.set(toSliderRange(sliderMinDisplay));
            sliderMax.set(toSliderRange(sliderMaxDisplay));
        } finally {
            presenting = was;
        }
    }

    /** The slider's range follows the display unit so the same physical range stays reachable. */
    private double toSliderRange(double display) {
        double d = scale == SliderScale.LOG10 ? display * displayFactor : display;
        return scale == SliderScale.LOG10 ? Math.log10(d) : d;
    }

    private void validateText(String now) {
        OptionalDouble parsed = Numbers.parse(now);
        String message;
        if (parsed.isEmpty()) {
            message = "not a number";
        } else {
            message = validator.apply(parsed.getAsDouble() / displayFactor);
        }
        textValid.set(message == null);
        problem.set(message == null ? "" : name + ": " + message);
    }

    public String name() {
        return name;
    }

    public double get() {
        return value.get();
    }

    /** The model value (model units). */
    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Text of the exact field; bind bidirectionally to a TextField. */
    public StringProperty textProperty() {
        return text;
    }

    /** False while the typed text is not an acceptable value (the view marks the field). */
    public ReadOnlyBooleanProperty textValidProperty() {
        return textValid.getReadOnlyProperty();
    }

    /** Why the typed text is not acceptable, empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Slider position; bind bidirectionally to Slider.valueProperty. */
    public DoubleProperty sliderPositionProperty() {
        return sliderPosition;
    }

    public ReadOnlyDoubleProperty sliderMinProperty() {
        return sliderMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty sliderMaxProperty() {
        return sliderMax.getReadOnlyProperty();
    }

    /** Bind from Slider.valueChangingProperty: true while the thumb is dragged. */
    public BooleanProperty adjustingProperty() {
        return adjusting;
    }
}
