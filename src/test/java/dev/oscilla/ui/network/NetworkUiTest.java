package dev.oscilla.ui.network;

import static dev.oscilla.ui.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.ui.app.MainWindow;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.FxWait;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import dev.oscilla.ui.unmix.UnmixModule;
import dev.oscilla.ui.unmix.UnmixViewModel;
import dev.oscilla.unmix.UnmixMethod;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Network view in the real main window, headless, with the real background runner: train, then unmix with it. */
@ExtendWith(ApplicationExtension.class)
class NetworkUiTest {

    @TempDir
    static Path config;

    private FxTaskRunner tasks;
    private NetworkViewModel network;
    private UnmixViewModel unmix;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(config, "run");
        tasks = new FxTaskRunner(1);
        Workbench workbench = Fixtures.workbench(tasks, new ScriptedDialogs(), new ManualScheduler(), dir);
        network = workbench.module(NetworkModule.class).viewModel();
        unmix = workbench.module(UnmixModule.class).viewModel();
        Fixtures.showMainWindow(stage, workbench, 1280, 800);
    }

    @AfterEach
    void stopRunner() {
        tasks.shutdown();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxWait.waitUntil(60, condition);
    }

    private static int points(XYChart chart, String name) throws Exception {
        return fx(() -> {
            for (Renderer r : chart.getRenderers()) {
                for (DataSet d : r.getDatasets()) {
                    if (d.getName().equals(name)) {
                        return d.getDataCount();
                    }
                }
            }
            return -1;
        });
    }

    @Test
    void trainingInTheBackgroundDrawsTheLossCurveAndTheUnmixViewThenUsesTheNetwork(FxRobot robot) throws Exception {
        robot.clickOn("#tab-network");
        robot.interact(() -> {
            network.epochsProperty().set(2);
            network.samplesProperty().set(64);
        });
        assertThat(robot.lookup("#network-model").queryAs(Label.class).getText()).startsWith("No network yet");

        robot.clickOn("#network-train");
        waitUntil(() -> network.networkProperty().get() != null && !network.runningProperty().get());

        XYChart chart = robot.lookup("#network-loss-chart").queryAs(XYChart.class);
        assertThat(points(chart, "training")).isEqualTo(2);
        assertThat(points(chart, "validation")).isEqualTo(2);
        assertThat(robot.lookup("#network-model").queryAs(Label.class).getText()).startsWith("6 minerals + blackbody")
                .contains("not saved");
        assertThat(robot.lookup("#network-last-epoch").queryAs(Label.class).getText()).startsWith("epoch 2 of 2");

        robot.clickOn("#tab-unmix");
        waitUntil(() -> unmix.mixturesProperty().get() != null);
        robot.interact(() -> unmix.methodProperty().set(UnmixMethod.IR_ABS));
        waitUntil(() -> unmix.canRunBinding().get());
        robot.clickOn("#unmix-run");
        waitUntil(() -> !unmix.runningProperty().get() && unmix.results().size() == 6);
        assertThat(unmix.results().get(0).result().method()).isEqualTo(UnmixMethod.IR_ABS);
        assertThat(robot.lookup("#unmix-summary").queryAs(Label.class).getText()).startsWith("IR+ABS");
    }
}
