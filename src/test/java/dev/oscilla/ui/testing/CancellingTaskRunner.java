package dev.oscilla.ui.testing;

import dev.oscilla.ui.common.BackgroundTask;
import dev.oscilla.ui.common.CancelToken;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskHandle;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.TaskState;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs tasks inline like {@link dev.oscilla.ui.common.SynchronousTaskRunner}, but cancels the task whose name
 * starts with a given prefix in the middle of its work: at its {@code n}-th progress report (as the user pressing
 * Cancel while a fit runs). {@link #atCancel} runs right then, on the computing thread, so a test can look at what
 * the computation had drawn so far. Other tasks run to the end.
 */
public final class CancellingTaskRunner implements TaskRunner {

    private final String prefix;
    private final int afterReports;
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper();
    public Runnable atCancel = () -> { };
    public int cancelled;

    public CancellingTaskRunner(String namePrefix, int afterReports) {
        this.prefix = namePrefix;
        this.afterReports = afterReports;
    }

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        TaskState state = new TaskState();
        CancelToken token = state.cancelToken();
        boolean target = name.startsWith(prefix);
        int[] reports = {0};
        active.set(active.get() + 1);
        try {
            T value = task.run(new TaskContext() {
                @Override
                public CancelToken cancelToken() {
                    return token;
                }

                @Override
                public void progress(double fraction, String text) {
                    state.setProgress(fraction, text);
                    if (target && ++reports[0] == afterReports) {
                        atCancel.run();
                        token.cancel();
                        cancelled++;
                    }
                }
            });
            if (!token.isCancelled()) {
                onSuccess.accept(value);
            }
        } catch (CancellationException e) {
            // cancelled: neither callback
        } catch (Exception e) {
            if (!token.isCancelled()) {
                onFailure.accept(e);
            }
        } finally {
            state.finished();
            active.set(active.get() - 1);
        }
        return state;
    }

    @Override
    public ReadOnlyIntegerProperty activeCountProperty() {
        return active.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
    }
}
