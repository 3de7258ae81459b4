package dev.oscilla.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one-line status message at the bottom of the main window ("Saved quartz.json"). UI-thread confined. */
public final class StatusLine {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public void post(String text) {
        message.set(text == null ? "" : text);
    }

    public String current() {
        return message.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
