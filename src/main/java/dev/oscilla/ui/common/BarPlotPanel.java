package dev.oscilla.ui.common;

import io.fair_acc.chartfx.XYChart;
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
    private final XYChart chart;

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
        chart = new XYChart(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("oscilla-chart");
        ErrorDataSetRenderer renderer = (ErrorDataSetRenderer) chart.getRenderers().get(0);
        renderer.setPolyLineStyle(LineStyle.NONE);
        renderer.setDrawBars(true);
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.ERRORBARS);
        renderer.setDynamicBarWidth(true);
        renderer.setBarWidthPercentage(model.series().size() > 1 ? 35 : 60);
        renderer.setShiftBar(model.series().size() > 1);
        renderer.setPointReduction(false);

        Runnable categories = () -> {
            xAxis.setCategories(new ArrayList<>(model.categories()));
            // a fixed range keeps the first and last bar whole: category i sits at x = i
            int n = Math.max(1, model.categories().size());
            xAxis.setAutoRanging(false);
            xAxis.set(-0.5, n - 0.5);
        };
        model.categories().addListener((ListChangeListener<String>) c -> categories.run());
        categories.run();

        for (BarPlotModel.Series s : model.series()) {
            s.shownProperty().addListener((obs, was, now) -> syncDataSets());
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
        List<DataSet> shown = new ArrayList<>();
        for (BarPlotModel.Series s : model.series()) {
            if (s.shownProperty().get()) {
                shown.add(s.dataSet());
            }
        }
        if (!shown.equals(chart.getDatasets())) {
            chart.getDatasets().setAll(shown);
        }
    }

    public BarPlotModel model() {
        return model;
    }

    public XYChart chart() {
        return chart;
    }
}
