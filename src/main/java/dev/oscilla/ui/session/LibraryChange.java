package dev.oscilla.ui.session;

import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.CommandHistory;
import java.util.Map;

/**
 * One undoable edit of a {@link LibraryDocument}: the document's state (library and working copies) before and
 * after, which mineral to bring into view after an undo (the one the edit changed) and after a redo, and the working
 * copy it concerns (null for an edit of the library itself). Edits with the same non-null merge key (the steps of one
 * slider drag) merge.
 */
final class LibraryChange implements CommandHistory.Command {

    /** A state of the document: immutable, shared between steps (a step costs two references). */
    record State(MineralLibrary library, Map<String, Draft> drafts) {
    }

    private final LibraryDocument document;
    private final String label;
    private final State before;
    private final State after;
    private final String focusBefore;
    private final String focusAfter;
    private final String slot;
    private final Object mergeKey;
    private boolean undone;

    LibraryChange(LibraryDocument document, String label, State before, State after, String focusBefore,
                  String focusAfter, String slot, Object mergeKey) {
        this.document = document;
        this.label = label;
        this.before = before;
        this.after = after;
        this.focusBefore = focusBefore;
        this.focusAfter = focusAfter;
        this.slot = slot;
        this.mergeKey = mergeKey;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void undo() {
        undone = true;
        document.setState(before, focusBefore != null ? focusBefore : focusAfter);
    }

    @Override
    public void redo() {
        undone = false;
        document.setState(after, focusAfter);
    }

    /** The mineral to show after this change was undone or redone. */
    String focus() {
        return undone ? (focusBefore != null ? focusBefore : focusAfter) : focusAfter;
    }

    /** The working copy this change concerns, or null for an edit of the library. */
    String slot() {
        return slot;
    }

    State before() {
        return before;
    }

    State after() {
        return after;
    }

    @Override
    public CommandHistory.Command mergeWith(CommandHistory.Command next) {
        if (mergeKey != null && next instanceof LibraryChange n && n.mergeKey == mergeKey && n.before == after) {
            return new LibraryChange(document, label, before, n.after, focusBefore, n.focusAfter, slot, mergeKey);
        }
        return null;
    }
}
