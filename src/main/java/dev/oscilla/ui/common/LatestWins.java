package dev.oscilla.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Coalesces a stream of requests (slider drags, keystrokes) into background computations, latest wins: at most
 * one computation runs at a time; a request that arrives while one runs is parked, and a newer request replaces
 * the parked one. When the running computation finishes, its result is delivered and the parked request (if any)
 * starts. So a drag producing 200 events per second costs as many computations as the machine can finish, never
 * a growing queue, and the last position dragged to is always the last one rendered.
 *
 * <p>UI-thread confined: call {@link #request} on the JavaFX thread (or, with a {@link SynchronousTaskRunner},
 * on the test thread).
 *
 * @param <I> request (an immutable snapshot of what to compute)
 * @param <O> result
 */
public final class LatestWins<I, O> {

    /** The computation; runs on a worker thread. */
    @FunctionalInterface
    public interface Computation<I, O> {
        O compute(I input, TaskContext context) throws Exception;
    }

    private final TaskRunner runner;
    private final String name;
    private final Computation<I, O> computation;
    private final Consumer<? super O> onResult;
    private final Consumer<? super Throwable> onError;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private I parked;
    private long started;
    private long superseded;

    public LatestWins(TaskRunner runner, String name, Computation<I, O> computation, Consumer<? super O> onResult,
                      Consumer<? super Throwable> onError) {
        this.runner = Objects.requireNonNull(runner);
        this.name = name;
        this.computation = Objects.requireNonNull(computation);
        this.onResult = Objects.requireNonNull(onResult);
        this.onError = Objects.requireNonNull(onError);
    }

    /** Asks for a computation of {@code input}; replaces any parked, not yet started request. */
    public void request(I input) {
        Objects.requireNonNull(input, "input");
        if (busy.get()) {
            if (parked != null) {
                superseded++;
            }
            parked = input;
            return;
        }
        start(input);
    }

    private void start(I input) {
        busy.set(true);
        started++;
        runner.submit(name, context -> computation.compute(input, context), result -> {
            try {
                onResult.accept(result);
            } finally {
                next();
            }
        }, error -> {
            try {
                onError.accept(error);
            } finally {
                next();
            }
        });
    }

    private void next() {
        busy.set(false);
        I pending = parked;
        parked = null;
        if (pending != null) {
            start(pending);
        }
    }

    /** True while a computation runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Computations started so far. */
    public long startedCount() {
        return started;
    }

    /** Requests that were replaced by a newer one before they could start. */
    public long supersededCount() {
        return superseded;
    }
}
