package dev.oscilla.ui.common;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs an action once things have been quiet for a while: each {@link #trigger()} restarts the wait. Used for
 * autosave (write the recovery file a moment after the last edit, not on every slider step). UI-thread confined.
 */
public final class Debouncer {

    private final Scheduler scheduler;
    private final Duration quietPeriod;
    private final Runnable action;
    private Scheduler.Scheduled pending;

    public Debouncer(Scheduler scheduler, Duration quietPeriod, Runnable action) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.quietPeriod = Objects.requireNonNull(quietPeriod);
        this.action = Objects.requireNonNull(action);
    }

    /** (Re)starts the quiet period; the action runs when it elapses without another trigger. */
    public void trigger() {
        cancel();
        pending = scheduler.schedule(quietPeriod, () -> {
            pending = null;
            action.run();
        });
    }

    /** True while a triggered action is waiting. */
    public boolean isPending() {
        return pending != null;
    }

    /** Runs a waiting action now (e.g. before the application exits). */
    public void flush() {
        if (pending != null) {
            cancel();
            action.run();
        }
    }

    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
