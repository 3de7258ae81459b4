package dev.oscilla.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation for long computations (fits, batch unmixing, training). The owner calls
 * {@link #cancel()}; the computation polls {@link #throwIfCancelled()} at safe points, where state is consistent,
 * so a cancelled task leaves nothing half-updated.
 */
public final class CancellationToken {

    /** A token that is never cancelled. */
    public static final CancellationToken NONE = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        if (this != NONE) {
            cancelled.set(true);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("cancelled");
        }
    }
}
