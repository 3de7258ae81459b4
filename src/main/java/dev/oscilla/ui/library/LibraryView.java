package dev.oscilla.ui.library;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.PlotPanel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Library view: the entries of the open library and the comparison with a measured spectrum. Bindings only. */
public final class LibraryView extends BorderPane {

    private final LibraryViewModel vm;

    public LibraryView(LibraryViewModel vm, PlotExporter exporter) {
        this.vm = vm;
        getStyleClass().add("library-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(table(), comparePanel(exporter));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    private Node toolbar() {
        Button explore = button("Open in Explore", "open-in-explore", "Edit this entry's oscillators with live plots.");
        explore.setOnAction(e -> vm.openInExplore());
        Button rename = button("Rename\u2026", "rename", "Rename the selected entry.");
        rename.setOnAction(e -> vm.rename());
        Button group = button("Group\u2026", "edit-group",
                "Set the mineral group used for group sums when unmixing (e.g. feldspar).");
        group.setOnAction(e -> vm.editCategory());
        Button delete = button("Delete", "delete", "Delete the selected entry (undo brings it back).");
        delete.setOnAction(e -> vm.delete());
        for (Button b : new Button[] {explore, rename, group, delete}) {
            b.disableProperty().bind(vm.hasSelectionBinding().not());
        }
        Button importMinerals = button("Import minerals\u2026", "import",
                "Add the minerals of an Oscilla JSON library or an InfraRender HDF parameter file.");
        importMinerals.setOnAction(e -> vm.documents().importMinerals());
        Button save = button("Save", "save", "Save the library to its JSON file (atomically).");
        save.setOnAction(e -> vm.documents().save());
        Button saveAs = button("Save as\u2026", "save-as", "Save the library to a new JSON file.");
        saveAs.setOnAction(e -> vm.documents().saveAs());
        Button csv = button("Export CSV table\u2026", "export-csv",
                "One row per oscillator: omega0, S, rho, gamma, width, per mode.");
        csv.setOnAction(e -> vm.documents().exportCsvTable());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.documents().busyProperty());
        HBox bar = new HBox(6, explore, rename, group, delete, new Separator(Orientation.VERTICAL), importMinerals,
                save, saveAs, csv, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("view-toolbar");
        return bar;
    }

    private Node table() {
        TableView<MineralRow> table = new TableView<>(vm.rows());
        table.setId("library-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", 160, MineralRow::name));
        table.getColumns().add(column("Group", 120, MineralRow::category));
        table.getColumns().add(column("Modes", 60, MineralRow::modes));
        table.getColumns().add(column("Bands", 60, MineralRow::oscillators));
        table.getColumns().add(column("Source", 420, MineralRow::source));
        table.setPlaceholder(new Label("The library is empty: import minerals or open a library."));

        // selection <-> the document's current mineral, without echo loops
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                String name = vm.selectedNameProperty().get();
                MineralRow match = null;
                for (MineralRow r : vm.rows()) {
                    if (r.name().equals(name)) {
                        match = r;
                    }
                }
                if (match == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(match);
                    table.scrollTo(match);
                }
            } finally {
                syncing[0] = false;
            }
        };
        vm.selectedNameProperty().addListener(obs -> fromModel.run());
        vm.rows().addListener((ListChangeListener<MineralRow>) c -> fromModel.run());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing[0] && now != null) {
                vm.selectedNameProperty().set(now.name());
            }
        });
        table.setRowFactory(t -> {
            TableRow<MineralRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.openInExplore();
                }
            });
            return row;
        });
        fromModel.run();
        return table;
    }

    private Node comparePanel(PlotExporter exporter) {
        CompareModel compare = vm.compare();
        Button open = button("Open spectra\u2026", "open-spectra",
                "Open measured spectra (ASU tab + meta pair, or a text table) to compare the entry with.");
        open.setOnAction(e -> compare.openSpectra());
        ComboBox<Spectrum> spectra = new ComboBox<>(compare.spectra());
        spectra.setId("spectrum-picker");
        spectra.setPrefWidth(240);
        spectra.setCellFactory(list -> new SpectrumCell());
        spectra.setButtonCell(new SpectrumCell());
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                spectra.setValue(compare.spectrumProperty().get());
            } finally {
                syncing[0] = false;
            }
        };
        compare.spectrumProperty().addListener(obs -> fromModel.run());
        compare.spectra().addListener((ListChangeListener<Spectrum>) c -> fromModel.run());
        spectra.valueProperty().addListener((obs, old, now) -> {
            if (!syncing[0] && now != null) {
                compare.spectrumProperty().set(now);
            }
        });
        fromModel.run();
        Label summary = new Label();
        summary.setId("compare-summary");
        summary.textProperty().bind(compare.summaryProperty());
        summary.getStyleClass().add("rms");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Compare with"), spectra, open, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        PlotPanel plot = new PlotPanel(compare.plot(), exporter);
        VBox.setVgrow(plot, Priority.ALWAYS);
        return new VBox(bar, plot);
    }

    private static <T> TableColumn<MineralRow, T> column(String title, double width,
                                                         java.util.function.Function<MineralRow, T> value) {
        TableColumn<MineralRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static final class SpectrumCell extends ListCell<Spectrum> {
        @Override
        protected void updateItem(Spectrum item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }
}
