package dev.oscilla.ui.common;

import dev.oscilla.io.SpectralFileException;
import java.nio.file.Path;
import javafx.scene.image.Image;

/** A plot the "PNG..." and "CSV..." buttons can export ({@link PlotExporter}): line plots and bar charts. */
public interface ExportablePlot {

    /** Short file-name friendly id ("spectrum"). */
    String id();

    /** Human title, also the base of suggested file names. */
    String title();

    /** A picture of the plot as currently drawn, or null when no view draws it. UI thread. */
    Image snapshotImage();

    /** Writes the plotted data as a CSV table (any thread; reads the data under the data sets' locks). */
    void writeCsv(Path file) throws SpectralFileException;
}
