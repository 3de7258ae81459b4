package dev.oscilla.ui.common;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one long task a view runs at a time (a fit, an unmixing run, a training), as properties its view binds to:
 * running, progress and the progress message follow the current task's handle and reset when it ends. UI-thread
 * confined.
 */
public final class TaskTracker {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private TaskHandle current;

    /**
     * Follows {@code handle} (just submitted) until it ends, then calls {@code onEnded} with whether it was
     * cancelled; a task that already ended (a synchronous runner) ends at once.
     */
    public void track(TaskHandle handle, Consumer<Boolean> onEnded) {
        current = handle;
        if (handle.isRunning()) {
            running.set(true);
            progress.bind(handle.progressProperty());
            message.bind(handle.messageProperty());
            handle.runningProperty().addListener((obs, was, now) -> {
                if (!now) {
                    ended(handle, onEnded);
                }
            });
        } else {
            ended(handle, onEnded);
        }
    }

    private void ended(TaskHandle handle, Consumer<Boolean> onEnded) {
        if (handle != current) {
            return;
        }
        current = null;
        running.set(false);
        progress.unbind();
        message.unbind();
        progress.set(0);
        message.set("");
        onEnded.accept(handle.cancelToken().isCancelled());
    }

    /** Requests cancellation of the current task; returns whether there was one. */
    public boolean cancel() {
        TaskHandle t = current;
        if (t == null) {
            return false;
        }
        t.cancel();
        return true;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
