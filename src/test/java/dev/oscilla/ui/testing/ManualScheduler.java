package dev.oscilla.ui.testing;

import dev.oscilla.ui.common.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} on a test-controlled clock: actions run only when the test {@link #advance advances} time. */
public final class ManualScheduler implements Scheduler {

    private static final class Entry {
        final long due;
        final Runnable action;
        boolean cancelled;

        Entry(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private long now;

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        Entry e = new Entry(now + delay.toMillis(), action);
        entries.add(e);
        return () -> e.cancelled = true;
    }

    /** Moves the clock forward, running every action that falls due, in order. */
    public void advance(Duration by) {
        long target = now + by.toMillis();
        while (true) {
            Entry next = entries.stream().filter(e -> !e.cancelled && e.due <= target)
                    .min(Comparator.comparingLong(e -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            entries.remove(next);
            now = next.due;
            next.action.run();
        }
        now = target;
        entries.removeIf(e -> e.cancelled);
    }

    /** Scheduled actions not yet run or cancelled. */
    public long pending() {
        return entries.stream().filter(e -> !e.cancelled).count();
    }
}
