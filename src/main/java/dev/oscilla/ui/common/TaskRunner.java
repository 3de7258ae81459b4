package dev.oscilla.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * The one way the workbench runs work off the UI thread. View-models receive a runner by injection: the
 * application uses {@link FxTaskRunner} (a background pool, results delivered on the JavaFX thread), view-model
 * tests use {@link SynchronousTaskRunner} (everything inline, deterministic).
 *
 * <p>Contract, identical for both implementations: {@code submit} is called on the UI thread; the task runs on
 * some other thread (or inline); exactly one of {@code onSuccess}, {@code onFailure} is then called on the UI
 * thread, unless the task was cancelled, in which case neither is (a {@link java.util.concurrent.CancellationException}
 * thrown by the task counts as cancellation).
 */
public interface TaskRunner {

    <T> TaskHandle submit(String name, BackgroundTask<T> task, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure);

    /** Convenience for tasks that need neither progress nor cancellation. */
    default <T> TaskHandle submit(String name, Callable<T> task, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        return submit(name, (BackgroundTask<T>) context -> task.call(), onSuccess, onFailure);
    }

    /** Number of tasks submitted and not yet finished (for a busy indicator); changes on the UI thread. */
    ReadOnlyIntegerProperty activeCountProperty();

    /** Stops accepting work and lets running tasks finish in the background (called when the window closes). */
    void shutdown();
}
