package dev.oscilla.ui.network;

import dev.oscilla.ui.common.IntegerSpinner;
import dev.oscilla.ui.common.KnobBinding;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.PlotPanel;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Network view: training settings and the model on the left, the loss curve on the right. Binds only. */
public final class NetworkView extends BorderPane {

    private final NetworkViewModel vm;

    public NetworkView(NetworkViewModel vm, PlotExporter exporter) {
        this.vm = vm;
        getStyleClass().add("network-view");
        setTop(toolbar());
        PlotPanel plot = new PlotPanel(vm.lossPlot(), exporter);
        Label epoch = new Label();
        epoch.setId("network-last-epoch");
        epoch.textProperty().bind(vm.lastEpochProperty());
        epoch.getStyleClass().add("rms");
        epoch.setPadding(new Insets(2, 8, 4, 8));
        VBox right = new VBox(2, plot, epoch);
        VBox.setVgrow(plot, Priority.ALWAYS);
        SplitPane split = new SplitPane(settings(), right);
        split.setDividerPositions(0.3);
        setCenter(split);
    }

    private Node toolbar() {
        Button train = new Button("Train");
        train.setId("network-train");
        train.getStyleClass().add("default-action");
        train.setTooltip(new Tooltip("Train a new network for the open library on synthetic mixtures, in the "
                + "background. The network in use changes only when the training finishes."));
        train.disableProperty().bind(vm.canTrainBinding().not());
        train.setOnAction(e -> vm.train());
        Button cancel = new Button("Cancel");
        cancel.setId("network-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("network-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.setId("network-problem");
        message.textProperty().bind(Bindings.when(vm.runningProperty()).then(vm.progressMessageProperty())
                .otherwise(vm.problemProperty()));
        message.getStyleClass().add("hint");
        message.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        Label title = new Label("Inverse-rendering network");
        title.getStyleClass().add("group-title");
        HBox box = new HBox(8, title, spacer, train, cancel, bar, message);
        for (Node n : List.of(title, train, cancel, bar)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 8, 6, 8));
        box.getStyleClass().add("view-toolbar");
        return box;
    }

    private Node settings() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(5);
        int row = 0;
        grid.add(new Label("Epochs"), 0, row);
        grid.add(spinner(vm.epochsProperty(), 1, 1000, 1, "network-epochs",
                "Passes over freshly drawn synthetic mixtures."), 1, row++);
        grid.add(new Label("Mixtures per epoch"), 0, row);
        grid.add(spinner(vm.samplesProperty(), 32, 1_000_000, 512, "network-samples",
                "Synthetic mixtures (1-6 minerals, parameters jittered in their boxes, blackbody, noise) per epoch."),
                1, row++);
        grid.add(new Label("Seed"), 0, row);
        grid.add(spinner(vm.seedProperty(), 0, Integer.MAX_VALUE, 1, "network-seed",
                "Seed of the weights and the mixtures: the same seed and settings train the same network."), 1, row++);

        TextField low = axisField(vm.axisLowField(), "network-axis-low");
        TextField high = axisField(vm.axisHighField(), "network-axis-high");
        TextField step = axisField(vm.axisStepField(), "network-axis-step");
        HBox axis = new HBox(6, low, new Label("\u2013"), high, new Label("step"), step, new Label("cm\u207b\u00b9"));
        axis.setAlignment(Pos.CENTER_LEFT);
        Label axisHelp = hint("The network reads spectra on this axis (others are resampled onto it): cover the "
                + "spectra you will unmix.");

        Label library = new Label();
        library.setId("network-library");
        library.setWrapText(true);
        library.textProperty().bind(Bindings.createStringBinding(() -> {
            var lib = vm.libraryProperty().get();
            long n = lib.minerals().stream().filter(m -> !m.isBlackbody()).count();
            return "Trains for the open library '" + lib.name() + "': " + n + " mineral" + (n == 1 ? "" : "s")
                    + " and a blackbody.";
        }, vm.libraryProperty()));

        Label model = new Label();
        model.setId("network-model");
        model.setWrapText(true);
        model.textProperty().bind(vm.modelSummaryProperty());
        Button open = new Button("Open model\u2026");
        open.setId("network-open");
        open.setTooltip(new Tooltip("Open a network model file trained for the open library."));
        open.setOnAction(e -> vm.openModel());
        Button save = new Button("Save model\u2026");
        save.setId("network-save");
        save.setTooltip(new Tooltip("Save the network in use (a versioned file that records its library)."));
        save.disableProperty().bind(vm.networkProperty().isNull());
        save.setOnAction(e -> vm.saveModel());
        open.disableProperty().bind(vm.runningProperty());
        HBox files = new HBox(6, open, save);

        VBox box = new VBox(6, heading("Library"), library, heading("Training"), grid, heading("Axis"), axis,
                axisHelp, heading("Network in use"), model, files);
        for (Node n : List.of(grid, axis)) {
            n.disableProperty().bind(vm.runningProperty());
        }
        box.setPadding(new Insets(8));
        box.setMinWidth(320);
        return box;
    }

    private static TextField axisField(dev.oscilla.ui.common.NumberField field, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(6);
        t.getStyleClass().add("knob-field");
        KnobBinding.bindText(t, field);
        return t;
    }

    private static Spinner<Integer> spinner(javafx.beans.property.IntegerProperty value, int min, int max, int step,
                                            String id, String help) {
        IntegerSpinner s = new IntegerSpinner(value, min, max, step, id);
        s.setPrefWidth(120);
        s.setTooltip(new Tooltip(help));
        return s;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("group-title");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }
}
