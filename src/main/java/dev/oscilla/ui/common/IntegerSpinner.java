package dev.oscilla.ui.common;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Spinner;

/**
 * An editable integer spinner bound both ways to a view-model's integer property. Typed text is committed on Enter
 * and when the field loses focus (a plain Spinner would drop it), and text that is not a number in range is put
 * back to the current value.
 */
public final class IntegerSpinner extends Spinner<Integer> {

    private final ObjectProperty<Integer> bound; // the adapter the binding goes through, kept from collection

    public IntegerSpinner(IntegerProperty value, int min, int max, int step, String id) {
        super(min, max, value.get(), step);
        setId(id);
        setEditable(true);
        setPrefWidth(84);
        bound = value.asObject();
        getValueFactory().valueProperty().bindBidirectional(bound);
        focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitText();
            }
        });
        getEditor().setOnAction(e -> commitText());
    }

    private void commitText() {
        try {
            getValueFactory().setValue(getValueFactory().getConverter().fromString(getEditor().getText()));
        } catch (RuntimeException e) {
            getEditor().setText(getValueFactory().getConverter().toString(getValue()));
        }
    }
}
