package dev.oscilla.ui.unmix;

import static dev.oscilla.ui.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.ui.app.MainWindow;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.FxWait;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.CategoryAxis;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Unmix view in the real main window, headless, with the real runner, on the bundled mixtures. */
@ExtendWith(ApplicationExtension.class)
class UnmixUiTest {

    @TempDir
    static Path config;

    private FxTaskRunner tasks;
    private UnmixViewModel unmix;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(config, "run");
        tasks = new FxTaskRunner(1);
        Workbench workbench = Fixtures.workbench(tasks, new ScriptedDialogs(), new ManualScheduler(), dir);
        unmix = workbench.module(UnmixModule.class).viewModel();
        Fixtures.showMainWindow(stage, workbench, 1280, 800);
    }

    @AfterEach
    void stopRunner() {
        tasks.shutdown();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxWait.waitUntil(30, condition);
    }

    /** The bars drawn by the abundance chart: {x, y, error} of the first (estimated) series. */
    private static double[][] drawnBars(XYChart chart) throws Exception {
        return fx(() -> {
            DataSet estimated = null;
            for (Renderer r : chart.getRenderers()) {
                for (DataSet d : r.getDatasets()) {
                    if (d.getName().equals("estimated")) {
                        estimated = d;
                    }
                }
            }
            DataSet d = estimated;
            return d.lock().readLockGuard(() -> {
                int n = d.getDataCount();
                double[][] out = new double[3][n];
                for (int i = 0; i < n; i++) {
                    out[0][i] = d.get(0, i);
                    out[1][i] = d.get(1, i);
                    out[2][i] = ((io.fair_acc.dataset.DataSetError) d).getErrorPositive(1, i);
                }
                return out;
            });
        });
    }

    @Test
    void unmixingTheBundledMixturesFillsTheTableTheBarsAndTheScores(FxRobot robot) throws Exception {
        robot.clickOn("#tab-unmix");
        waitUntil(() -> unmix.canRunBinding().get());
        Label source = robot.lookup("#unmix-source").queryAs(Label.class);
        assertThat(source.getText()).isEqualTo("mixtures_tab.txt: 6 spectra, with known abundances");

        robot.clickOn("#unmix-run");
        waitUntil(() -> !unmix.runningProperty().get() && unmix.results().size() == 6);

        @SuppressWarnings("unchecked")
        TableView<UnmixRow> table = robot.lookup("#unmix-results").queryAs(TableView.class);
        assertThat(fx(() -> table.getItems().size())).isEqualTo(6);
        List<String> headers = fx(() -> {
            List<String> h = new ArrayList<>();
            table.getColumns().forEach(c -> h.add(c.getText()));
            return h;
        });
        assertThat(headers).containsExactly("Spectrum", "RMS", "Blackbody", "Quartz", "Calcite", "Dolomite",
                "Olivine-Fo", "Albite", "Enstatite", "Sq. error", "L1 error", "Precision", "Recall");
        assertThat(robot.lookup("#unmix-scores").queryAs(Label.class).getText())
                .startsWith("vs known abundances, mean of 6: squared error");

        XYChart bars = robot.lookup("#abundances-chart").queryAs(XYChart.class);
        assertThat(fx(() -> ((CategoryAxis) bars.getXAxis()).getCategories())).containsExactly("Quartz", "Calcite",
                "Dolomite", "Olivine-Fo", "Albite", "Enstatite");
        double[][] first = drawnBars(bars);
        assertThat(first[1]).hasSize(6);
        assertThat(first[1][0]).as("mix01: half quartz").isCloseTo(0.5, within(0.01));
        assertThat(first[1][4]).as("mix01: half albite").isCloseTo(0.5, within(0.01));
        assertThat(first[2][0]).as("an error bar on quartz").isPositive();

        // choosing another spectrum in the table shows its abundances
        robot.interact(() -> table.scrollTo(5));
        robot.clickOn("mix06-albite-olivine-bb20");
        waitUntil(() -> unmix.selectedProperty().get() != null
                && unmix.selectedProperty().get().spectrum().equals("mix06-albite-olivine-bb20"));
        double[][] sixth = drawnBars(bars);
        assertThat(sixth[1][3]).as("olivine").isCloseTo(0.2, within(0.01));
        assertThat(sixth[1][4]).as("albite").isCloseTo(0.8, within(0.01));
        assertThat(robot.lookup("#unmix-selected").queryAs(Label.class).getText())
                .startsWith("mix06-albite-olivine-bb20: RMS 0.00").contains("blackbody 0.2");

        // sorting by RMS reorders the rows, not the results
        robot.clickOn("RMS");
        List<Double> rms = fx(() -> table.getItems().stream().map(UnmixRow::rms).toList());
        assertThat(rms).isSorted();
    }
}
