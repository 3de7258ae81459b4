package dev.oscilla.ui.common;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.CategoryAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.BorderPane;

/**
 * The view of a {@link BarPlotModel}: one ChartFX chart (created once, like {@link PlotPanel}) with the categories
 * along x, bars with error bars, several series side by side, and the PNG / CSV export buttons.
 */
public final class BarPlotPanel extends BorderPane {

    private final BarPlotModel model;
    /** Longer category names are shortened on the axis (exports and tables keep them whole). */
    static final int MAX_LABEL = 14;
    /** Extra room at both ends of the category axis, in categories. */
    private static final double MARGIN = 0.25;

    private final XYChart chart;
    private final java.util.Map<BarPlotModel.Series, ErrorDataSetRenderer> renderers = new java.util.HashMap<>();

    public BarPlotPanel(BarPlotModel model, PlotExporter exporter) {
        this.model = model;
        CategoryAxis xAxis = new CategoryAxis(model.xLabelProperty().get());
        DefaultNumericAxis yAxis = new DefaultNumericAxis(model.yLabelProperty().get());
        xAxis.nameProperty().bind(model.xLabelProperty());
        yAxis.nameProperty().bind(model.yLabelProperty());
        xAxis.setAnimated(false);
        yAxis.setAnimated(false);
        xAxis.setUnit(null);
        yAxis.setUnit(null);
        xAxis.setOverlapPolicy(AxisLabelOverlapPolicy.SHIFT_ALT); // long names go to a second row, none is dropped
        chart = new XYChart(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("oscilla-chart");
        // one renderer per series: error bars only where the series has errors (a cap of zero length would show)
        List<ErrorDataSetRenderer> list = new ArrayList<>();
        for (BarPlotModel.Series s : model.series()) {
            ErrorDataSetRenderer r = new ErrorDataSetRenderer();
            r.setPolyLineStyle(LineStyle.NONE);
            r.setDrawBars(true);
            r.setDrawMarker(false);
            r.setErrorStyle(s.withErrors() ? ErrorStyle.ERRORBARS : ErrorStyle.NONE);
            r.setDynamicBarWidth(false); // ChartFX 11.3 draws no dynamic-width bars with error bars
            r.setPointReduction(false);
            renderers.put(s, r);
            list.add(r);
        }
        chart.getRenderers().setAll(list);
        xAxis.widthProperty().addListener(obs -> barWidths());

        Runnable categories = () -> {
            List<String> labels = new ArrayList<>();
            for (String c : model.categories()) {
                labels.add(c.length() <= MAX_LABEL ? c : c.substring(0, MAX_LABEL - 1) + "\u2026");
            }
            xAxis.setCategories(labels);
            // category i sits at x = i; the margins leave room for the outer labels (ChartFX drops a label that
            // would reach past the axis)
            int n = Math.max(1, model.categories().size());
            xAxis.setAutoRanging(false);
            xAxis.set(-0.5 - MARGIN, n - 0.5 + MARGIN);
            barWidths();
        };
        model.categories().addListener((ListChangeListener<String>) c -> categories.run());
        categories.run();

        for (BarPlotModel.Series s : model.series()) {
            s.shownProperty().addListener((obs, was, now) -> {
                syncDataSets();
                barWidths();
            });
        }
        syncDataSets();
        Runnable yRange = () -> {
            double lo = model.yMinProperty().get();
            double hi = model.yMaxProperty().get();
            if (Double.isNaN(lo) || Double.isNaN(hi) || !(hi > lo)) {
                yAxis.setAutoRanging(true);
            } else {
                yAxis.setAutoRanging(false);
                yAxis.set(lo, hi);
            }
        };
        model.yMinProperty().addListener(obs -> yRange.run());
        model.yMaxProperty().addListener(obs -> yRange.run());
        yRange.run();

        setTop(PlotPanel.header(model, exporter));
        setCenter(chart);
        model.setImageSource(() -> chart.snapshot(null, null));
        chart.setId(model.id() + "-chart");
    }

    private void syncDataSets() {
        for (BarPlotModel.Series s : model.series()) {
            List<DataSet> shown = s.shownProperty().get() ? List.of(s.dataSet()) : List.of();
            ErrorDataSetRenderer r = renderers.get(s);
            if (!shown.equals(r.getDatasets())) {
                r.getDatasets().setAll(shown);
            }
        }
    }

    /** Bars in pixels: their share of a category's width on the axis as laid out now. */
    private void barWidths() {
        int n = Math.max(1, model.categories().size());
        double pixelsPerCategory = chart.getXAxis() instanceof CategoryAxis a ? a.getWidth() / (n + 2 * MARGIN) : 0;
        int width = (int) Math.max(2, Math.floor(0.94 * model.barWidth() * pixelsPerCategory));
        for (ErrorDataSetRenderer r : renderers.values()) {
            r.setBarWidth(width);
        }
    }

    public BarPlotModel model() {
        return model;
    }

    public XYChart chart() {
        return chart;
    }
}
