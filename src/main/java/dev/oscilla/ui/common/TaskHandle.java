package dev.oscilla.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A submitted background task as the UI sees it. All properties change on the UI thread only, so views may
 * bind to them directly (a progress bar, a status label, a Cancel button's disable state).
 */
public interface TaskHandle {

    /** Requests cancellation; the success callback is then never called. */
    void cancel();

    /** The task's token (also handed to the computation). */
    CancelToken cancelToken();

    /** Progress 0..1, or -1 while indeterminate. */
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    /** True until the task has finished (success, failure or cancellation) and its callback has run. */
    ReadOnlyBooleanProperty runningProperty();

    default boolean isRunning() {
        return runningProperty().get();
    }
}
