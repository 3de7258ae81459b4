package dev.oscilla.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandHistoryTest {

    /** A command setting one int cell; merges with a following set of the same key. */
    private static final class Set implements CommandHistory.Command {
        final int[] cell;
        final int before;
        final int after;
        final Object key;

        Set(int[] cell, int after, Object key) {
            this(cell, cell[0], after, key);
        }

        Set(int[] cell, int before, int after, Object key) {
            this.cell = cell;
            this.before = before;
            this.after = after;
            this.key = key;
        }

        @Override
        public String label() {
            return "set " + after;
        }

        @Override
        public void undo() {
            cell[0] = before;
        }

        @Override
        public void redo() {
            cell[0] = after;
        }

        @Override
        public CommandHistory.Command mergeWith(CommandHistory.Command next) {
            return key != null && next instanceof Set n && n.key == key ? new Set(cell, before, n.after, key) : null;
        }
    }

    @Test
    void undoAndRedoWalkTheStepsAndLabelThem() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        h.execute(new Set(cell, 1, null));
        h.execute(new Set(cell, 2, null));
        assertThat(h.undoLabelProperty().get()).isEqualTo("Undo set 2");
        h.undo();
        assertThat(cell[0]).isEqualTo(1);
        assertThat(h.redoLabelProperty().get()).isEqualTo("Redo set 2");
        assertThat(h.canRedoProperty().get()).isTrue();
        h.undo();
        assertThat(cell[0]).isZero();
        assertThat(h.canUndoProperty().get()).isFalse();
        h.redo();
        h.redo();
        assertThat(cell[0]).isEqualTo(2);
        assertThat(h.canRedoProperty().get()).isFalse();
    }

    @Test
    void aNewEditClearsTheRedoList() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        h.execute(new Set(cell, 1, null));
        h.undo();
        h.execute(new Set(cell, 5, null));
        assertThat(h.canRedoProperty().get()).isFalse();
        h.undo();
        assertThat(cell[0]).isZero();
    }

    @Test
    void stepsWithTheSameMergeKeyBecomeOneUndoStep() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        Object drag = new Object();
        for (int v = 1; v <= 50; v++) {
            h.execute(new Set(cell, v, drag));
        }
        h.execute(new Set(cell, 99, new Object())); // another drag
        assertThat(h.undoSize()).isEqualTo(2);
        h.undo();
        assertThat(cell[0]).isEqualTo(50);
        h.undo();
        assertThat(cell[0]).isZero();
    }

    @Test
    void modifiedFollowsTheSavedStateThroughUndoAndRedo() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        assertThat(h.isModified()).isFalse();
        h.execute(new Set(cell, 1, null));
        assertThat(h.isModified()).isTrue();
        h.markSaved();
        assertThat(h.isModified()).isFalse();
        h.execute(new Set(cell, 2, null));
        assertThat(h.isModified()).isTrue();
        h.undo();
        assertThat(h.isModified()).as("back at the saved state").isFalse();
        h.undo();
        assertThat(h.isModified()).isTrue();
    }

    @Test
    void mergingIntoTheSavedStepMakesTheDocumentModified() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        Object drag = new Object();
        h.execute(new Set(cell, 1, drag));
        h.markSaved();
        h.execute(new Set(cell, 2, drag)); // same drag continues after the save
        assertThat(h.undoSize()).isEqualTo(1);
        assertThat(h.isModified()).isTrue();
    }

    @Test
    void aSaveStartedEarlierMarksThatStateOnly() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        h.execute(new Set(cell, 1, null));
        long atSave = h.stateId();
        h.execute(new Set(cell, 2, null)); // edited while the save ran
        h.markSaved(atSave);
        assertThat(h.isModified()).isTrue();
        h.undo();
        assertThat(h.isModified()).isFalse();
    }

    @Test
    void theOldestStepsAreDroppedBeyondTheLimit() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(3);
        for (int v = 1; v <= 5; v++) {
            h.execute(new Set(cell, v, null));
        }
        assertThat(h.undoSize()).isEqualTo(3);
        h.undo();
        h.undo();
        h.undo();
        assertThat(cell[0]).isEqualTo(2);
        assertThat(h.canUndoProperty().get()).isFalse();
        assertThat(h.isModified()).as("state 2 was never saved").isTrue();
    }

    @Test
    void resetStartsAFreshHistoryCleanOrModified() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        h.execute(new Set(cell, 1, null));
        h.reset(true);
        assertThat(h.canUndoProperty().get()).isFalse();
        assertThat(h.isModified()).isTrue();
        h.reset(false);
        assertThat(h.isModified()).isFalse();
    }

    @Test
    void theUndoRedoListenerSeesTheCommand() {
        int[] cell = {0};
        CommandHistory h = new CommandHistory(10);
        List<String> seen = new ArrayList<>();
        h.setOnUndoRedo(c -> seen.add(c.label()));
        h.execute(new Set(cell, 7, null));
        h.undo();
        h.redo();
        assertThat(seen).containsExactly("set 7", "set 7");
    }
}
