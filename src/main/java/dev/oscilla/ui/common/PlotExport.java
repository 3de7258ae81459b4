package dev.oscilla.ui.common;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.CsvTables;
import dev.oscilla.io.SpectralFileException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Writes a plot's picture (PNG) and its data (CSV). Both writes are atomic (temporary file + rename), so an
 * export that fails leaves no half-written file.
 */
public final class PlotExport {

    private PlotExport() {
    }

    /**
     * The plot's non-empty series as CSV. When every series shares one x axis (the usual case: all curves
     * rendered on one wavenumber grid) the table is {@code x, series1, series2, ...}; otherwise each series gets
     * its own {@code x, y} column pair, shorter columns padded with empty cells.
     */
    public static void writeCsv(PlotModel plot, Path file) throws SpectralFileException {
        List<String> names = new ArrayList<>();
        List<double[][]> data = new ArrayList<>();
        for (PlotModel.Series s : plot.series()) {
            double[][] xy = s.snapshot();
            if (xy[0].length > 0) {
                names.add(s.name());
                data.add(xy);
            }
        }
        String xName = columnName(plot.xLabelProperty().get());
        boolean shared = !data.isEmpty();
        for (double[][] xy : data) {
            shared &= java.util.Arrays.equals(xy[0], data.get(0)[0]);
        }
        List<String> header = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        if (shared) {
            header.add(xName);
            columns.add(data.get(0)[0]);
            for (int i = 0; i < data.size(); i++) {
                header.add(columnName(names.get(i)));
                columns.add(data.get(i)[1]);
            }
        } else {
            int rows = 0;
            for (double[][] xy : data) {
                rows = Math.max(rows, xy[0].length);
            }
            for (int i = 0; i < data.size(); i++) {
                header.add(columnName(names.get(i)) + " " + xName);
                header.add(columnName(names.get(i)));
                columns.add(padded(data.get(i)[0], rows));
                columns.add(padded(data.get(i)[1], rows));
            }
        }
        CsvTables.writeColumns(file, header, columns);
    }

    /** Encodes the image as PNG (any thread once the image exists). */
    public static void writePng(Image image, Path file) throws SpectralFileException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG encoder available");
            }
        });
    }

    /** A file-name friendly version of a plot title: "n, k (mode 1)" -> "n-k-mode-1". */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "plot" : s;
    }

    private static String columnName(String label) {
        return label == null || label.isBlank() ? "x" : label.trim();
    }

    private static double[] padded(double[] values, int rows) {
        double[] out = new double[rows];
        java.util.Arrays.fill(out, Double.NaN); // written as empty cells
        System.arraycopy(values, 0, out, 0, values.length);
        return out;
    }
}
