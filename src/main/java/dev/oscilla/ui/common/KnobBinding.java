package dev.oscilla.ui.common;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * View glue between a {@link NumberField} and its Slider / TextField. Not a bidirectional binding on purpose: a
 * Slider clamps its value when its range changes or when it is given an out-of-range value, and that echo must not
 * come back as a user edit. Here slider values flow to the model only when they did not come from the model.
 */
public final class KnobBinding {

    /** Pseudo-class set on a text field while its text is not an acceptable value. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private KnobBinding() {
    }

    public static void bindSlider(Slider slider, NumberField field) {
        boolean[] presenting = {false};
        Runnable range = () -> {
            presenting[0] = true;
            try {
                slider.setMin(field.sliderMinProperty().get());
                slider.setMax(field.sliderMaxProperty().get());
                // arrow keys move by 0.5 % of the range (the default of 10 units would cross a log range at once)
                slider.setBlockIncrement((slider.getMax() - slider.getMin()) / 200);
                slider.setValue(field.sliderPositionProperty().get());
            } finally {
                presenting[0] = false;
            }
        };
        range.run();
        field.sliderMinProperty().addListener(obs -> range.run());
        field.sliderMaxProperty().addListener(obs -> range.run());
        field.sliderPositionProperty().addListener((obs, old, now) -> {
            presenting[0] = true;
            try {
                slider.setValue(now.doubleValue());
            } finally {
                presenting[0] = false;
            }
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!presenting[0]) {
                field.sliderPositionProperty().set(now.doubleValue());
            }
        });
        field.adjustingProperty().bind(slider.valueChangingProperty());
    }

    /** Typed text goes to the model on Enter or when the field loses focus; Escape reverts. */
    public static void bindText(TextField text, NumberField field) {
        text.textProperty().bindBidirectional(field.textProperty());
        text.setOnAction(e -> field.commit());
        text.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                field.commit();
            }
        });
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.revert();
                e.consume();
            }
        });
        Tooltip problem = new Tooltip();
        problem.textProperty().bind(field.problemProperty());
        Tooltip[] help = {null}; // the field's explanatory tooltip, restored once the text is valid again
        text.pseudoClassStateChanged(INVALID, !field.textValidProperty().get());
        field.textValidProperty().addListener((obs, was, valid) -> {
            text.pseudoClassStateChanged(INVALID, !valid);
            if (!valid) {
                help[0] = text.getTooltip() == problem ? help[0] : text.getTooltip();
                text.setTooltip(problem);
            } else {
                text.setTooltip(help[0]);
            }
        });
    }

    /**
     * The usual knob: a slider (id {@code id-slider}) and an exact field (id {@code id-field}) bound to
     * {@code field}, with {@code help} (may be null) as their tooltip.
     */
    public static HBox knob(NumberField field, String help, String id) {
        Slider slider = new Slider();
        slider.setId(id + "-slider");
        slider.setMinWidth(56);
        slider.setPrefWidth(90);
        HBox.setHgrow(slider, Priority.ALWAYS);
        bindSlider(slider, field);
        TextField text = new TextField();
        text.setId(id + "-field");
        text.setPrefColumnCount(7);
        text.setMinWidth(80);
        text.setPrefWidth(80);
        text.setMaxWidth(96);
        text.getStyleClass().add("knob-field");
        if (help != null) {
            Tooltip tip = new Tooltip(help);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDelay(Duration.millis(400));
            slider.setTooltip(tip);
            text.setTooltip(tip);
        }
        bindText(text, field);
        HBox box = new HBox(4, slider, text);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
