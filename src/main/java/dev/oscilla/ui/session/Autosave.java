package dev.oscilla.ui.session;

import dev.oscilla.ui.common.Debouncer;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.Scheduler;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Keeps the recovery file in step with the document, so a crash or a killed process loses at most the last
 * {@code quietPeriod} of work: a moment after the last edit (debounced, so a slider drag is one write, not
 * hundreds) the unsaved session is written; when nothing is unsaved any more (saved, or undone back to the saved
 * state) the file is deleted. Writes run in the background, latest wins, so an older snapshot can never
 * overwrite a newer one. UI-thread confined.
 */
public final class Autosave {

    /** Quiet period after an edit before the recovery file is written. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(2);

    private final LibraryDocument document;
    private final RecoveryStore store;
    private final Clock clock;
    private final StatusLine status;
    private final Debouncer debouncer;
    private final LatestWins<Optional<SessionSnapshot>, Optional<Instant>> writer;
    private final ReadOnlyObjectWrapper<Instant> lastWritten = new ReadOnlyObjectWrapper<>(this, "lastWritten");
    private final InvalidationListener onChange = obs -> changed();
    private boolean started;
    /** Set when the user discarded the session: a write still in flight must not resurrect the file. */
    private volatile boolean discarded;

    public Autosave(LibraryDocument document, RecoveryStore store, Scheduler scheduler, TaskRunner tasks,
                    Duration quietPeriod, Clock clock, StatusLine status) {
        this.document = Objects.requireNonNull(document);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.status = Objects.requireNonNull(status);
        this.debouncer = new Debouncer(scheduler, quietPeriod, this::writeNow);
        this.writer = new LatestWins<>(tasks, "autosave", (snapshot, context) -> {
            if (snapshot.isPresent() && !discarded) {
                store.write(snapshot.get());
                return Optional.of(snapshot.get().savedAt());
            }
            store.delete();
            return Optional.empty();
        }, written -> lastWritten.set(written.orElse(null)),
                error -> this.status.post("Could not write the recovery file: " + error.getMessage()));
    }

    /** Starts watching the document (after any recovery file was offered for restore). */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        discarded = false;
        document.libraryProperty().addListener(onChange);
        document.modifiedProperty().addListener(onChange);
        document.currentProperty().addListener(onChange);
        document.fileProperty().addListener(onChange);
        changed();
    }

    /** Stops watching; a pending write is dropped. */
    public void stop() {
        if (!started) {
            return;
        }
        started = false;
        document.libraryProperty().removeListener(onChange);
        document.modifiedProperty().removeListener(onChange);
        document.currentProperty().removeListener(onChange);
        document.fileProperty().removeListener(onChange);
        debouncer.cancel();
    }

    private void changed() {
        if (document.isModified()) {
            debouncer.trigger();
        } else {
            debouncer.cancel();
            if (store.exists() || writer.busyProperty().get()) {
                writer.request(Optional.empty());
            }
        }
    }

    /** Writes (or, with nothing unsaved, deletes) the recovery file now, in the background. */
    public void writeNow() {
        debouncer.cancel();
        writer.request(document.isModified() ? Optional.of(SessionSnapshot.of(document, clock.instant()))
                : Optional.empty());
    }

    /**
     * Stops autosaving and deletes the recovery file now, on the calling thread (the application is about to
     * exit, so a background delete might never run; deleting one small file is well within a frame).
     */
    public void discard() {
        discarded = true;
        stop();
        try {
            store.delete();
        } catch (dev.oscilla.io.SpectralFileException e) {
            status.post(e.getMessage());
        }
    }

    /** When the recovery file was last written (null after a delete or before the first write). */
    public ReadOnlyObjectProperty<Instant> lastWrittenProperty() {
        return lastWritten.getReadOnlyProperty();
    }

    public RecoveryStore store() {
        return store;
    }
}
