package dev.oscilla.ui.unmix;

import dev.oscilla.ui.common.FileDrop;
import dev.oscilla.ui.common.BarPlotPanel;
import dev.oscilla.ui.common.KnobBinding;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.PlotPanel;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Unmix view: spectra and endmembers, settings, the results table and the selected result in detail. */
public final class UnmixView extends BorderPane {

    private final UnmixViewModel vm;

    public UnmixView(UnmixViewModel vm, PlotExporter exporter) {
        this.vm = vm;
        getStyleClass().add("unmix-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(settings(), results(exporter));
        split.setDividerPositions(0.27);
        setCenter(split);
        Label summary = new Label();
        summary.setId("unmix-summary");
        summary.textProperty().bind(vm.runSummaryProperty());
        summary.getStyleClass().add("rms");
        HBox bottom = new HBox(summary);
        bottom.setPadding(new Insets(3, 8, 3, 8));
        setBottom(bottom);
        FileDrop.install(this, vm.runningProperty(), vm::openMixtures);
    }

    // ------------------------------------------------------------------ toolbar

    private Node toolbar() {
        Button open = new Button("Open spectra\u2026");
        open.setId("unmix-open");
        open.setTooltip(new Tooltip("Open mixed spectra to unmix (one or many; ASU tab + meta pairs may carry known "
                + "abundances, which are then scored); you can also drop a file onto this view."));
        open.setOnAction(e -> vm.openMixtures());
        MenuButton recent = new MenuButton("Recent");
        recent.setId("unmix-recent");
        Runnable fill = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                MenuItem item = new MenuItem(p.getFileName().toString());
                item.setOnAction(e -> vm.openMixtures(p));
                recent.getItems().add(item);
            }
        };
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fill.run());
        fill.run();
        recent.disableProperty().bind(vm.runningProperty().or(Bindings.isEmpty(vm.recentFiles())));
        open.disableProperty().bind(vm.runningProperty());
        Label source = new Label();
        source.setId("unmix-source");
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.mixturesProperty().get() == null) {
                return "no spectra open";
            }
            int n = vm.mixturesProperty().get().size();
            return vm.mixturesSourceProperty().get() + ": " + n + " spectr" + (n == 1 ? "um" : "a")
                    + (vm.mixturesProperty().get().hasAbundances() ? ", with known abundances" : "");
        }, vm.mixturesProperty(), vm.mixturesSourceProperty()));
        source.getStyleClass().add("source-note");
        source.setMinWidth(0);

        Button run = new Button("Unmix");
        run.setId("unmix-run");
        run.getStyleClass().add("default-action");
        run.setTooltip(new Tooltip("Unmix every open spectrum with these settings, in the background."));
        run.disableProperty().bind(vm.canRunBinding().not());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("unmix-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("unmix-progress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.textProperty().bind(Bindings.when(vm.runningProperty()).then(vm.progressMessageProperty())
                .otherwise(vm.problemProperty()));
        message.getStyleClass().add("hint");
        message.setId("unmix-problem");
        message.setMinWidth(0);
        // the run controls keep their place whatever the messages say (a moving Cancel is hard to hit)
        message.setPrefWidth(320);
        message.setMaxWidth(320);
        HBox.setHgrow(source, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        HBox bar1 = new HBox(8, new Label("Spectra"), open, recent, source, run, cancel, bar, message);
        for (Node n : bar1.getChildren()) {
            if (n instanceof Region r && n != source && n != message) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        message.setMinWidth(120);
        bar1.setAlignment(Pos.CENTER_LEFT);
        bar1.setPadding(new Insets(6, 8, 6, 8));
        bar1.getStyleClass().add("view-toolbar");
        return bar1;
    }

    // ------------------------------------------------------------------ settings

    private Node settings() {
        ToggleGroup sourceGroup = new ToggleGroup();
        RadioButton library = new RadioButton(UnmixViewModel.Source.LIBRARY.label());
        RadioButton measured = new RadioButton(UnmixViewModel.Source.MEASURED.label());
        library.setId("unmix-source-library");
        measured.setId("unmix-source-measured");
        library.setToggleGroup(sourceGroup);
        measured.setToggleGroup(sourceGroup);
        library.setUserData(UnmixViewModel.Source.LIBRARY);
        measured.setUserData(UnmixViewModel.Source.MEASURED);
        Runnable showSource = () -> (vm.sourceProperty().get() == UnmixViewModel.Source.MEASURED ? measured : library)
                .setSelected(true);
        vm.sourceProperty().addListener(obs -> showSource.run());
        showSource.run();
        sourceGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.sourceProperty().set((UnmixViewModel.Source) now.getUserData());
            }
        });
        library.setTooltip(new Tooltip("The open library's minerals, rendered as emissivity on the spectra's axis."));
        Button openLibrary = new Button("Open\u2026");
        openLibrary.setId("unmix-open-library");
        openLibrary.setTooltip(new Tooltip("Spectra of pure minerals with their groups (e.g. an ASU tab + meta pair)."));
        openLibrary.setOnAction(e -> vm.openMeasuredLibrary());
        Label measuredFile = new Label();
        measuredFile.textProperty().bind(vm.measuredSourceProperty());
        measuredFile.getStyleClass().add("source-note");
        HBox measuredRow = new HBox(6, measured, openLibrary, measuredFile);
        measuredRow.setAlignment(Pos.CENTER_LEFT);

        TableView<EndmemberChoice> table = new TableView<>(vm.endmembers());
        table.setId("unmix-endmembers");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EndmemberChoice, Boolean> use = new TableColumn<>("Use");
        use.setCellValueFactory(c -> c.getValue().usedProperty());
        use.setCellFactory(CheckBoxTableCell.forTableColumn(use));
        use.setEditable(true);
        use.setPrefWidth(44);
        TableColumn<EndmemberChoice, String> name = new TableColumn<>("Endmember");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(120);
        TableColumn<EndmemberChoice, String> group = new TableColumn<>("Group");
        group.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().group()));
        group.setPrefWidth(110);
        TableColumn<EndmemberChoice, Boolean> forced = new TableColumn<>("Forced");
        forced.setCellValueFactory(c -> c.getValue().forcedProperty());
        forced.setCellFactory(CheckBoxTableCell.forTableColumn(forced));
        forced.setEditable(true);
        forced.setPrefWidth(56);
        table.getColumns().add(use);
        table.getColumns().add(name);
        table.getColumns().add(group);
        table.getColumns().add(forced);
        table.setPlaceholder(new Label("No endmembers: open a measured library or add minerals to the library."));
        table.setPrefHeight(200);
        Tooltip forcedTip = new Tooltip("Forced endmembers (e.g. atmospheric spectra) are free in sign and outside "
                + "the sum to one; their raw abundance is shown.");
        forcedTip.setWrapText(true);
        forcedTip.setMaxWidth(380);
        table.setTooltip(forcedTip);

        ComboBox<UnmixMethod> method = new ComboBox<>();
        method.setId("unmix-method");
        method.getItems().setAll(UnmixViewModel.METHODS);
        method.setCellFactory(l -> new MethodCell());
        method.setButtonCell(new MethodCell());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setMaxWidth(Double.MAX_VALUE);
        CheckBox blackbody = new CheckBox("Blackbody endmember");
        blackbody.setId("unmix-blackbody");
        blackbody.selectedProperty().bindBidirectional(vm.blackbodyProperty());
        blackbody.setTooltip(new Tooltip("Add a flat E = 1 endmember (shallower spectral contrast, e.g. from grain "
                + "size); its fraction is reported and the minerals renormalised to sum 1."));

        TextField low = new TextField();
        low.setId("unmix-window-low");
        TextField high = new TextField();
        high.setId("unmix-window-high");
        for (TextField t : new TextField[] {low, high}) {
            t.setPrefColumnCount(6);
            t.getStyleClass().add("knob-field");
        }
        KnobBinding.bindText(low, vm.windowLowField());
        KnobBinding.bindText(high, vm.windowHighField());
        Button whole = new Button("Usable range");
        whole.setId("unmix-window-reset");
        whole.setTooltip(new Tooltip("Back to the spectra's usable range: their valid channels without the noisy "
                + "ends of the instrument's range."));
        whole.setOnAction(e -> vm.resetWindow());
        whole.setMinWidth(Region.USE_PREF_SIZE);
        HBox window = new HBox(6, low, new Label("\u2013"), high, new Label("cm\u207b\u00b9"), whole);
        window.setAlignment(Pos.CENTER_LEFT);
        Label windowNote = new Label();
        windowNote.setId("unmix-window-note");
        windowNote.textProperty().bind(vm.window().notesProperty());
        windowNote.getStyleClass().add("hint");
        windowNote.setWrapText(true);
        windowNote.visibleProperty().bind(windowNote.textProperty().isNotEmpty());
        windowNote.managedProperty().bind(windowNote.visibleProperty());
        Label groupWarning = new Label();
        groupWarning.setId("unmix-group-warning");
        groupWarning.textProperty().bind(vm.groupWarningProperty());
        groupWarning.getStyleClass().add("warning");
        groupWarning.setWrapText(true);
        groupWarning.visibleProperty().bind(groupWarning.textProperty().isNotEmpty());
        groupWarning.managedProperty().bind(groupWarning.visibleProperty());

        TextArea notes = new TextArea();
        notes.setId("unmix-notes");
        notes.setEditable(false);
        notes.setWrapText(true);
        notes.setPrefRowCount(4);
        vm.notes().addListener((ListChangeListener<String>) c -> notes.setText(String.join("\n", vm.notes())));
        TitledPane notesPane = new TitledPane("Notes of the last run", notes);
        notesPane.setExpanded(false);

        VBox box = new VBox(6, heading("Endmembers"), library, measuredRow, table, groupWarning, heading("Method"),
                method, blackbody, heading("Window"), window, windowNote, notesPane);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setMinWidth(300);
        for (Node n : List.of(library, measuredRow, table, method, blackbody, window)) {
            n.disableProperty().bind(vm.runningProperty());
        }
        return box;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("group-title");
        return l;
    }

    // ------------------------------------------------------------------ results

    private Node results(PlotExporter exporter) {
        BarPlotPanel bars = new BarPlotPanel(vm.abundancePlot(), exporter);
        HBox.setHgrow(bars, Priority.ALWAYS);
        TableView<GroupRow> groups = new TableView<>(vm.groups());
        groups.setId("unmix-groups");
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        groups.getColumns().add(textColumn("Group", 150, GroupRow::group));
        groups.getColumns().add(numberColumn("Sum", 64, GroupRow::sum, FRACTION));
        groups.getColumns().add(numberColumn("Known", 64, GroupRow::known, FRACTION));
        groups.setPlaceholder(new Label("No result"));
        TableView<ShiftRow> shifts = new TableView<>(vm.shifts());
        shifts.setId("unmix-shifts");
        shifts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        shifts.getColumns().add(textColumn("Mineral", 78, ShiftRow::mineral));
        shifts.getColumns().add(textColumn("Parameter", 120, ShiftRow::parameter));
        shifts.getColumns().add(numberColumn("Library", 64, ShiftRow::library, SIGNIFICANT));
        shifts.getColumns().add(numberColumn("Flexed", 64, ShiftRow::flexed, SIGNIFICANT));
        shifts.getColumns().add(numberColumn("% of box", 70, ShiftRow::percentOfBox, PERCENT));
        shifts.setTooltip(new Tooltip("Analysis-by-synthesis: the largest moves of each mineral's parameters, in % "
                + "of half its flex box (\u00b1100 % at the box's edges)."));
        shifts.setPlaceholder(new Label("Only analysis-by-synthesis flexes the minerals."));
        Tab groupTab = new Tab("Group sums", groups);
        groupTab.setId("unmix-groups-tab");
        Tab shiftTab = new Tab("How the minerals flexed", shifts);
        shiftTab.setId("unmix-shifts-tab");
        TabPane side = new TabPane(groupTab, shiftTab);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("unmix-side");
        side.setPrefWidth(440);
        side.setMinWidth(300);
        // a run of analysis-by-synthesis brings its parameter shifts to the front, a linear one the group sums
        vm.shifts().addListener((ListChangeListener<ShiftRow>) c -> {
            if (!vm.shifts().isEmpty()) {
                side.getSelectionModel().select(shiftTab);
            } else if (side.getSelectionModel().getSelectedItem() == shiftTab) {
                side.getSelectionModel().select(groupTab);
            }
        });
        HBox top = new HBox(8, bars, side);
        top.setPadding(new Insets(0, 6, 0, 0));

        PlotPanel spectra = new PlotPanel(vm.spectraPlot(), exporter);
        // up to a dozen curves: their legend goes to the side, where it does not take the plot's height
        spectra.chart().getLegend().setSide(io.fair_acc.chartfx.ui.geometry.Side.RIGHT);
        spectra.chart().getLegend().setVertical(true);
        Label detail = new Label();
        detail.setId("unmix-selected");
        detail.textProperty().bind(vm.selectedSummaryProperty());
        detail.getStyleClass().add("hint");
        detail.setPadding(new Insets(0, 8, 0, 8));
        VBox middle = new VBox(2, spectra, detail);
        VBox.setVgrow(spectra, Priority.ALWAYS);

        SplitPane stack = new SplitPane(top, middle, resultTable());
        stack.setOrientation(Orientation.VERTICAL);
        stack.setDividerPositions(0.33, 0.74);
        return stack;
    }

    private Node resultTable() {
        TableView<UnmixRow> table = new TableView<>();
        table.setId("unmix-results");
        SortedList<UnmixRow> sorted = new SortedList<>(vm.results());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No results yet: choose the endmembers and press Unmix."));
        Runnable columns = () -> {
            table.getColumns().clear();
            table.getColumns().add(textColumn("Spectrum", 180, UnmixRow::spectrum));
            table.getColumns().add(numberColumn("RMS", 72, UnmixRow::rms, SIGNIFICANT));
            table.getColumns().add(numberColumn("Blackbody", 84, UnmixRow::blackbody, FRACTION));
            for (String name : vm.resultColumns()) {
                table.getColumns().add(numberColumn(name, 80, r -> r.abundance(name), FRACTION));
            }
            if (vm.scoredProperty().get()) {
                table.getColumns().add(numberColumn("Sq. error", 84, UnmixRow::squaredError, SIGNIFICANT));
                table.getColumns().add(numberColumn("L1 error", 70, UnmixRow::errorL1, SIGNIFICANT));
                table.getColumns().add(numberColumn("Precision", 72, UnmixRow::precision, FRACTION));
                table.getColumns().add(numberColumn("Recall", 64, UnmixRow::recall, FRACTION));
            }
        };
        vm.resultColumns().addListener((ListChangeListener<String>) c -> columns.run());
        vm.scoredProperty().addListener(obs -> columns.run());
        columns.run();
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                UnmixRow row = vm.selectedProperty().get();
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                }
            } finally {
                syncing[0] = false;
            }
        };
        vm.selectedProperty().addListener(obs -> fromModel.run());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!syncing[0] && now != null) {
                vm.selectedProperty().set(now);
            }
        });

        Label scores = new Label();
        scores.setId("unmix-scores");
        scores.textProperty().bind(vm.scoreSummaryProperty());
        scores.getStyleClass().add("rms");
        scores.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button("Export CSV\u2026");
        export.setId("unmix-export");
        export.setTooltip(new Tooltip("One row per spectrum: RMS, blackbody, abundances with errors, group sums."));
        export.disableProperty().bind(Bindings.isEmpty(vm.results()));
        export.setOnAction(e -> vm.exportCsv());
        Label title = heading("Results");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, title, scores, spacer, export);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(2, 6, 2, 6));
        export.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, head, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static <R> TableColumn<R, String> textColumn(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** Abundances, fractions: three decimals (0.300, 0.000). */
    private static final java.util.function.DoubleFunction<String> FRACTION =
            v -> String.format(java.util.Locale.ROOT, "%.3f", v);
    /** Misfits, parameter values: three significant digits. */
    private static final java.util.function.DoubleFunction<String> SIGNIFICANT = v -> Numbers.format(v, 3);
    private static final java.util.function.DoubleFunction<String> PERCENT =
            v -> String.format(java.util.Locale.ROOT, "%+.0f %%", v);

    /** A numeric column: sorts by value, shows it formatted, empty for NaN. */
    private static <R> TableColumn<R, Double> numberColumn(String title, double width, ToDoubleFunction<R> value,
                                                           java.util.function.DoubleFunction<String> format) {
        TableColumn<R, Double> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || item.isNaN() ? null : format.apply(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static final class MethodCell extends ListCell<UnmixMethod> {
        @Override
        protected void updateItem(UnmixMethod item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : switch (item) {
                case FCLS -> "FCLS: fully constrained (x \u2265 0, \u03a3x = 1)";
                case NNLS -> "NNLS: non-negative (x \u2265 0)";
                case LS -> "LS: unconstrained";
                case ABS -> "Analysis-by-synthesis (minerals flex)";
                case IR -> "Inverse rendering (the trained network)";
                case IR_ABS -> "Network, then analysis-by-synthesis";
                default -> item.label();
            });
        }
    }
}
