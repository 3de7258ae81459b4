package dev.oscilla.ui.fit;

import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.ui.common.HistoryButtons;
import dev.oscilla.ui.common.FileDrop;
import dev.oscilla.ui.common.CommandHistory;
import dev.oscilla.ui.common.IntegerSpinner;
import dev.oscilla.ui.common.KnobBinding;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.PlotPanel;
import dev.oscilla.ui.mineral.KnobHelp;
import dev.oscilla.ui.mineral.ParameterNames;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
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
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.RangeSlider;

/** The Fit view: spectrum, settings, the fitted model's parameter table, live plots. Layout and bindings only. */
public final class FitView extends BorderPane {

    private static final PseudoClass CORRELATED = PseudoClass.getPseudoClass("correlated");
    /** Correlated pairs listed above the table; the rest are in a tooltip. */
    private static final int SHOWN_WARNINGS = 4;

    private final FitViewModel vm;
    private final GridPane table = new GridPane();

    public FitView(FitViewModel vm, CommandHistory history, PlotExporter exporter) {
        this.vm = vm;
        getStyleClass().add("fit-view");
        setTop(spectrumBar(history));
        SplitPane split = new SplitPane(editor(), plots(exporter));
        split.setDividerPositions(0.46);
        setCenter(split);
        Label summary = new Label();
        summary.setId("fit-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("rms");
        HBox bottom = new HBox(summary);
        bottom.setPadding(new Insets(3, 8, 3, 8));
        setBottom(bottom);

        // a spectrum file dropped anywhere on the view is opened for fitting
        FileDrop.install(this, vm.runningProperty(), vm::openSpectra);
    }

    // ------------------------------------------------------------------ spectrum bar

    private Node spectrumBar(CommandHistory history) {
        Button open = new Button("Open spectra\u2026");
        open.setId("fit-open");
        open.setTooltip(new Tooltip("Open a spectrum file (CSV/TSV table, ASU tab + meta pair); you can also drop a "
                + "file onto this view."));
        open.setOnAction(e -> vm.openSpectra());
        MenuButton recent = new MenuButton("Recent");
        recent.setId("fit-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                MenuItem item = new MenuItem(p.getFileName().toString());
                item.setOnAction(e -> vm.openSpectra(p));
                recent.getItems().add(item);
            }
        };
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();

        ComboBox<Spectrum> spectra = new ComboBox<>(vm.spectra());
        spectra.setId("fit-spectrum");
        spectra.setPrefWidth(230);
        spectra.setCellFactory(l -> new SpectrumCell());
        spectra.setButtonCell(new SpectrumCell());
        spectra.setTooltip(new Tooltip("The spectrum to fit (a file may hold several: pick one)."));
        syncSelection(spectra, vm.spectrumProperty());
        Label source = new Label();
        source.setId("fit-source");
        source.textProperty().bind(Bindings.createStringBinding(() -> vm.spectraSourceProperty().get()
                + (vm.readerNotesProperty().get().isEmpty() ? "" : " \u2014 "
                + vm.readerNotesProperty().get().replace('\n', ' ')), vm.spectraSourceProperty(),
                vm.readerNotesProperty()));
        source.getStyleClass().add("source-note");
        Tooltip sourceTip = new Tooltip();
        sourceTip.textProperty().bind(Bindings.createStringBinding(() -> "Read from " + vm.spectraSourceProperty().get()
                + (vm.readerNotesProperty().get().isEmpty() ? "" : ":\n" + vm.readerNotesProperty().get()),
                vm.spectraSourceProperty(), vm.readerNotesProperty()));
        sourceTip.setWrapText(true);
        sourceTip.setMaxWidth(560);
        source.setTooltip(sourceTip);
        for (Node n : new Node[] {open, spectra}) {
            n.disableProperty().bind(vm.runningProperty());
        }
        recent.disableProperty().bind(vm.runningProperty().or(Bindings.isEmpty(vm.recentFiles())));

        Button undo = HistoryButtons.undo(history, "fit-undo");
        Button redo = HistoryButtons.redo(history, "fit-redo");

        HBox.setHgrow(source, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, new Label("Spectrum"), spectra, open, recent, source, undo, redo);
        for (Node n : bar.getChildren()) {
            if (n instanceof Region r && n != source) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        source.setMinWidth(0);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("view-toolbar");
        return bar;
    }

    // ------------------------------------------------------------------ settings, actions, model, parameters

    private Node editor() {
        VBox box = new VBox(8, settings(), actions(), model(), warnings(), parameters(), notes());
        box.setPadding(new Insets(8));
        box.setMinWidth(560);
        VBox.setVgrow(box.getChildren().get(4), Priority.ALWAYS);
        return box;
    }

    private Node settings() {
        TextField low = new TextField();
        low.setId("fit-window-low");
        TextField high = new TextField();
        high.setId("fit-window-high");
        for (TextField t : new TextField[] {low, high}) {
            t.setPrefColumnCount(6);
            t.getStyleClass().add("knob-field");
        }
        KnobBinding.bindText(low, vm.windowLowField());
        KnobBinding.bindText(high, vm.windowHighField());
        Button whole = new Button("Usable range");
        whole.setId("fit-window-all");
        whole.setTooltip(new Tooltip("Back to the spectrum's usable range: its valid channels without the noisy "
                + "ends of the instrument's range."));
        whole.setOnAction(e -> vm.resetWindow());
        Label channels = new Label();
        channels.textProperty().bind(Bindings.createStringBinding(() -> vm.windowChannelsProperty().get()
                + " channels", vm.windowChannelsProperty()));
        channels.getStyleClass().add("hint");
        Label dragHint = new Label("\u00b7 or drag on a plot");
        dragHint.getStyleClass().add("hint");
        HBox windowRow = new HBox(6, low, new Label("\u2013"), high, new Label("cm\u207b\u00b9"), whole, channels,
                dragHint);
        windowRow.setAlignment(Pos.CENTER_LEFT);

        RangeSlider slider = new RangeSlider(0, 1, 0, 1);
        slider.setId("fit-window-slider");
        slider.setShowTickLabels(true);
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(200);
        bindRangeSlider(slider);
        slider.setTooltip(new Tooltip("Drag the thumbs to set the fit window, or drag across a plot."));

        ToggleGroup quantity = new ToggleGroup();
        RadioButton emissivity = new RadioButton("Emissivity");
        RadioButton reflectance = new RadioButton("Reflectance");
        emissivity.setId("fit-emissivity");
        reflectance.setId("fit-reflectance");
        emissivity.setToggleGroup(quantity);
        reflectance.setToggleGroup(quantity);
        emissivity.setUserData(Quantity.EMISSIVITY);
        reflectance.setUserData(Quantity.REFLECTANCE);
        Runnable showQuantity = () -> (vm.quantityProperty().get() == Quantity.REFLECTANCE ? reflectance : emissivity)
                .setSelected(true);
        vm.quantityProperty().addListener(obs -> showQuantity.run());
        showQuantity.run();
        quantity.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.quantityProperty().set((Quantity) now.getUserData());
            }
        });

        ComboBox<Integer> modes = new ComboBox<>();
        modes.setId("fit-modes");
        modes.getItems().setAll(FitViewModel.MODE_CHOICES);
        modes.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n == 0 ? "Auto (1 or 2)" : Integer.toString(n);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        modes.valueProperty().bindBidirectional(vm.modesProperty());
        modes.setTooltip(new Tooltip("Modes (crystal axes) of the auto-fit: 1 isotropic, 2 uniaxial, 3 biaxial; Auto "
                + "fits 1 and 2 and keeps the better by BIC."));
        Spinner<Integer> maxOsc = new IntegerSpinner(vm.maxOscillatorsProperty(), 0, 200, 1, "fit-max-oscillators");
        maxOsc.setTooltip(new Tooltip("At most this many oscillators in the auto-fit (0: as many as the data "
                + "support)."));
        Spinner<Integer> iterations = new IntegerSpinner(vm.maxIterationsProperty(), 1, 5000, 1, "fit-iterations");
        iterations.setTooltip(new Tooltip("Iteration limit of each solver phase."));
        Spinner<Integer> starts = new IntegerSpinner(vm.startsProperty(), 1, 8, 1, "fit-starts");
        starts.setPrefWidth(64);
        starts.setTooltip(new Tooltip("Independent seeded starts of the auto-fit; the best by BIC is kept (each "
                + "start costs a whole fit)."));

        HBox q = new HBox(10, new Label("Fit as"), emissivity, reflectance, gap(), new Label("Modes"), modes);
        HBox limits = new HBox(10, new Label("Max oscillators"), maxOsc, gap(), new Label("Iterations"), iterations,
                gap(), new Label("Starts"), starts);
        for (HBox row : new HBox[] {windowRow, q, limits}) {
            row.setAlignment(Pos.CENTER_LEFT);
            for (Node n : row.getChildren()) {
                if (n instanceof Region r && !(n instanceof TextField)) {
                    r.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        }
        HBox windowLine = new HBox(8, new Label("Window"), windowRow);
        windowLine.setAlignment(Pos.CENTER_LEFT);
        windowLine.getChildren().get(0).setStyle("-fx-min-width: 52;");
        VBox grid = new VBox(6, windowLine, slider, q, limits);
        VBox.setMargin(slider, new Insets(0, 4, 0, 60));
        grid.disableProperty().bind(vm.runningProperty());
        TitledPane pane = new TitledPane("Fit settings", grid);
        pane.setCollapsible(false);
        return pane;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(18);
        return r;
    }

    /** The range slider shows the window; moving its thumbs sets it (no echo back into the view-model). */
    private void bindRangeSlider(RangeSlider slider) {
        boolean[] presenting = {false};
        Runnable show = () -> {
            presenting[0] = true;
            try {
                double min = vm.rangeMinProperty().get();
                double max = vm.rangeMaxProperty().get();
                if (max > min) {
                    slider.setMin(Math.min(min, slider.getMin()));
                    slider.setMax(Math.max(max, slider.getMax()));
                    slider.setMin(min);
                    slider.setMax(max);
                    slider.setHighValue(vm.windowHighProperty().get());
                    slider.setLowValue(vm.windowLowProperty().get());
                    slider.setHighValue(vm.windowHighProperty().get());
                    slider.setMajorTickUnit(niceTick(max - min));
                }
            } finally {
                presenting[0] = false;
            }
        };
        vm.rangeMinProperty().addListener(obs -> show.run());
        vm.rangeMaxProperty().addListener(obs -> show.run());
        vm.windowLowProperty().addListener(obs -> show.run());
        vm.windowHighProperty().addListener(obs -> show.run());
        show.run();
        Runnable fromSlider = () -> {
            if (!presenting[0]) {
                vm.setWindow(slider.getLowValue(), slider.getHighValue());
            }
        };
        slider.lowValueProperty().addListener(obs -> fromSlider.run());
        slider.highValueProperty().addListener(obs -> fromSlider.run());
    }

    private static double niceTick(double span) {
        double raw = span / 6;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private Node actions() {
        Button auto = new Button("Auto-fit");
        auto.setId("fit-auto");
        auto.getStyleClass().add("default-action");
        auto.setTooltip(new Tooltip("Fit from scratch: seed oscillators at the spectrum's bands, prune what is not "
                + "needed, choose the modes. The result replaces the model (one undo step)."));
        auto.disableProperty().bind(vm.canAutoFitBinding().not());
        auto.setOnAction(e -> vm.autoFit());
        Button refine = new Button("Re-fit from current");
        refine.setId("fit-refine");
        refine.setTooltip(new Tooltip("Fit again starting from the model as it stands, holding locked parameters "
                + "and honouring the bounds (one undo step)."));
        refine.disableProperty().bind(vm.canRefineBinding().not());
        refine.setOnAction(e -> vm.refine());
        Button cancel = new Button("Cancel");
        cancel.setId("fit-cancel");
        cancel.setTooltip(new Tooltip("Stop the fit; the model stays as it was."));
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("fit-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.setId("fit-progress-message");
        message.textProperty().bind(vm.progressMessageProperty());
        message.getStyleClass().add("hint");
        message.setMinWidth(0);
        HBox row = new HBox(8, auto, refine, cancel, bar, message);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Region r : new Region[] {auto, refine, cancel}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        return row;
    }

    private Node model() {
        ComboBox<String> picker = new ComboBox<>(vm.modelChoices());
        picker.setId("fit-model");
        picker.setPrefWidth(200);
        picker.setPromptText("Start from\u2026");
        picker.setTooltip(new Tooltip("Start the working model from a copy of a library entry; the entry itself is "
                + "only changed by Replace in library."));
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                String origin = vm.originProperty().get();
                picker.setValue(origin != null && vm.modelChoices().contains(origin) ? origin : null);
            } finally {
                syncing[0] = false;
            }
        };
        vm.originProperty().addListener(obs -> fromModel.run());
        vm.modelChoices().addListener((ListChangeListener<String>) c -> fromModel.run());
        picker.valueProperty().addListener((obs, was, now) -> {
            if (!syncing[0] && now != null) {
                vm.chooseModel(now);
                fromModel.run();
            }
        });
        fromModel.run();
        Button fresh = new Button("New model");
        fresh.setId("fit-new-model");
        fresh.setTooltip(new Tooltip("Start a new model: the next auto-fit makes it."));
        fresh.setOnAction(e -> vm.newModel());
        Button save = new Button("Add to library\u2026");
        save.setId("fit-save");
        save.setTooltip(new Tooltip("Add the model to the open library as a new entry (asks its name and group; one "
                + "undo step); File \u25b8 Save writes the library to disk."));
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setOnAction(e -> vm.saveToLibrary());
        Button replace = new Button("Replace in library");
        replace.setId("fit-replace");
        replace.textProperty().bind(Bindings.createStringBinding(() -> vm.originProperty().get() == null
                ? "Replace in library" : "Replace \u201c" + vm.originProperty().get() + "\u201d", vm.originProperty()));
        replace.setTooltip(new Tooltip("Replace the library entry the model started from with the model (one undo "
                + "step)."));
        replace.disableProperty().bind(vm.canReplaceBinding().not().or(vm.runningProperty()));
        replace.setOnAction(e -> vm.replaceInLibrary());
        picker.disableProperty().bind(vm.runningProperty());
        fresh.disableProperty().bind(vm.runningProperty());
        Label name = new Label();
        name.setId("fit-model-name");
        name.textProperty().bind(vm.targetProperty());
        name.getStyleClass().add("rms");
        name.setMinWidth(0);
        Label info = new Label();
        info.setId("fit-model-info");
        info.textProperty().bind(vm.targetInfoProperty());
        info.getStyleClass().add("hint");
        info.setWrapText(true);
        info.setMinHeight(Region.USE_PREF_SIZE);
        Label title = new Label("Model");
        title.setId("fit-model-label");
        FlowPane buttons = new FlowPane(8, 4, picker, fresh, save, replace);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(8, title, name);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Region r : new Region[] {title, picker, fresh, save, replace}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label fitInfo = new Label();
        fitInfo.setId("fit-info");
        fitInfo.textProperty().bind(vm.fitInfoProperty());
        fitInfo.getStyleClass().add("hint");
        fitInfo.setWrapText(true);
        return new VBox(4, row, buttons, info, fitInfo);
    }

    private Node warnings() {
        Label title = new Label("Strongly correlated (|r| > 0.95): the data cannot tell these apart; consider "
                + "locking one of a pair or removing a band.");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.getStyleClass().add("warning-title");
        VBox list = new VBox(1);
        list.setId("fit-correlations");
        Runnable fill = () -> {
            list.getChildren().clear();
            int shown = 0;
            for (String w : vm.correlationWarnings()) {
                if (shown++ == SHOWN_WARNINGS) {
                    Label more = new Label("\u2026 and " + (vm.correlationWarnings().size() - SHOWN_WARNINGS)
                            + " more pairs (hover for all)");
                    more.getStyleClass().add("hint");
                    more.setTooltip(tip(String.join("\n", vm.correlationWarnings())));
                    list.getChildren().add(more);
                    break;
                }
                Label l = new Label(w);
                l.getStyleClass().add("warning");
                list.getChildren().add(l);
            }
        };
        vm.correlationWarnings().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        VBox box = new VBox(2, title, list);
        box.getStyleClass().add("warning-box");
        box.setPadding(new Insets(4, 6, 4, 6));
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.correlationWarnings()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node parameters() {
        table.setHgap(6);
        table.setVgap(2);
        table.setId("fit-parameters");
        table.getColumnConstraints().addAll(new ColumnConstraints(62), new ColumnConstraints(64), grow(150),
                new ColumnConstraints(86), new ColumnConstraints(34), new ColumnConstraints(76),
                new ColumnConstraints(76));
        vm.rows().addListener((ListChangeListener<ParameterRow>) c -> rebuildTable());
        rebuildTable();
        table.disableProperty().bind(vm.runningProperty());
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setId("fit-parameters-scroll");
        Label empty = new Label("No model yet: run the auto-fit, or pick a library entry as the model.");
        empty.getStyleClass().add("placeholder");
        empty.setWrapText(true);
        empty.visibleProperty().bind(vm.hasModelProperty().not());
        empty.managedProperty().bind(empty.visibleProperty());
        scroll.visibleProperty().bind(vm.hasModelProperty());
        scroll.managedProperty().bind(scroll.visibleProperty());

        MenuButton locks = new MenuButton("Locks");
        locks.setId("fit-locks");
        locks.setTooltip(new Tooltip("Lock or unlock a whole kind of parameter for the next re-fit."));
        for (ParameterKind kind : ParameterKind.values()) {
            MenuItem lock = new MenuItem("Lock every " + ParameterNames.symbol(kind));
            lock.setOnAction(e -> vm.lockAll(kind, true));
            locks.getItems().add(lock);
        }
        locks.getItems().add(new SeparatorMenuItem());
        MenuItem unlock = new MenuItem("Unlock all");
        unlock.setOnAction(e -> {
            for (ParameterKind kind : ParameterKind.values()) {
                vm.lockAll(kind, false);
            }
        });
        locks.getItems().add(unlock);
        locks.disableProperty().bind(vm.hasModelProperty().not().or(vm.runningProperty()));
        Label title = new Label("Parameters");
        title.getStyleClass().add("mode-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, locks);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, head, scroll, empty);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return box;
    }

    private static ColumnConstraints grow(double min) {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(min);
        return c;
    }

    private void rebuildTable() {
        table.getChildren().clear();
        String[] heads = {"", "", "Value", "\u00b1 error", "Lock", "Min", "Max"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("column-header");
            table.add(h, c, 0);
        }
        int r = 1;
        for (ParameterRow row : vm.rows()) {
            addRow(row, r++);
        }
    }

    private void addRow(ParameterRow row, int r) {
        String id = "param-" + row.index();
        Region background = new Region();
        background.getStyleClass().add("parameter-row");
        background.pseudoClassStateChanged(CORRELATED, row.correlatedProperty().get());
        row.correlatedProperty().addListener((obs, was, now) -> background.pseudoClassStateChanged(CORRELATED, now));
        table.add(background, 0, r, 7, 1);
        Label group = new Label(row.group());
        group.getStyleClass().add(row.group().startsWith("Mode") ? "group-title" : "band-label");
        group.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label(row.label());
        name.setTooltip(tip(KnobHelp.of(row.kind())));
        Node knob = KnobBinding.knob(row.value(), KnobHelp.of(row.kind()), id);
        Label error = new Label();
        error.setId("error-" + row.index());
        error.textProperty().bind(row.errorProperty());
        error.getStyleClass().add("std-error");
        CheckBox lock = new CheckBox();
        lock.setId("lock-" + row.index());
        lock.selectedProperty().bindBidirectional(row.lockedProperty());
        lock.setTooltip(new Tooltip("Hold this parameter at its value in a re-fit."));
        TextField min = boundField(row.lower(), "min-" + row.index(), "Lower bound in a re-fit (empty: the fitter's "
                + "default, shown grey)");
        TextField max = boundField(row.upper(), "max-" + row.index(), "Upper bound in a re-fit (empty: the fitter's "
                + "default, shown grey)");
        Node[] cells = {group, name, knob, error, lock, min, max};
        for (int c = 0; c < cells.length; c++) {
            table.add(cells[c], c, r);
        }
    }

    private static TextField boundField(BoundField bound, String id, String help) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(6);
        t.getStyleClass().add("knob-field");
        t.textProperty().bindBidirectional(bound.textProperty());
        t.promptTextProperty().bind(bound.promptProperty());
        t.setOnAction(e -> bound.commit());
        t.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                bound.commit();
            }
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                bound.revert();
                e.consume();
            }
        });
        Tooltip tip = tip(help);
        t.setTooltip(tip);
        bound.textValidProperty().addListener((obs, was, valid) -> {
            t.pseudoClassStateChanged(KnobBinding.INVALID, !valid);
            tip.setText(valid ? help : bound.problemProperty().get());
        });
        return t;
    }

    private Node notes() {
        TextArea text = new TextArea();
        text.setId("fit-notes");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(5);
        Runnable fill = () -> {
            StringBuilder sb = new StringBuilder();
            if (!vm.readerNotesProperty().get().isEmpty()) {
                sb.append("Reading ").append(vm.spectraSourceProperty().get()).append(":\n")
                        .append(vm.readerNotesProperty().get()).append("\n\n");
            }
            if (!vm.fitNotes().isEmpty()) {
                sb.append("The fitter:\n").append(String.join("\n", vm.fitNotes()));
            }
            text.setText(sb.toString().trim());
        };
        vm.readerNotesProperty().addListener(obs -> fill.run());
        vm.fitNotes().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        TitledPane pane = new TitledPane("Reader and fitter notes", text);
        pane.setExpanded(false);
        pane.setId("fit-notes-pane");
        return pane;
    }

    // ------------------------------------------------------------------ plots

    private Node plots(PlotExporter exporter) {
        PlotPanel spectrum = new PlotPanel(vm.spectrumPlot(), exporter);
        PlotPanel residual = new PlotPanel(vm.residualPlot(), exporter);
        spectrum.chart().getStyleClass().add("fit-window-chart");
        residual.chart().getStyleClass().add("fit-window-chart");
        SplitPane stack = new SplitPane(spectrum, residual);
        stack.setOrientation(Orientation.VERTICAL);
        stack.setDividerPositions(0.64);
        return stack;
    }

    // ------------------------------------------------------------------ helpers

    private static <T> void syncSelection(ComboBox<T> box, ObjectProperty<T> model) {
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                box.setValue(model.get());
            } finally {
                syncing[0] = false;
            }
        };
        model.addListener(obs -> fromModel.run());
        box.getItems().addListener((ListChangeListener<T>) c -> fromModel.run());
        box.valueProperty().addListener((obs, was, now) -> {
            if (!syncing[0] && now != null) {
                model.set(now);
            }
        });
        fromModel.run();
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private static final class SpectrumCell extends ListCell<Spectrum> {
        @Override
        protected void updateItem(Spectrum item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }
}
