package dev.oscilla.ui.common;

import dev.oscilla.io.CsvTables;
import dev.oscilla.io.SpectralFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * View-model of a bar chart with error bars: named categories along x (bar i at x = i) and a fixed list of bar
 * series (side by side when there are several, e.g. "estimated" and "known"). As with {@link PlotModel}, the
 * series are created up front and only their values change. UI-thread confined (a bar chart holds a handful of
 * values; the export reads a snapshot).
 */
public final class BarPlotModel implements ExportablePlot {

    /** One set of bars. */
    public static final class Series {
        private final IdentityErrorDataSet data;
        private final boolean withErrors;
        private final javafx.beans.property.BooleanProperty shown =
                new javafx.beans.property.SimpleBooleanProperty(this, "shown", true);
        private double[] values = new double[0];
        private double[] errors = new double[0];
        private Runnable layout = () -> { };

        private Series(String name, String style, boolean withErrors) {
            data = new IdentityErrorDataSet(name);
            this.withErrors = withErrors;
            if (style != null && !style.isEmpty()) {
                data.setStyle(style);
            }
            shown.addListener(obs -> layout.run());
        }

        /**
         * Bar i has height {@code values[i]} and a symmetric error bar of {@code errors[i]} (0 for none); NaN values
         * are left out. UI thread (bar charts hold a handful of values).
         */
        public void set(double[] values, double[] errors) {
            if (errors.length != values.length) {
                throw new IllegalArgumentException("one error per value");
            }
            this.values = values.clone();
            this.errors = errors.clone();
            layout.run();
        }

        public void clear() {
            set(new double[0], new double[0]);
        }

        /** Writes the bars, at {@code offset} (in category units) beside their category's centre. */
        private void write(double offset) {
            int n = 0;
            double[] x = new double[values.length];
            double[] y = new double[values.length];
            double[] e = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    x[n] = i + offset;
                    y[n] = values[i];
                    e[n] = Double.isNaN(errors[i]) ? 0 : errors[i];
                    n++;
                }
            }
            double[] err = java.util.Arrays.copyOf(e, n);
            data.set(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n), err, err, n, true);
        }

        public String name() {
            return data.getName();
        }

        /** UI thread. */
        public void rename(String name) {
            data.setName(name);
        }

        public IdentityErrorDataSet dataSet() {
            return data;
        }

        /** Whether the bars carry error bars. */
        public boolean withErrors() {
            return withErrors;
        }

        /** Whether the chart shows this series (and its legend entry); UI thread. */
        public javafx.beans.property.BooleanProperty shownProperty() {
            return shown;
        }

        /** Bar heights by category index (NaN where there is no bar). */
        public double[] values() {
            return values.clone();
        }

        /** Error bar half-lengths by category index. */
        public double[] errors() {
            return errors.clone();
        }
    }

    /** Width of a category's group of bars, in category units (the rest is the gap between groups). */
    public static final double GROUP_WIDTH = 0.8;

    private final String id;
    private final String title;
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel");
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final List<Series> series = new ArrayList<>();
    private final DoubleProperty yMin = new SimpleDoubleProperty(this, "yMin", Double.NaN);
    private final DoubleProperty yMax = new SimpleDoubleProperty(this, "yMax", Double.NaN);
    private Supplier<Image> imageSource;
    /** The categories as last set on the UI thread, for exports running on a worker. */
    private volatile List<String> categorySnapshot = List.of();

    public BarPlotModel(String id, String title, String xLabel, String yLabel) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.xLabel.set(xLabel);
        this.yLabel.set(yLabel);
        categories.addListener((javafx.collections.ListChangeListener<String>) c ->
                categorySnapshot = List.copyOf(categories));
    }

    /**
     * Adds a series; call before the chart is built. {@code style} is ChartFX data set CSS, may be null (bars are
     * drawn in the data set's {@code -fx-marker-color}).
     */
    public Series addSeries(String name, String style, boolean withErrors) {
        Series s = new Series(name, style, withErrors);
        s.layout = this::layout;
        series.add(s);
        return s;
    }

    /** The shown series side by side within each category, each {@link #barWidth()} wide. */
    private void layout() {
        List<Series> shown = series.stream().filter(x -> x.shown.get()).toList();
        for (int k = 0; k < shown.size(); k++) {
            shown.get(k).write((k - (shown.size() - 1) / 2.0) * barWidth());
        }
    }

    /** Width of one bar in category units (the group shared by the series shown). */
    public double barWidth() {
        long shown = series.stream().filter(x -> x.shown.get()).count();
        return GROUP_WIDTH / Math.max(1, shown);
    }

    public List<Series> series() {
        return Collections.unmodifiableList(series);
    }

    /** The names along x (bar i belongs to category i); UI thread. */
    public ObservableList<String> categories() {
        return categories;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public StringProperty yLabelProperty() {
        return yLabel;
    }

    /** Lower end of the value axis; NaN for automatic. */
    public DoubleProperty yMinProperty() {
        return yMin;
    }

    public DoubleProperty yMaxProperty() {
        return yMax;
    }

    /** Registered by the view that draws this chart (UI thread). */
    public void setImageSource(Supplier<Image> source) {
        this.imageSource = source;
    }

    @Override
    public Image snapshotImage() {
        return imageSource == null ? null : imageSource.get();
    }

    /** {@code category, <series>, <series> error, ...}: one row per category, empty cells where a bar is missing. */
    @Override
    public void writeCsv(Path file) throws SpectralFileException {
        List<String> names = categorySnapshot;
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(xLabel.get() == null || xLabel.get().isBlank() ? "category" : xLabel.get());
        List<double[]> values = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        for (Series s : series) {
            header.add(s.name());
            header.add(s.name() + " error");
            values.add(padded(s.values(), names.size()));
            errors.add(padded(s.errors(), names.size()));
        }
        sb.append(CsvTables.headerLine(header)).append('\n');
        for (int i = 0; i < names.size(); i++) {
            sb.append(CsvTables.quote(names.get(i)));
            for (int k = 0; k < series.size(); k++) {
                sb.append(',').append(cell(values.get(k)[i])).append(',').append(cell(errors.get(k)[i]));
            }
            sb.append('\n');
        }
        dev.oscilla.io.AtomicFiles.writeText(file, w -> w.write(sb.toString()));
    }

    private static double[] padded(double[] a, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        System.arraycopy(a, 0, out, 0, Math.min(n, a.length));
        return out;
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : CsvTables.format(v);
    }
}
