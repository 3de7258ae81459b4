package dev.oscilla.ui.common;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * A {@link TaskRunner} that runs each task inline on the calling thread and calls the callback before
 * {@code submit} returns. For view-model tests (deterministic, no FX thread needed) and for batch tools.
 * Exceptions thrown by a callback propagate to the caller, so a test sees them.
 */
public final class SynchronousTaskRunner implements TaskRunner {

    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper(this, "activeCount", 0);
    private int submitted;

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        TaskState state = new TaskState();
        submitted++;
        active.set(active.get() + 1);
        try {
            T value;
            try {
                value = task.run(new TaskContext() {
                    @Override
                    public CancelToken cancelToken() {
                        return state.cancelToken();
                    }

                    @Override
                    public void progress(double fraction, String message) {
                        state.setProgress(fraction, message);
                    }
                });
            } catch (CancellationException e) {
                return state;
            } catch (Exception e) {
                if (!state.cancelToken().isCancelled()) {
                    onFailure.accept(e);
                }
                return state;
            }
            if (!state.cancelToken().isCancelled()) {
                onSuccess.accept(value);
            }
            return state;
        } finally {
            state.finished();
            active.set(active.get() - 1);
        }
    }

    /** How many tasks were submitted so far (tests use it to check that work was, or was not, scheduled). */
    public int submittedCount() {
        return submitted;
    }

    @Override
    public ReadOnlyIntegerProperty activeCountProperty() {
        return active.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
