package dev.oscilla.ui.session;

import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.CommandHistory;

/**
 * One undoable edit of a {@link LibraryDocument}: the library snapshots before and after, and which mineral to
 * bring into view after an undo (the one the edit changed) and after a redo. Edits with the same non-null merge key (the steps of one slider drag) merge.
 */
final class LibraryChange implements CommandHistory.Command {

    private final LibraryDocument document;
    private final String label;
    private final MineralLibrary before;
    private final MineralLibrary after;
    private final String focusBefore;
    private final String focusAfter;
    private final Object mergeKey;
    private boolean undone;

    LibraryChange(LibraryDocument document, String label, MineralLibrary before, MineralLibrary after,
                  String focusBefore, String focusAfter, Object mergeKey) {
        this.document = document;
        this.label = label;
        this.before = before;
        this.after = after;
        this.focusBefore = focusBefore;
        this.focusAfter = focusAfter;
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

    @Override
    public CommandHistory.Command mergeWith(CommandHistory.Command next) {
        if (mergeKey != null && next instanceof LibraryChange n && n.mergeKey == mergeKey && n.before == after) {
            return new LibraryChange(document, label, before, n.after, focusBefore, n.focusAfter, mergeKey);
        }
        return null;
    }
}
