package dev.oscilla.ui.unmix;

import static dev.oscilla.ui.testing.FxWait.fx;
import static dev.oscilla.ui.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 12 item 3: the window field shows what the run uses, whether the typed value is left with Tab or Enter. */
@ExtendWith(ApplicationExtension.class)
class UnmixWindowFieldUiTest {

    @TempDir
    static Path config;

    private FxTaskRunner tasks;
    private UnmixViewModel unmix;

    @Start
    void start(Stage stage) throws Exception {
        tasks = new FxTaskRunner(1);
        Workbench workbench = Fixtures.workbench(tasks, new ScriptedDialogs(), new ManualScheduler(),
                Files.createTempDirectory(config, "run"));
        unmix = workbench.module(UnmixModule.class).viewModel();
        Fixtures.showMainWindow(stage, workbench, 1280, 800);
    }

    @AfterEach
    void stopRunner() {
        tasks.shutdown();
    }

    @Test
    void aValueTypedIntoTheWindowAndLeftWithTabIsTheOneTheRunUses(FxRobot robot) throws Exception {
        robot.clickOn("#tab-unmix");
        waitUntil(30, () -> unmix.canRunBinding().get());
        robot.doubleClickOn("#unmix-window-low");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("600").type(KeyCode.TAB);
        TextField low = robot.lookup("#unmix-window-low").queryAs(TextField.class);
        assertThat(fx(() -> low.getText())).isEqualTo("600");
        robot.clickOn("#unmix-run");
        waitUntil(30, () -> !unmix.runningProperty().get() && !unmix.results().isEmpty());
        double[] axis = fx(() -> unmix.results().get(0).result().axis());
        assertThat(axis[0]).as("first channel the run used").isCloseTo(600, within(2.0));
        assertThat(fx(() -> low.getText())).isEqualTo("600");
    }
}
