package dev.oscilla.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

/**
 * View-model of one chart: a fixed list of series (created up front, so the chart and its data sets are built
 * once and only their contents change), axis labels and ranges, and an optional highlighted x band.
 *
 * <p>Series contents may be written from any thread ({@link Series#set}); names, ranges and the band on the UI
 * thread. A range bound of NaN means "automatic".
 */
public final class PlotModel implements ExportablePlot {

    /** One plotted line. */
    public static final class Series {
        private final IdentityDataSet data;
        private final javafx.beans.property.BooleanProperty shown =
                new javafx.beans.property.SimpleBooleanProperty(this, "shown", true);

        private Series(String name, String style) {
            this.data = new IdentityDataSet(name);
            if (style != null && !style.isEmpty()) {
                data.setStyle(style);
            }
        }

        /**
         * Replaces the content with the first {@code n} points (copied; the data set reuses its arrays). Any thread:
         * the data set takes its write lock and the chart redraws once on its next pulse.
         */
        public void set(double[] x, double[] y, int n) {
            data.set(x, y, n, true);
        }

        /** Empties the series (a curve that does not apply, e.g. the third mode of a two-mode mineral). */
        public void clear() {
            data.lock().writeLockGuard(() -> {
                data.clearData();
            });
        }

        public String name() {
            return data.getName();
        }

        /** UI thread. */
        public void rename(String name) {
            data.setName(name);
        }

        public IdentityDataSet dataSet() {
            return data;
        }

        /** Whether the chart lists this series (and its legend entry); UI thread. */
        public javafx.beans.property.BooleanProperty shownProperty() {
            return shown;
        }

        public int size() {
            return data.lock().readLockGuard(() -> data.getDataCount());
        }

        /** A consistent copy of the points, read under the data set's lock: {x[], y[]}. */
        public double[][] snapshot() {
            return data.lock().readLockGuard(() -> {
                int n = data.getDataCount();
                double[] x = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = data.get(0, i);
                    y[i] = data.get(1, i);
                }
                return new double[][] {x, y};
            });
        }

        /** The y value at the point whose x is nearest {@code x}; NaN when empty. */
        public double valueNear(double x) {
            double[][] s = snapshot();
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < s[0].length; i++) {
                double d = Math.abs(s[0][i] - x);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            return best < 0 ? Double.NaN : s[1][best];
        }
    }

    /**
     * Receives the x range the user drags out on the plot (UI thread), {@code low < high} in x units: repeatedly
     * while dragging, then once more with {@code finished} on release.
     */
    @FunctionalInterface
    public interface XRangeListener {
        void selected(double low, double high, boolean finished);
    }

    private final String id;
    private final String title;
    private XRangeListener xRangeListener;
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel");
    private final List<Series> series = new ArrayList<>();
    private final DoubleProperty xMin = new SimpleDoubleProperty(this, "xMin", Double.NaN);
    private final DoubleProperty xMax = new SimpleDoubleProperty(this, "xMax", Double.NaN);
    private final DoubleProperty yMin = new SimpleDoubleProperty(this, "yMin", Double.NaN);
    private final DoubleProperty yMax = new SimpleDoubleProperty(this, "yMax", Double.NaN);
    private final DoubleProperty bandLow = new SimpleDoubleProperty(this, "bandLow", Double.NaN);
    private final DoubleProperty bandHigh = new SimpleDoubleProperty(this, "bandHigh", Double.NaN);
    private final StringProperty bandLabel = new SimpleStringProperty(this, "bandLabel", "");
    private Supplier<Image> imageSource;

    /**
     * @param id    short file-name friendly id ("emissivity"), used for suggested export names
     * @param title human title
     */
    public PlotModel(String id, String title, String xLabel, String yLabel) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.xLabel.set(xLabel);
        this.yLabel.set(yLabel);
    }

    /** Adds a series; call before the chart is built. {@code style} is ChartFX data set CSS, may be null. */
    public Series addSeries(String name, String style) {
        Series s = new Series(name, style);
        series.add(s);
        return s;
    }

    public List<Series> series() {
        return Collections.unmodifiableList(series);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void writeCsv(java.nio.file.Path file) throws dev.oscilla.io.SpectralFileException {
        PlotExport.writeCsv(this, file);
    }

    /** Lets the user drag out an x range on the plot (a fit window); set before the view is built. */
    public void setXRangeListener(XRangeListener listener) {
        this.xRangeListener = listener;
    }

    /** The receiver of dragged x ranges, or null when the plot does not offer range selection. */
    public XRangeListener xRangeListener() {
        return xRangeListener;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public StringProperty yLabelProperty() {
        return yLabel;
    }

    public DoubleProperty xMinProperty() {
        return xMin;
    }

    public DoubleProperty xMaxProperty() {
        return xMax;
    }

    public DoubleProperty yMinProperty() {
        return yMin;
    }

    public DoubleProperty yMaxProperty() {
        return yMax;
    }

    /** Lower x of the highlighted band; NaN hides the band. */
    public DoubleProperty bandLowProperty() {
        return bandLow;
    }

    public DoubleProperty bandHighProperty() {
        return bandHigh;
    }

    public StringProperty bandLabelProperty() {
        return bandLabel;
    }

    /** Hides the highlighted band. */
    public void hideBand() {
        bandLow.set(Double.NaN);
        bandHigh.set(Double.NaN);
        bandLabel.set("");
    }

    /** Registered by the view that draws this plot: produces a picture of it for PNG export (UI thread). */
    public void setImageSource(Supplier<Image> source) {
        this.imageSource = source;
    }

    @Override
    public Image snapshotImage() {
        return imageSource == null ? null : imageSource.get();
    }
}
