package dev.oscilla.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo/redo for one document. Every edit is a {@link Command}; the owner applies an edit and
 * {@link #record records} it (or lets the history {@link #execute} it). A command may absorb the next one
 * ({@link Command#mergeWith}): a slider drag produces one command per mouse step, and the owner gives all steps
 * of one drag the same merge key so the whole drag becomes one undo step.
 *
 * <p>The history also knows whether the document differs from its last saved state: each state gets an id, and
 * "modified" means the current id is not the id marked saved. Undoing back to the saved state makes the document
 * clean again; a merge into the saved state's command makes it dirty. UI-thread confined.
 */
public final class CommandHistory {

    /** One reversible edit. */
    public interface Command {
        /** Short, user-facing: "Move omega0 of band 3", shown as "Undo Move omega0 of band 3". */
        String label();

        void undo();

        void redo();

        /**
         * Returns a command equivalent to this one followed by {@code next}, or null when the two must stay
         * separate undo steps. Called only for the newest command.
         */
        default Command mergeWith(Command next) {
            return null;
        }
    }

    private static final class Entry {
        Command command;
        long stateAfter;

        Entry(Command command, long stateAfter) {
            this.command = command;
            this.stateAfter = stateAfter;
        }
    }

    private final int limit;
    private final Deque<Entry> done = new ArrayDeque<>();
    private final Deque<Entry> undone = new ArrayDeque<>();
    private long stateCounter;
    private long baseState;
    private long savedState;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "Undo");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "Redo");
    private Consumer<Command> onUndoRedo = c -> { };

    /** @param limit how many undo steps are kept (oldest dropped first) */
    public CommandHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        this.limit = limit;
    }

    /** Applies {@code command} and records it. */
    public void execute(Command command) {
        command.redo();
        record(command);
    }

    /** Records an edit the owner has already applied; clears the redo list. */
    public void record(Command command) {
        undone.clear();
        Entry top = done.peekLast();
        if (top != null) {
            Command merged = top.command.mergeWith(command);
            if (merged != null) {
                top.command = merged;
                top.stateAfter = ++stateCounter; // the merged state is a new state, never the saved one
                refresh();
                return;
            }
        }
        done.addLast(new Entry(command, ++stateCounter));
        while (done.size() > limit) {
            Entry dropped = done.removeFirst();
            baseState = dropped.stateAfter;
        }
        refresh();
    }

    public void undo() {
        Entry e = done.pollLast();
        if (e == null) {
            return;
        }
        e.command.undo();
        undone.addLast(e);
        refresh();
        onUndoRedo.accept(e.command);
    }

    public void redo() {
        Entry e = undone.pollLast();
        if (e == null) {
            return;
        }
        e.command.redo();
        done.addLast(e);
        refresh();
        onUndoRedo.accept(e.command);
    }

    /** Forgets every step; the document is clean ({@code modified=false}) or not, as given. */
    public void reset(boolean modifiedState) {
        done.clear();
        undone.clear();
        baseState = ++stateCounter;
        savedState = modifiedState ? -1 : baseState;
        refresh();
    }

    /** The current state is what is on disk now. */
    public void markSaved() {
        markSaved(currentState());
    }

    /**
     * A state captured earlier with {@link #stateId()} is what is on disk now (a background save started from
     * that state; edits made while it ran keep the document modified).
     */
    public void markSaved(long stateId) {
        savedState = stateId;
        refresh();
    }

    /** Identifies the current state of the document (for {@link #markSaved(long)}). */
    public long stateId() {
        return currentState();
    }

    /** Called after each undo or redo with the command concerned (e.g. to bring the edited item into view). */
    public void setOnUndoRedo(Consumer<Command> listener) {
        this.onUndoRedo = listener == null ? c -> { } : listener;
    }

    public int undoSize() {
        return done.size();
    }

    public int redoSize() {
        return undone.size();
    }

    private long currentState() {
        Entry top = done.peekLast();
        return top == null ? baseState : top.stateAfter;
    }

    private void refresh() {
        canUndo.set(!done.isEmpty());
        canRedo.set(!undone.isEmpty());
        undoLabel.set(done.isEmpty() ? "Undo" : "Undo " + done.peekLast().command.label());
        redoLabel.set(undone.isEmpty() ? "Redo" : "Redo " + undone.peekLast().command.label());
        modified.set(currentState() != savedState);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True when the document differs from its last saved (or opened) state. */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public boolean isModified() {
        return modified.get();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }
}
