package dev.oscilla.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The application's {@link TaskRunner}: a fixed pool of daemon worker threads; callbacks and progress are
 * delivered on the JavaFX application thread with {@link Platform#runLater}. Progress reports from a worker are
 * coalesced (only the newest pending report is delivered), so a tight loop reporting progress cannot flood the
 * UI thread's queue.
 */
public final class FxTaskRunner implements TaskRunner {

    private final ExecutorService pool;
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper(this, "activeCount", 0);

    /** A pool of {@code threads} workers. */
    public FxTaskRunner(int threads) {
        AtomicInteger serial = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "oscilla-worker-" + serial.incrementAndGet());
            t.setDaemon(true); // never keep the JVM alive after the window closed
            return t;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), factory);
    }

    /** One worker per core but one, leaving a core to the UI thread (at least one worker). */
    public static FxTaskRunner forThisMachine() {
        return new FxTaskRunner(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    @Override
    public <T> TaskHandle submit(String name, BackgroundTask<T> task, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        TaskState state = new TaskState();
        onUi(() -> active.set(active.get() + 1));
        ProgressRelay relay = new ProgressRelay(state);
        TaskContext context = new TaskContext() {
            @Override
            public CancelToken cancelToken() {
                return state.cancelToken();
            }

            @Override
            public void progress(double fraction, String message) {
                relay.post(fraction, message);
            }
        };
        pool.execute(() -> {
            Outcome<T> outcome;
            try {
                state.cancelToken().throwIfCancelled();
                outcome = Outcome.success(task.run(context));
            } catch (CancellationException e) {
                outcome = Outcome.wasCancelled();
            } catch (Throwable e) { // a failing task must always reach its failure callback
                outcome = Outcome.failure(e);
            }
            Outcome<T> done = outcome;
            Platform.runLater(() -> {
                try {
                    if (!done.cancelled && !state.cancelToken().isCancelled()) {
                        if (done.error == null) {
                            onSuccess.accept(done.value);
                        } else {
                            onFailure.accept(done.error);
                        }
                    }
                } finally {
                    state.finished();
                    active.set(active.get() - 1);
                }
            });
        });
        return state;
    }

    @Override
    public ReadOnlyIntegerProperty activeCountProperty() {
        return active.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    private static void onUi(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private record Outcome<T>(T value, Throwable error, boolean cancelled) {
        static <T> Outcome<T> success(T value) {
            return new Outcome<>(value, null, false);
        }

        static <T> Outcome<T> failure(Throwable error) {
            return new Outcome<>(null, error, false);
        }

        static <T> Outcome<T> wasCancelled() {
            return new Outcome<>(null, null, true);
        }
    }

    /** Latest-wins hand-over of progress reports from a worker to the UI thread. */
    private static final class ProgressRelay {
        private final TaskState state;
        private final AtomicReference<Object[]> latest = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        ProgressRelay(TaskState state) {
            this.state = state;
        }

        void post(double fraction, String message) {
            latest.set(new Object[] {fraction, message});
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    scheduled.set(false);
                    Object[] p = latest.getAndSet(null);
                    if (p != null) {
                        state.setProgress((Double) p[0], (String) p[1]);
                    }
                });
            }
        }
    }
}
