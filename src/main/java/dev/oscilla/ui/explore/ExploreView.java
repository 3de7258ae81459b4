package dev.oscilla.ui.explore;

import dev.oscilla.physics.Quantity;
import dev.oscilla.ui.common.HistoryButtons;
import dev.oscilla.ui.common.CommandHistory;
import dev.oscilla.ui.common.KnobBinding;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.PlotPanel;
import dev.oscilla.ui.mineral.KnobHelp;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Explore / teach view. Layout and bindings only: every value, rule and action lives in
 * {@link ExploreViewModel}.
 */
public final class ExploreView extends BorderPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ExploreViewModel vm;
    private final VBox modesBox = new VBox(10);

    public ExploreView(ExploreViewModel vm, CommandHistory history, PlotExporter exporter) {
        this.vm = vm;
        getStyleClass().add("explore-view");
        setTop(toolbar(history));
        SplitPane split = new SplitPane(editor(), plots(exporter));
        split.setDividerPositions(0.5);
        setCenter(split);
        Label info = new Label();
        info.textProperty().bind(vm.renderInfoProperty());
        info.getStyleClass().add("render-info");
        info.setId("render-info");
        HBox bottom = new HBox(info);
        bottom.setPadding(new Insets(2, 8, 2, 8));
        setBottom(bottom);
    }

    // ------------------------------------------------------------------ top bar

    private Node toolbar(CommandHistory history) {
        ComboBox<String> picker = new ComboBox<>(vm.mineralNames());
        picker.setId("mineral-picker");
        picker.setPrefWidth(200);
        picker.setTooltip(new Tooltip("The library entry to explore; edits go straight into the library "
                + "(undo with Ctrl+Z)."));
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                picker.setValue(vm.currentMineralProperty().get());
            } finally {
                syncing[0] = false;
            }
        };
        vm.currentMineralProperty().addListener(obs -> fromModel.run());
        vm.mineralNames().addListener((ListChangeListener<String>) c -> fromModel.run());
        picker.valueProperty().addListener((obs, old, now) -> {
            if (!syncing[0] && now != null) {
                vm.currentMineralProperty().set(now);
            }
        });
        fromModel.run();

        Button blank = new Button("New blank mineral");
        blank.setId("new-blank");
        blank.setTooltip(new Tooltip("Start from one mode without bands and build a spectrum band by band."));
        blank.setOnAction(e -> vm.newBlankMineral());

        Button undo = HistoryButtons.undo(history, "undo");
        Button redo = HistoryButtons.redo(history, "redo");

        Label source = new Label();
        source.textProperty().bind(vm.sourceProperty());
        source.getStyleClass().add("source-note");
        Tooltip sourceTip = new Tooltip();
        sourceTip.textProperty().bind(vm.sourceProperty());
        sourceTip.setWrapText(true);
        sourceTip.setMaxWidth(520);
        source.setTooltip(sourceTip);
        source.setMinWidth(0);
        HBox.setHgrow(source, Priority.ALWAYS);

        Label mineral = new Label("Mineral");
        for (Region r : new Region[] {mineral, picker, blank, undo, redo}) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the citation gives way, never the controls
        }
        HBox bar = new HBox(8, mineral, picker, blank, new Separator(Orientation.VERTICAL), undo, redo,
                new Separator(Orientation.VERTICAL), source);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("view-toolbar");
        return bar;
    }

    // ------------------------------------------------------------------ editor

    private Node editor() {
        ToggleGroup strengthUnit = new ToggleGroup();
        RadioButton asS = new RadioButton("S = 4\u03c0\u03c1");
        RadioButton asRho = new RadioButton("\u03c1");
        asS.setToggleGroup(strengthUnit);
        asRho.setToggleGroup(strengthUnit);
        asS.setId("show-s");
        asRho.setId("show-rho");
        asRho.setSelected(vm.showRhoProperty().get());
        asS.setSelected(!vm.showRhoProperty().get());
        asRho.selectedProperty().addListener((obs, was, now) -> vm.showRhoProperty().set(now));
        vm.showRhoProperty().addListener((obs, was, now) -> (now ? asRho : asS).setSelected(true));
        Tooltip unitTip = new Tooltip(KnobHelp.STRENGTH_TOGGLE);
        asS.setTooltip(unitTip);
        asRho.setTooltip(unitTip);

        Button addMode = new Button("Add mode");
        addMode.setId("add-mode");
        addMode.disableProperty().bind(vm.canAddModeBinding().not());
        addMode.setOnAction(e -> vm.addMode());
        addMode.setTooltip(new Tooltip(KnobHelp.MODE));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, new Label("Band strength shown as"), asS, asRho, spacer, addMode);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 8, 6, 8));

        modesBox.setPadding(new Insets(4, 8, 8, 8));
        modesBox.setFillWidth(true);
        vm.modes().addListener((ListChangeListener<ModeModel>) c -> rebuildModes());
        rebuildModes();
        ScrollPane scroll = new ScrollPane(modesBox);
        scroll.setFitToWidth(true);
        scroll.setId("editor-scroll");

        Label empty = new Label("No mineral selected.\nPick one from the list above, or start a blank one.");
        empty.getStyleClass().add("placeholder");
        empty.visibleProperty().bind(vm.hasMineralProperty().not());
        scroll.visibleProperty().bind(vm.hasMineralProperty());
        StackPane body = new StackPane(scroll, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox editor = new VBox(header, body);
        editor.setMinWidth(600);
        return editor;
    }

    private void rebuildModes() {
        modesBox.getChildren().clear();
        for (ModeModel mode : vm.modes()) {
            modesBox.getChildren().add(modeSection(mode));
        }
    }

    private Node modeSection(ModeModel mode) {
        Label title = new Label(mode.title());
        title.getStyleClass().add("mode-title");
        title.setTooltip(new Tooltip(KnobHelp.MODE));
        Label share = new Label();
        share.textProperty().bind(mode.shareProperty());
        share.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button addBand = new Button("Add band");
        addBand.setId("add-band-m" + mode.index());
        addBand.setOnAction(e -> vm.addOscillator(mode));
        addBand.setTooltip(new Tooltip("Add an oscillator in the middle of the plotted range."));
        Button removeMode = new Button("Remove mode");
        removeMode.setId("remove-mode-m" + mode.index());
        removeMode.disableProperty().bind(mode.removableProperty().not());
        removeMode.setOnAction(e -> vm.removeMode(mode));
        HBox titleRow = new HBox(8, title, share, spacer, addBand, removeMode);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        grid.getStyleClass().add("band-grid");
        ColumnConstraints label = new ColumnConstraints(62);
        ColumnConstraints knob = new ColumnConstraints();
        knob.setHgrow(Priority.ALWAYS);
        knob.setMinWidth(140);
        ColumnConstraints width = new ColumnConstraints(76);
        ColumnConstraints actions = new ColumnConstraints(62);
        grid.getColumnConstraints().addAll(label, knob, knob, knob, width, actions);

        // mode-level knobs in the first rows
        grid.add(help(new Label("\u03b5\u221e"), KnobHelp.EPS_INF), 0, 0);
        grid.add(knob(mode.epsInf(), KnobHelp.EPS_INF, "eps-inf-m" + mode.index()), 1, 0);
        grid.add(help(new Label("weight"), KnobHelp.WEIGHT), 2, 0);
        GridPane.setHalignment(grid.getChildren().get(grid.getChildren().size() - 1), javafx.geometry.HPos.RIGHT);
        grid.add(knob(mode.weight(), KnobHelp.WEIGHT, "weight-m" + mode.index()), 3, 0);

        Label wHead = help(new Label("\u03c9\u2080 (cm\u207b\u00b9)"), KnobHelp.OMEGA0);
        Label sHead = new Label();
        sHead.textProperty().bind(vm.strengthHeaderProperty());
        Tooltip sTip = new Tooltip();
        sTip.textProperty().bind(javafx.beans.binding.Bindings.when(vm.showRhoProperty())
                .then(KnobHelp.STRENGTH_RHO).otherwise(KnobHelp.STRENGTH_S));
        sTip.setWrapText(true);
        sTip.setMaxWidth(420);
        sHead.setTooltip(sTip);
        Label gHead = help(new Label("\u03b3 (fraction of \u03c9\u2080)"), KnobHelp.GAMMA);
        Label widthHead = help(new Label("width"), KnobHelp.WIDTH);
        for (Label h : new Label[] {wHead, sHead, gHead, widthHead}) {
            h.getStyleClass().add("column-header");
        }
        grid.add(wHead, 1, 1);
        grid.add(sHead, 2, 1);
        grid.add(gHead, 3, 1);
        grid.add(widthHead, 4, 1);

        int r = 2;
        for (OscillatorModel row : mode.oscillators()) {
            addBandRow(grid, row, r++);
        }
        if (mode.oscillators().isEmpty()) {
            Label none = new Label("No bands: this mode is a transparent dielectric. Add a band to see absorption.");
            none.getStyleClass().add("hint");
            grid.add(none, 0, r, 6, 1);
        }
        VBox section = new VBox(4, titleRow, grid);
        section.getStyleClass().add("mode-section");
        section.setPadding(new Insets(6));
        return section;
    }

    private void addBandRow(GridPane grid, OscillatorModel row, int r) {
        String suffix = "-m" + row.mode() + "-b" + row.index();
        Region background = new Region();
        background.getStyleClass().add("band-row");
        background.pseudoClassStateChanged(SELECTED, row.selectedProperty().get());
        row.selectedProperty().addListener((obs, was, now) -> background.pseudoClassStateChanged(SELECTED, now));
        grid.add(background, 0, r, 6, 1);

        Label name = new Label(row.label());
        name.getStyleClass().add("band-label");
        Label width = new Label();
        width.textProperty().bind(row.widthProperty());
        width.setTooltip(new Tooltip(KnobHelp.WIDTH));
        width.setId("width" + suffix);
        Button duplicate = new Button("+");
        duplicate.setId("duplicate" + suffix);
        duplicate.setTooltip(new Tooltip("Duplicate this band (then move the copy to split a band in two)."));
        duplicate.setOnAction(e -> vm.duplicateOscillator(row));
        Button remove = new Button("\u2715");
        remove.setId("remove" + suffix);
        remove.setTooltip(new Tooltip("Delete this band."));
        remove.setOnAction(e -> vm.removeOscillator(row));
        duplicate.getStyleClass().add("icon-button");
        remove.getStyleClass().add("icon-button");
        HBox actions = new HBox(2, duplicate, remove);
        actions.setAlignment(Pos.CENTER_LEFT);

        Node[] cells = {name, knob(row.omega0(), KnobHelp.OMEGA0, "omega0" + suffix),
            knob(row.strength(), null, "strength" + suffix), knob(row.gamma(), KnobHelp.GAMMA, "gamma" + suffix),
            width, actions};
        for (int c = 0; c < cells.length; c++) {
            Node cell = cells[c];
            // Touching any part of a row makes its band the highlighted one.
            cell.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> vm.select(row));
            grid.add(cell, c, r);
        }
    }

    /** A slider plus an exact field for one knob. */
    private Node knob(NumberField field, String help, String id) {
        return KnobBinding.knob(field, help, id);
    }

    private static Label help(Label label, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        label.setTooltip(tip);
        return label;
    }

    // ------------------------------------------------------------------ plots

    private Node plots(PlotExporter exporter) {
        ToggleGroup quantity = new ToggleGroup();
        RadioButton emissivity = new RadioButton("Emissivity");
        RadioButton reflectance = new RadioButton("Reflectance");
        emissivity.setId("show-emissivity");
        reflectance.setId("show-reflectance");
        emissivity.setToggleGroup(quantity);
        reflectance.setToggleGroup(quantity);
        emissivity.setUserData(Quantity.EMISSIVITY);
        reflectance.setUserData(Quantity.REFLECTANCE);
        (vm.spectrumQuantityProperty().get() == Quantity.REFLECTANCE ? reflectance : emissivity).setSelected(true);
        vm.spectrumQuantityProperty().addListener((obs, was, now) ->
                (now == Quantity.REFLECTANCE ? reflectance : emissivity).setSelected(true));
        quantity.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.spectrumQuantityProperty().set((Quantity) now.getUserData());
            }
        });
        emissivity.setTooltip(new Tooltip("Emissivity E = 1 \u2212 R of an optically thick, smooth surface "
                + "(Kirchhoff's law)."));
        reflectance.setTooltip(new Tooltip("Normal-incidence Fresnel reflectance R."));

        TextField low = axisField(vm.axisLowTextProperty(), "axis-low");
        TextField high = axisField(vm.axisHighTextProperty(), "axis-high");
        TextField channels = axisField(vm.channelsTextProperty(), "axis-channels");
        Button apply = new Button("Apply");
        apply.setId("axis-apply");
        apply.disableProperty().bind(vm.canApplyAxisBinding().not());
        apply.setOnAction(e -> vm.applyAxis());
        Label problem = new Label();
        problem.textProperty().bind(vm.axisProblemProperty());
        problem.getStyleClass().add("problem");
        Tooltip axisTip = new Tooltip("Wavenumber range and number of channels the curves are computed on.");
        low.setTooltip(axisTip);
        high.setTooltip(axisTip);
        channels.setTooltip(axisTip);

        HBox quantityBox = new HBox(6, emissivity, reflectance);
        quantityBox.setAlignment(Pos.CENTER_LEFT);
        HBox rangeBox = new HBox(4, new Label("Range"), low, new Label("\u2013"), high, new Label("cm\u207b\u00b9,"),
                channels, new Label("channels"), apply);
        rangeBox.setAlignment(Pos.CENTER_LEFT);
        for (Node n : rangeBox.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Node n : quantityBox.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        // wraps onto two lines when the plot side is narrow instead of truncating the labels
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(14, 4, quantityBox, rangeBox, problem);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4, 8, 4, 8));

        PlotPanel spectrum = new PlotPanel(vm.spectrumPlot(), exporter);
        VBox.setVgrow(spectrum, Priority.ALWAYS);
        VBox top = new VBox(controls, spectrum);

        TabPane constants = new TabPane(
                tab("n, k", new PlotPanel(vm.opticalPlot(), exporter)),
                tab("\u03b5\u2081, \u03b5\u2082", new PlotPanel(vm.dielectricPlot(), exporter)));
        constants.setId("constants-tabs");
        SplitPane stack = new SplitPane(top, constants);
        stack.setOrientation(Orientation.VERTICAL);
        stack.setDividerPositions(0.56);
        return stack;
    }

    private TextField axisField(javafx.beans.property.StringProperty text, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        field.textProperty().bindBidirectional(text);
        field.setOnAction(e -> vm.applyAxis());
        return field;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }
}
