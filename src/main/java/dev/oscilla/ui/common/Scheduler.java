package dev.oscilla.ui.common;

import java.time.Duration;

/**
 * Runs an action on the UI thread after a delay. Injected so that timers (autosave, debouncing) are
 * deterministic in tests: {@code FxScheduler} in the application, a manual clock in tests.
 */
public interface Scheduler {

    /** A scheduled action that may still be called off. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Duration delay, Runnable action);
}
