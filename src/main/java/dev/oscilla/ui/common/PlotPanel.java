package dev.oscilla.ui.common;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The view of a {@link PlotModel}: one ChartFX chart, created once and kept for the life of the window (charts
 * with plugins may not be garbage-collected on JavaFX 17+, STACK.md, so nothing here is ever re-created), with
 * "PNG..." and "CSV..." export buttons. It only translates model state to ChartFX calls.
 */
public final class PlotPanel extends BorderPane {

    private final PlotModel model;
    private final XYChart chart;
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;

    public PlotPanel(PlotModel model, PlotExporter exporter) {
        this.model = model;
        xAxis = new DefaultNumericAxis(model.xLabelProperty().get());
        yAxis = new DefaultNumericAxis(model.yLabelProperty().get());
        xAxis.nameProperty().bind(model.xLabelProperty());
        yAxis.nameProperty().bind(model.yLabelProperty());
        xAxis.setAnimated(false);
        yAxis.setAnimated(false);
        xAxis.setUnit(null); // units are part of the label text; ChartFX would append an empty "[]"
        yAxis.setUnit(null);
        chart = new XYChart(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("oscilla-chart");
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        // Narrow bands (gamma*omega0 of a few cm^-1) must not be thinned away by point reduction.
        renderer.setPointReduction(false);

        for (PlotModel.Series s : model.series()) {
            s.shownProperty().addListener((obs, was, now) -> syncDataSets());
        }
        syncDataSets();

        BandIndicator band = new BandIndicator(xAxis);
        band.lowerBoundProperty().bind(model.bandLowProperty());
        band.upperBoundProperty().bind(model.bandHighProperty());
        band.textProperty().bind(model.bandLabelProperty());
        band.setLabelVerticalPosition(0.95);
        chart.getPlugins().add(band);

        bindRange(xAxis, model.xMinProperty(), model.xMaxProperty());
        bindRange(yAxis, model.yMinProperty(), model.yMaxProperty());

        setTop(header(model, exporter));
        setCenter(chart);
        model.setImageSource(() -> chart.snapshot(null, null));
        chart.setId(model.id() + "-chart");
        if (model.xRangeListener() != null) {
            installRangeDrag(model.xRangeListener());
        }
    }

    /** The title bar of a plot with its "PNG..." and "CSV..." export buttons (ids {@code <plot id>-png/-csv}). */
    static HBox header(ExportablePlot plot, PlotExporter exporter) {
        Label title = new Label(plot.title());
        title.getStyleClass().add("oscilla-plot-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button png = new Button("PNG\u2026");
        png.setTooltip(new Tooltip("Save a picture of this plot as PNG"));
        png.setOnAction(e -> exporter.exportPng(plot));
        Button csv = new Button("CSV\u2026");
        csv.setTooltip(new Tooltip("Save the plotted data as a CSV table"));
        csv.setOnAction(e -> exporter.exportCsv(plot));
        png.getStyleClass().add("oscilla-small-button");
        csv.getStyleClass().add("oscilla-small-button");
        png.setId(plot.id() + "-png");
        csv.setId(plot.id() + "-csv");
        HBox bar = new HBox(6, title, spacer, png, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 2, 8));
        return bar;
    }

    /**
     * Dragging across the plot area with the primary button selects an x range: the listener sees it while the drag
     * goes on and once more on release. A click without movement selects nothing.
     */
    private void installRangeDrag(PlotModel.XRangeListener listener) {
        double[] anchor = {Double.NaN};
        double[] anchorPixel = {0};
        boolean[] dragging = {false};
        Node area = chart.getPlotArea();
        area.setCursor(Cursor.CROSSHAIR);
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                anchor[0] = xValue(e);
                anchorPixel[0] = e.getSceneX();
                dragging[0] = false;
            }
        });
        area.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (Double.isNaN(anchor[0])) {
                return;
            }
            dragging[0] |= Math.abs(e.getSceneX() - anchorPixel[0]) >= 3;
            double x = xValue(e);
            if (dragging[0] && x != anchor[0]) {
                listener.selected(Math.min(anchor[0], x), Math.max(anchor[0], x), false);
            }
        });
        area.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (Double.isNaN(anchor[0])) {
                return;
            }
            double x = xValue(e);
            if (dragging[0] && x != anchor[0]) {
                listener.selected(Math.min(anchor[0], x), Math.max(anchor[0], x), true);
            }
            anchor[0] = Double.NaN;
            dragging[0] = false;
        });
    }

    private double xValue(MouseEvent e) {
        Point2D p = xAxis.sceneToLocal(e.getSceneX(), e.getSceneY());
        return xAxis.getValueForDisplay(p.getX());
    }

    private void syncDataSets() {
        List<DataSet> shown = new ArrayList<>();
        for (PlotModel.Series s : model.series()) {
            if (s.shownProperty().get()) {
                shown.add(s.dataSet());
            }
        }
        if (!shown.equals(chart.getDatasets())) { // identity equality (IdentityDataSet)
            chart.getDatasets().setAll(shown);
        }
    }

    private static void bindRange(DefaultNumericAxis axis, ObservableValue<Number> min, ObservableValue<Number> max) {
        Runnable apply = () -> {
            double lo = min.getValue().doubleValue();
            double hi = max.getValue().doubleValue();
            if (Double.isNaN(lo) || Double.isNaN(hi) || !(hi > lo)) {
                axis.setAutoRanging(true);
            } else {
                axis.setAutoRanging(false);
                axis.set(lo, hi);
            }
        };
        min.addListener((obs, o, n) -> apply.run());
        max.addListener((obs, o, n) -> apply.run());
        apply.run();
    }

    public PlotModel model() {
        return model;
    }

    public XYChart chart() {
        return chart;
    }
}
