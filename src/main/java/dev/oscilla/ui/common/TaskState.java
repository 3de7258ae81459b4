package dev.oscilla.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The UI-thread state of one task, shared by the runner implementations (the application's, the synchronous one
 * and the test runners).
 */
public final class TaskState implements TaskHandle {

    private final CancelToken token = new CancelToken();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);

    @Override
    public void cancel() {
        token.cancel();
    }

    @Override
    public CancelToken cancelToken() {
        return token;
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** UI thread only. */
    public void setProgress(double fraction, String text) {
        progress.set(fraction);
        message.set(text == null ? "" : text);
    }

    /** UI thread only. */
    public void finished() {
        running.set(false);
    }
}
