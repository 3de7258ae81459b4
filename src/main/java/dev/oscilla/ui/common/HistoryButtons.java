package dev.oscilla.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Undo and Redo buttons bound to the document's history: enabled when possible, the tooltip names the step. */
public final class HistoryButtons {

    private HistoryButtons() {
    }

    public static Button undo(CommandHistory history, String id) {
        Button b = new Button("Undo");
        b.setId(id);
        b.disableProperty().bind(history.canUndoProperty().not());
        b.setOnAction(e -> history.undo());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(history.undoLabelProperty());
        b.setTooltip(tip);
        return b;
    }

    public static Button redo(CommandHistory history, String id) {
        Button b = new Button("Redo");
        b.setId(id);
        b.disableProperty().bind(history.canRedoProperty().not());
        b.setOnAction(e -> history.redo());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(history.redoLabelProperty());
        b.setTooltip(tip);
        return b;
    }
}
