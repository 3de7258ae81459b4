package dev.oscilla.ui.scene;

import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.PlotPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The Scene view: a cube's channel, band ratio, false-colour composite or unmixed map (pan by dragging, zoom with
 * the wheel, Shift + drag for a rectangle, click for a pixel), its colour bar and the value under the cursor; the
 * unmixing settings and runs; the clicked pixel's spectrum, model and abundances. Binds to {@link SceneViewModel}.
 */
public final class SceneView extends BorderPane {

    private static final int BAR_WIDTH = 256;

    private final SceneViewModel vm;
    private final MapCanvas canvas = new MapCanvas();
    private final Canvas colourBar = new Canvas(BAR_WIDTH + 60, 34);
    private final Label readout = new Label();
    private final Label title = new Label();
    private final PlotModel spectrumPlot = new PlotModel("pixel", "Pixel spectrum", "Wavenumber (cm^-1)", "Value");
    private final PlotModel.Series measured = spectrumPlot.addSeries("measured", null);
    private final PlotModel.Series model = spectrumPlot.addSeries("model", null);
    private final ListView<String> abundances = new ListView<>();
    private final Label detailNote = new Label();

    public SceneView(SceneViewModel vm, PlotExporter plots) {
        this.vm = vm;
        setId("scene-view");
        setTop(toolbar());
        readout.setId("scene-readout");
        title.setId("scene-title");
        HBox below = new HBox(12, colourBar, readout);
        below.setPadding(new Insets(4));
        VBox center = new VBox(title, canvas, below);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        center.setPadding(new Insets(4));
        SplitPane split = new SplitPane(center, side(plots));
        split.setDividerPositions(0.66);
        setCenter(split);

        canvas.setOnHover((x, y) -> readout.setText(vm.readout(x, y)));
        canvas.setOnPick((x, y) -> {
            SceneMap m = vm.mapProperty().get();
            int step = m == null ? 1 : m.step();
            vm.pick(y * step, x * step);
        });
        canvas.setOnSelect(r -> {
            SceneMap m = vm.mapProperty().get();
            int step = m == null ? 1 : m.step();
            vm.selectionProperty().set(new SceneViewModel.Region(r[1] * step, (r[3] - r[1] + 1) * step, r[0] * step,
                    (r[2] - r[0] + 1) * step));
        });
        vm.selectionProperty().addListener((o, was, now) -> {
            if (now == null) {
                canvas.clearSelection();
            }
        });
        vm.mapProperty().addListener((o, was, now) -> showMap(now));
        vm.detailProperty().addListener((o, was, now) -> showDetail(now));
        if (vm.mapProperty().get() != null) {
            showMap(vm.mapProperty().get());
        }
    }

    private ToolBar toolbar() {
        Button open = new Button("Open cube\u2026");
        open.setId("scene-open");
        open.setOnAction(e -> vm.openCube());
        Label info = new Label();
        info.textProperty().bind(vm.cubeInfoProperty());
        ChoiceBox<SceneViewModel.Display> display = new ChoiceBox<>();
        display.setId("scene-display");
        display.getItems().setAll(SceneViewModel.Display.values());
        display.valueProperty().bindBidirectional(vm.displayProperty());
        display.disableProperty().bind(vm.hasCubeProperty().not());

        ComboBox<String> channel = channelBox("scene-channel", vm.channelProperty(), "Channel shown");
        ComboBox<String> num = channelBox("scene-ratio-numerator", vm.numeratorProperty(), "Ratio numerator");
        ComboBox<String> den = channelBox("scene-ratio-denominator", vm.denominatorProperty(), "Ratio denominator");
        ComboBox<String> r = channelBox("scene-red", vm.redProperty(), "Red channel");
        ComboBox<String> g = channelBox("scene-green", vm.greenProperty(), "Green channel");
        ComboBox<String> b = channelBox("scene-blue", vm.blueProperty(), "Blue channel");
        ComboBox<String> result = new ComboBox<>(vm.resultBands());
        result.setId("scene-result-band");
        result.setTooltip(new Tooltip("Unmixed map shown"));
        result.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() >= 0) {
                vm.resultBandProperty().set(now.intValue());
            }
        });
        vm.resultBandProperty().addListener((o, was, now) -> result.getSelectionModel().select(now.intValue()));
        vm.resultBands().addListener((javafx.collections.ListChangeListener<String>) c ->
                result.getSelectionModel().select(vm.resultBandProperty().get()));
        HBox selectors = new HBox(6);
        Runnable showSelectors = () -> {
            switch (vm.displayProperty().get()) {
                case CHANNEL:
                    selectors.getChildren().setAll(channel);
                    break;
                case RATIO:
                    selectors.getChildren().setAll(num, new Label("/"), den);
                    break;
                case COMPOSITE:
                    selectors.getChildren().setAll(new Label("R"), r, new Label("G"), g, new Label("B"), b);
                    break;
                default:
                    selectors.getChildren().setAll(result);
                    break;
            }
        };
        vm.displayProperty().addListener((o, was, now) -> showSelectors.run());
        showSelectors.run();
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Show the whole map"));
        fit.setOnAction(e -> canvas.fit());
        Button export = new Button("Export PNG\u2026");
        export.setId("scene-export");
        export.setOnAction(e -> vm.exportMap());
        export.disableProperty().bind(vm.mapProperty().isNull());
        return new ToolBar(open, info, new Separator(Orientation.VERTICAL), display, selectors, fit, export);
    }

    private ComboBox<String> channelBox(String id, javafx.beans.property.IntegerProperty property, String tip) {
        ComboBox<String> box = new ComboBox<>(vm.channels());
        box.setId(id);
        box.setTooltip(new Tooltip(tip));
        box.setVisibleRowCount(20);
        box.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() >= 0) {
                property.set(now.intValue());
            }
        });
        property.addListener((o, was, now) -> box.getSelectionModel().select(now.intValue()));
        vm.channels().addListener((javafx.collections.ListChangeListener<String>) c ->
                box.getSelectionModel().select(property.get()));
        return box;
    }

    private VBox side(PlotExporter plots) {
        ChoiceBox<String> method = new ChoiceBox<>();
        method.setId("scene-method");
        method.getItems().setAll(vm.methodLabels());
        method.valueProperty().bindBidirectional(vm.methodLabelProperty());
        TextField window = new TextField();
        window.setId("scene-window");
        window.setPromptText("every channel");
        window.setPrefColumnCount(10);
        window.textProperty().bindBidirectional(vm.windowProperty());
        CheckBox blackbody = new CheckBox("Blackbody endmember");
        blackbody.selectedProperty().bindBidirectional(vm.blackbodyProperty());
        Label library = new Label();
        library.textProperty().bind(Bindings.concat("Endmembers: ", vm.libraryLabelProperty()));
        library.setWrapText(true);
        Button spectra = new Button("Spectra\u2026");
        spectra.setTooltip(new Tooltip("Use measured spectra (ENVI .sli, ASU tab, CSV) for the linear methods"));
        spectra.setOnAction(e -> vm.chooseLibrary());
        Button document = new Button("Open library");
        document.setTooltip(new Tooltip("Use the oscillator models of the open library"));
        document.setOnAction(e -> vm.useDocumentLibrary());
        Button region = new Button("Unmix region");
        region.setId("scene-run-region");
        region.setTooltip(new Tooltip("Unmix the rectangle drawn with Shift + drag"));
        region.setOnAction(e -> vm.runRegion());
        Button cube = new Button("Unmix cube");
        cube.setId("scene-run-cube");
        cube.setOnAction(e -> vm.runCube());
        Button cancel = new Button("Cancel");
        cancel.setId("scene-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        region.disableProperty().bind(vm.hasCubeProperty().not().or(vm.runningProperty())
                .or(vm.selectionProperty().isNull()));
        cube.disableProperty().bind(vm.hasCubeProperty().not().or(vm.runningProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("scene-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.textProperty().bind(vm.progressMessageProperty());
        message.visibleProperty().bind(vm.runningProperty());
        PlotPanel plot = new PlotPanel(spectrumPlot, plots);
        plot.setPrefHeight(260);
        abundances.setId("scene-abundances");
        abundances.setPrefHeight(220);
        detailNote.setWrapText(true);
        VBox box = new VBox(6, new HBox(6, new Label("Method"), method, new Label("Window"), window), blackbody,
                library, new HBox(6, spectra, document), new HBox(6, region, cube, cancel), progress, message,
                new Separator(), plot, detailNote, abundances);
        VBox.setVgrow(abundances, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private void showMap(SceneMap m) {
        if (m == null) {
            return;
        }
        canvas.show(m.argb(), m.width(), m.height());
        title.setText(m.title() + (m.step() > 1 ? "  (every " + m.step() + "th pixel shown)" : ""));
        GraphicsContext g = colourBar.getGraphicsContext2D();
        g.clearRect(0, 0, colourBar.getWidth(), colourBar.getHeight());
        int[] colours = m.colourBar(BAR_WIDTH);
        for (int i = 0; i < colours.length; i++) {
            int c = colours[i];
            g.setFill(Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
            g.fillRect(4 + i, 2, 1, 12);
        }
        g.setFill(Color.BLACK);
        g.setFont(Font.font(10));
        for (SceneMap.Tick t : m.ticks()) {
            double x = 4 + t.position() * (BAR_WIDTH - 1);
            g.fillRect(x, 14, 1, 3);
            g.fillText(t.label(), Math.max(0, x - 10), 28);
        }
    }

    private void showDetail(PixelDetail d) {
        if (d == null) {
            measured.clear();
            model.clear();
            abundances.getItems().clear();
            detailNote.setText("");
            return;
        }
        measured.set(d.axis(), d.measured(), d.axis().length);
        if (d.modelled().length > 0) {
            model.set(d.axis(), d.modelled(), d.axis().length);
        } else {
            model.clear();
        }
        List<String> rows = new ArrayList<>();
        for (int j = 0; j < d.abundances().length; j++) {
            rows.add(String.format(Locale.ROOT, "%-24s %8.4f", d.endmembers().get(j), d.abundances()[j]));
        }
        for (Map.Entry<String, Double> e : d.groups().entrySet()) {
            rows.add(String.format(Locale.ROOT, "group %-18s %8.4f", e.getKey(), e.getValue()));
        }
        abundances.getItems().setAll(rows);
        detailNote.setText(String.format(Locale.ROOT, "Line %d, sample %d", d.line() + 1, d.sample() + 1)
                + (d.note().isEmpty() ? String.format(Locale.ROOT, ": RMS %.4g (%.0f ms)", d.rms(), d.millis())
                : ": not unmixed (" + d.note() + ")"));
    }

    /** The map area (for tests and the frame-time tool). */
    MapCanvas canvas() {
        return canvas;
    }
}
