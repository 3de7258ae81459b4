package dev.oscilla.ui.testing;

import dev.oscilla.ui.common.BackgroundTask;
import dev.oscilla.ui.common.CancelToken;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskHandle;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.TaskState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * A {@link TaskRunner} whose tasks wait until the test runs them ({@link #runNext()}), so a test can hold a
 * computation "in flight" and observe what happens to requests arriving meanwhile.
 */
public final class ManualTaskRunner implements TaskRunner {

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper();

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        TaskState state = new TaskState();
        CancelToken token = state.cancelToken();
        active.set(active.get() + 1);
        pending.add(() -> {
            try {
                T value = task.run(new TaskContext() {
                    @Override
                    public CancelToken cancelToken() {
                        return token;
                    }

                    @Override
                    public void progress(double fraction, String message) {
                    }
                });
                if (!token.isCancelled()) {
                    onSuccess.accept(value);
                }
            } catch (Exception e) {
                if (!token.isCancelled()) {
                    onFailure.accept(e);
                }
            } finally {
                state.finished();
                active.set(active.get() - 1);
            }
        });
        return state;
    }

    /** Runs the oldest waiting task and its callback; false when none waits. */
    public boolean runNext() {
        Runnable r = pending.pollFirst();
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }

    /** Runs tasks (including ones submitted by callbacks) until none waits. */
    public void runAll() {
        while (runNext()) {
            // keep going
        }
    }

    public int waiting() {
        return pending.size();
    }

    @Override
    public ReadOnlyIntegerProperty activeCountProperty() {
        return active.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
    }
}
