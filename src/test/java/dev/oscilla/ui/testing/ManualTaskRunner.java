package dev.oscilla.ui.testing;

import dev.oscilla.ui.common.BackgroundTask;
import dev.oscilla.ui.common.CancelToken;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskHandle;
import dev.oscilla.ui.common.TaskRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

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
        CancelToken token = new CancelToken();
        ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
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
                running.set(false);
                active.set(active.get() - 1);
            }
        });
        return new TaskHandle() {
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
                return new ReadOnlyDoubleWrapper(-1).getReadOnlyProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return new ReadOnlyStringWrapper("").getReadOnlyProperty();
            }

            @Override
            public ReadOnlyBooleanProperty runningProperty() {
                return running.getReadOnlyProperty();
            }
        };
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
