package dev.oscilla.ui.common;

import dev.oscilla.io.SpectralFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.image.Image;

/**
 * The "Export PNG..." and "Export CSV..." actions of every plot ({@link ExportablePlot}: line plots, bar charts):
 * asks for a file, writes in the background.
 */
public final class PlotExporter {

    public static final Dialogs.FileType PNG = new Dialogs.FileType("PNG image", "*.png");
    public static final Dialogs.FileType CSV = new Dialogs.FileType("CSV table", "*.csv");

    private final Dialogs dialogs;
    private final TaskRunner tasks;
    private final StatusLine status;

    public PlotExporter(Dialogs dialogs, TaskRunner tasks, StatusLine status) {
        this.dialogs = Objects.requireNonNull(dialogs);
        this.tasks = Objects.requireNonNull(tasks);
        this.status = Objects.requireNonNull(status);
    }

    /** Saves a picture of the plot as drawn now. */
    public void exportPng(ExportablePlot plot) {
        Image image = plot.snapshotImage(); // taken on the UI thread, encoded on a worker
        if (image == null) {
            dialogs.showError("Export PNG", "The plot \"" + plot.title() + "\" is not on screen.");
            return;
        }
        Optional<Path> file = dialogs.chooseFileToSave("Export " + plot.title() + " as PNG",
                PlotExport.slug(plot.title()) + ".png", List.of(PNG));
        file.ifPresent(path -> tasks.submit("export PNG", () -> {
            PlotExport.writePng(image, path);
            return path;
        }, done -> status.post("Saved " + done.getFileName()), error -> failed("Export PNG", error)));
    }

    /** Saves the plotted data as a CSV table. */
    public void exportCsv(ExportablePlot plot) {
        Optional<Path> file = dialogs.chooseFileToSave("Export " + plot.title() + " data as CSV",
                PlotExport.slug(plot.title()) + ".csv", List.of(CSV));
        file.ifPresent(path -> tasks.submit("export CSV", () -> {
            plot.writeCsv(path);
            return path;
        }, done -> status.post("Saved " + done.getFileName()), error -> failed("Export CSV", error)));
    }

    private void failed(String title, Throwable error) {
        dialogs.showError(title, error instanceof SpectralFileException ? error.getMessage() : String.valueOf(error));
    }
}
