package dev.oscilla.ui.common;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation of one background computation. Long loops (a fit, a batch unmix) poll
 * {@link #throwIfCancelled()} between iterations; cancelling never interrupts threads, so no I/O is left
 * half-done by an interrupt.
 */
public final class CancelToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
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
