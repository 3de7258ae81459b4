package dev.oscilla.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;

/** Opens a file dropped anywhere on a view (the first, when several are dropped), unless the view is busy. */
public final class FileDrop {

    private FileDrop() {
    }

    public static void install(Node view, ObservableBooleanValue busy, Consumer<Path> open) {
        view.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !busy.get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        view.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                open.accept(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }
}
