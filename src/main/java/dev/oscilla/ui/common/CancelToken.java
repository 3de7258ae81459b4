package dev.oscilla.ui.common;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation of one background computation. Long loops (a fit, a batch unmix) poll
 * {@link #throwIfCancelled()} between iterations; cancelling never interrupts threads, so no I/O is left
 * half-done by an interrupt.
 */
public final class CancelToken {

    private volatile boolean cancelled;
    private final dev.oscilla.task.CancellationToken core = new dev.oscilla.task.CancellationToken();

    public void cancel() {
        cancelled = true;
        core.cancel();
    }

    /**
     * The same cancellation as the core's token, for the computations outside the UI (a fit, a batch unmix), which
     * poll it between iterations.
     */
    public dev.oscilla.task.CancellationToken forCore() {
        return core;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Ends the computation with a {@link CancellationException} once {@link #cancel()} was called. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
