package dev.oscilla.ui.app;

import dev.oscilla.ui.common.CommandHistory;
import dev.oscilla.ui.module.WorkbenchModule;
import dev.oscilla.ui.session.DocumentActions;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's content: menus, one tab per registered view (built once), and the status line. Bindings
 * only; the quit decision and everything else belong to {@link Workbench}.
 */
public final class MainWindow extends BorderPane {

    private final TabPane tabs = new TabPane();

    /**
     * @param quit what "File > Quit" does (the application asks the workbench, then closes the stage)
     */
    public MainWindow(Workbench workbench, Runnable quit) {
        getStyleClass().add("main-window");
        setTop(menus(workbench, quit));

        Map<String, Tab> byId = new HashMap<>();
        for (WorkbenchModule module : workbench.modules()) {
            Tab tab = new Tab(module.title(), module.createView());
            tab.setId("tab-" + module.id());
            tab.setClosable(false);
            tab.setUserData(module.id());
            tab.setTooltip(new Tooltip(module.description()));
            tabs.getTabs().add(tab);
            byId.put(module.id(), tab);
        }
        tabs.setId("views");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                workbench.selectedViewProperty().set((String) now.getUserData());
            }
        });
        workbench.selectedViewProperty().addListener((obs, was, now) -> {
            Tab t = byId.get(now);
            if (t != null) {
                tabs.getSelectionModel().select(t);
            }
        });
        Tab first = byId.get(workbench.selectedViewProperty().get());
        if (first != null) {
            tabs.getSelectionModel().select(first);
        }
        setCenter(tabs);

        Label status = new Label();
        status.setId("status-line");
        status.textProperty().bind(workbench.context().status().messageProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(workbench.context().documents().busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox bar = new HBox(8, status, spacer, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        setBottom(bar);
    }

    private MenuBar menus(Workbench workbench, Runnable quit) {
        DocumentActions docs = workbench.context().documents();
        CommandHistory history = workbench.context().session().document().history();

        Menu file = new Menu("File");
        file.getItems().addAll(
                item("Open library\u2026", "menu-open", ctrl(KeyCode.O), docs::openLibrary),
                item("Import minerals\u2026", "menu-import", ctrl(KeyCode.I), docs::importMinerals),
                new SeparatorMenuItem(),
                item("Save library", "menu-save", ctrl(KeyCode.S), docs::save),
                item("Save library as\u2026", "menu-save-as", new KeyCodeCombination(KeyCode.S,
                        KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), docs::saveAs),
                item("Export library as CSV table\u2026", "menu-export-csv", null, docs::exportCsvTable),
                new SeparatorMenuItem(),
                item("Open spectra\u2026", "menu-open-spectra", null, docs::openSpectra),
                new SeparatorMenuItem(),
                item("Quit", "menu-quit", ctrl(KeyCode.Q), quit));

        MenuItem undo = item("Undo", "menu-undo", ctrl(KeyCode.Z), history::undo);
        undo.textProperty().bind(history.undoLabelProperty());
        undo.disableProperty().bind(history.canUndoProperty().not());
        MenuItem redo = item("Redo", "menu-redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), history::redo);
        redo.textProperty().bind(history.redoLabelProperty());
        redo.disableProperty().bind(history.canRedoProperty().not());
        Menu edit = new Menu("Edit");
        edit.getItems().addAll(undo, redo);

        Menu view = new Menu("View");
        int n = 1;
        for (WorkbenchModule module : workbench.modules()) {
            KeyCombination key = n <= 9 ? new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(n)),
                    KeyCombination.SHORTCUT_DOWN) : null;
            view.getItems().add(item(module.title(), "menu-view-" + module.id(), key,
                    () -> workbench.show(module.id())));
            n++;
        }
        MenuBar bar = new MenuBar(file, edit, view);
        bar.setId("menu-bar");
        return bar;
    }

    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (key != null) {
            item.setAccelerator(key);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    public TabPane tabs() {
        return tabs;
    }
}
