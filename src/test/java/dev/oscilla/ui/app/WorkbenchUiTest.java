package dev.oscilla.ui.app;

import static dev.oscilla.ui.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.explore.ExploreModule;
import dev.oscilla.ui.explore.ExploreViewModel;
import dev.oscilla.ui.library.LibraryModule;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.FxWait;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import io.fair_acc.chartfx.XYChart;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless (Monocle), with the real background runner: what a user does with mouse and
 * keyboard reaches the plots. No sleeps: every wait is a bounded {@link WaitForAsyncUtils#waitFor} on a condition.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    @TempDir
    static Path config;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private FxTaskRunner tasks;
    private Workbench workbench;
    private ExploreViewModel explore;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(config, "run");
        tasks = new FxTaskRunner(1);
        workbench = Fixtures.workbench(tasks, dialogs, new ManualScheduler(), dir);
        explore = workbench.module(ExploreModule.class).viewModel();
        Fixtures.showMainWindow(stage, workbench, 1280, 780);
    }

    @AfterEach
    void stopRunner() {
        tasks.shutdown();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxWait.waitUntil(10, condition);
    }

    private Mineral quartz() throws Exception {
        return fx(() -> workbench.context().session().document().library().require("Quartz"));
    }

    /** Lowest plotted emissivity within [from, to] cm^-1. */
    private static double minimum(PlotModel.Series series, double from, double to) {
        double[][] xy = series.snapshot();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy[0].length; i++) {
            if (xy[0][i] >= from && xy[0][i] <= to) {
                min = Math.min(min, xy[1][i]);
            }
        }
        return min;
    }

    @Test
    void opensOnTheBundledQuartzWithItsSpectrumPlotted(FxRobot robot) throws Exception {
        ComboBox<?> picker = robot.lookup("#mineral-picker").queryAs(ComboBox.class);
        assertThat(fx(picker::getValue)).isEqualTo("Quartz");
        PlotModel.Series e = explore.spectrumPlot().series().get(0);
        waitUntil(() -> e.size() == 1001);
        assertThat(e.valueNear(1120)).isLessThan(0.3);
        XYChart chart = robot.lookup("#spectrum-chart").queryAs(XYChart.class);
        assertThat(fx(() -> chart.getDatasets().contains(e.dataSet()))).isTrue();
        robot.clickOn("#tab-library");
        Label summary = robot.lookup("#compare-summary").queryAs(Label.class);
        waitUntil(() -> summary.getText().startsWith("RMS 0.002"));
        assertThat(summary.getText()).contains("Quartz vs quartz-synthetic");
    }

    @Test
    void draggingAnOmega0SliderMovesTheBandOnThePlotAndUndoRestoresIt(FxRobot robot) throws Exception {
        PlotModel.Series e = explore.spectrumPlot().series().get(0);
        waitUntil(() -> e.size() == 1001);
        Mineral before = quartz();
        double[][] plotBefore = e.snapshot();
        int steps = fx(() -> workbench.context().session().document().history().undoSize());

        // mode 1, band 3 of quartz: omega0 = 1072 cm^-1; drag its thumb to the right
        Slider slider = robot.lookup("#omega0-m0-b2-slider").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(12, 0).moveBy(12, 0).moveBy(12, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double moved = quartz().modes().get(0).oscillators().get(2).omega0();
        assertThat(moved).as("the drag moved omega0 to higher wavenumbers").isGreaterThan(1200);
        // a strong band now sits at the new omega0: deep emissivity minimum just above it, where there was none
        double minBefore = minimumOf(plotBefore, moved, moved + 60);
        waitUntil(() -> minimum(e, moved, moved + 60) < minBefore - 0.3);
        assertThat(fx(() -> workbench.context().session().document().history().undoSize()))
                .as("the whole drag is one undo step").isEqualTo(steps + 1);
        assertThat(fx(() -> explore.spectrumPlot().bandLowProperty().get())).isLessThan(moved);
        assertThat(robot.lookup("#omega0-m0-b2-field").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(dev.oscilla.ui.common.Numbers.format(moved, 6));

        robot.clickOn("#undo");
        waitUntil(() -> quartz().equals(before));
        waitUntil(() -> Math.abs(e.valueNear(moved + 20) - valueNear(plotBefore, moved + 20)) < 1e-12);
        assertThat(e.snapshot()[1]).containsExactly(plotBefore[1], within(1e-12));
        assertThat(fx(() -> workbench.titleBinding().get())).doesNotStartWith("*");
    }

    @Test
    void anExactValueTypedIntoAFieldIsAppliedOnEnter(FxRobot robot) throws Exception {
        robot.doubleClickOn("#gamma-m0-b2-field");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("0.02").type(KeyCode.ENTER);
        waitUntil(() -> quartz().modes().get(0).oscillators().get(2).gamma() == 0.02);
        assertThat(robot.lookup("#width-m0-b2").queryAs(Label.class).getText()).startsWith("21.4"); // 0.02 * 1072
        assertThat(fx(() -> workbench.titleBinding().get())).startsWith("*");
    }

    @Test
    void chartsAreBuiltOnceAndOldSpectraAreNotKeptAlive(FxRobot robot) throws Exception {
        robot.clickOn("#tab-library");
        XYChart chart = robot.lookup("#comparison-chart").queryAs(XYChart.class);
        XYChart spectrumChart = robot.lookup("#spectrum-chart").queryAs(XYChart.class);
        List<Object> dataSets = new ArrayList<>(fx(chart::getDatasets));
        Path samples = config.resolve("spectra");
        dev.oscilla.ui.session.BundledSamples.extractTo(samples);
        List<WeakReference<SpectrumSet>> opened = new ArrayList<>();
        Label summary = robot.lookup("#compare-summary").queryAs(Label.class);
        for (int i = 0; i < 20; i++) {
            Path file = samples.resolve(i % 2 == 0 ? "mixtures_tab.txt" : "quartz_tab.txt");
            String expected = i % 2 == 0 ? "mix01-quartz-albite" : "quartz-synthetic";
            robot.interact(() -> workbench.context().documents().openSpectra(file));
            waitUntil(() -> summary.getText().contains(expected)
                    && workbench.context().session().spectraProperty().get() != null
                    && opened.stream().noneMatch(w -> w.get() == workbench.context().session().spectraProperty().get()));
            opened.add(new WeakReference<>(fx(() -> workbench.context().session().spectraProperty().get())));
            String mineral = i % 2 == 0 ? "Calcite" : "Quartz";
            robot.interact(() -> explore.currentMineralProperty().set(mineral));
        }
        assertThat(robot.lookup("#comparison-chart").queryAs(XYChart.class)).isSameAs(chart);
        assertThat(robot.lookup("#spectrum-chart").queryAs(XYChart.class)).isSameAs(spectrumChart);
        assertThat(fx(() -> new ArrayList<Object>(chart.getDatasets()))).containsExactlyElementsOf(dataSets);
        // every set but the one still open must become unreachable: nothing (chart, data set, listener) holds it
        List<WeakReference<SpectrumSet>> old = opened.subList(0, opened.size() - 1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            System.gc();
            return old.stream().allMatch(w -> w.get() == null);
        });
        assertThat(opened.get(opened.size() - 1).get()).isNotNull();
    }

    @Test
    void quittingWithUnsavedChangesAsksAndDiscardRemovesTheRecoveryFile(FxRobot robot) throws Exception {
        robot.interact(() -> explore.newBlankMineral());
        robot.interact(() -> workbench.autosave().writeNow());
        waitUntil(() -> workbench.autosave().store().exists());
        dialogs.unsaved(dev.oscilla.ui.common.Dialogs.UnsavedChoice.CANCEL);
        boolean[] exited = {false};
        robot.interact(() -> workbench.requestQuit(() -> exited[0] = true));
        assertThat(exited[0]).isFalse();
        dialogs.unsaved(dev.oscilla.ui.common.Dialogs.UnsavedChoice.DISCARD);
        robot.interact(() -> workbench.requestQuit(() -> exited[0] = true));
        assertThat(exited[0]).isTrue();
        assertThat(workbench.autosave().store().exists()).isFalse();
        assertThat(dialogs.questions).anyMatch(q -> q.startsWith("unsaved:"));
    }

    @Test
    void aPlotExportsAsPngAndAsCsv(FxRobot robot) throws Exception {
        PlotModel.Series e = explore.spectrumPlot().series().get(0);
        waitUntil(() -> e.size() == 1001);
        Path png = config.resolve("spectrum-" + System.nanoTime() + ".png");
        Path csv = config.resolve("spectrum-" + System.nanoTime() + ".csv");
        dialogs.file(png).file(csv);
        robot.clickOn("#spectrum-png");
        waitUntil(() -> Files.exists(png));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
        assertThat(image.getHeight()).isGreaterThan(150);
        robot.clickOn("#spectrum-csv");
        waitUntil(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("Wavenumber (cm\u207b\u00b9),Quartz emissivity");
        assertThat(lines).hasSize(1 + 1001);
        assertThat(lines.get(1)).startsWith("200.0,");
    }

    @Test
    void openInExploreSwitchesToTheExploreTabWithThatEntry(FxRobot robot) throws Exception {
        robot.clickOn("#tab-library");
        // the library table's cell (the Unmix view's endmember table, in a hidden tab, lists Dolomite too)
        robot.clickOn((Node) robot.lookup("#library-table").lookup("Dolomite").query());
        robot.clickOn("#open-in-explore");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> workbench.selectedViewProperty().get())).isEqualTo("explore");
        assertThat(fx(() -> explore.currentMineralProperty().get())).isEqualTo("Dolomite");
        assertThat(fx(() -> workbench.module(LibraryModule.class).viewModel().selectedNameProperty().get()))
                .isEqualTo("Dolomite");
    }

    private static double minimumOf(double[][] xy, double from, double to) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xy[0].length; i++) {
            if (xy[0][i] >= from && xy[0][i] <= to) {
                min = Math.min(min, xy[1][i]);
            }
        }
        return min;
    }

    private static double valueNear(double[][] xy, double x) {
        int best = 0;
        for (int i = 1; i < xy[0].length; i++) {
            if (Math.abs(xy[0][i] - x) < Math.abs(xy[0][best] - x)) {
                best = i;
            }
        }
        return xy[1][best];
    }
}
