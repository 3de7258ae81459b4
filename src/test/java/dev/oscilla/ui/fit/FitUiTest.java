package dev.oscilla.ui.fit;

import static dev.oscilla.ui.testing.FxWait.fx;
import static dev.oscilla.ui.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.ui.app.MainWindow;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/**
 * The Fit view in the real main window, headless, with the real background runner and the real fitter on the
 * bundled quartz spectrum. Fits are kept small (a short window, few iterations) except where a long fit is the
 * point (cancel). No sleeps: every wait is a bounded wait on a condition.
 */
@ExtendWith(ApplicationExtension.class)
class FitUiTest {

    @TempDir
    static Path config;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private FxTaskRunner tasks;
    private Workbench workbench;
    private FitViewModel fit;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(config, "run");
        tasks = new FxTaskRunner(1);
        workbench = Fixtures.workbench(tasks, dialogs, new ManualScheduler(), dir);
        fit = workbench.module(FitModule.class).viewModel();
        Fixtures.showMainWindow(stage, workbench, 1280, 800);
    }

    @AfterEach
    void stopRunner() {
        tasks.shutdown();
    }

    private MineralLibrary library() throws Exception {
        return fx(() -> workbench.context().session().document().library());
    }

    /** Types into a text field like a user: select all, type, Enter. */
    private static void type(FxRobot robot, String query, String text) {
        robot.doubleClickOn(query);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text).type(KeyCode.ENTER);
    }

    /** Opens a combo box and clicks the entry {@code text} of its popup list. */
    private static void pick(FxRobot robot, String combo, String text) {
        robot.clickOn(combo);
        javafx.scene.Node cell = robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && text.equals(c.getText())
                        && n.getScene().getWindow() instanceof javafx.stage.PopupWindow) // not another combo's button
                .findFirst().orElseThrow();
        robot.clickOn(cell);
    }

    private void openFitViewWithASmallFit(FxRobot robot) throws Exception {
        robot.clickOn("#tab-fit");
        type(robot, "#fit-window-low", "950");
        type(robot, "#fit-window-high", "1300");
        robot.interact(() -> {
            fit.modesProperty().set(1);
            fit.maxIterationsProperty().set(40);
        });
        assertThat(fx(() -> fit.windowLowProperty().get())).isEqualTo(950);
        assertThat(fx(() -> fit.windowHighProperty().get())).isEqualTo(1300);
    }

    @Test
    void autoFittingTheBundledSpectrumShowsTheRmsAndAModelCurveOnTheData(FxRobot robot) throws Exception {
        openFitViewWithASmallFit(robot);
        Label summary = robot.lookup("#fit-summary").queryAs(Label.class);
        assertThat(summary.getText()).contains("No model yet");

        robot.clickOn("#fit-auto");
        waitUntil(60, () -> !fit.runningProperty().get() && summary.getText().startsWith("RMS"));

        assertThat(summary.getText()).matches("RMS 0\\.00\\d+ over 176 channels \\(950\u20131300 cm\u207b\u00b9\\), "
                + "quartz-synthetic fit vs quartz-synthetic");
        PlotModel.Series measured = fit.spectrumPlot().series().get(0);
        PlotModel.Series model = fit.spectrumPlot().series().get(1);
        for (double w : new double[] {960, 1072, 1120, 1160, 1230, 1290}) {
            assertThat(model.valueNear(w)).as("model at %s cm^-1", w).isCloseTo(measured.valueNear(w), within(0.03));
        }
        assertThat(fit.residualPlot().series().get(0).size()).isEqualTo(701);
        Mineral fitted = fx(() -> fit.model().orElseThrow());
        assertThat(library().find("quartz-synthetic fit")).as("a fit is not a library entry until added").isEmpty();
        int omega = fitted.layout().index(0, 0, ParameterKind.OMEGA0);
        assertThat(robot.lookup("#error-" + omega).queryAs(Label.class).getText()).startsWith("\u00b1 ");
        assertThat(robot.lookup("#param-" + omega + "-field").queryAs(TextField.class).getText())
                .isEqualTo(dev.oscilla.ui.common.Numbers.format(fitted.modes().get(0).oscillators().get(0).omega0(), 6));
        assertThat(fx(() -> workbench.titleBinding().get())).as("the library is unchanged").doesNotStartWith("*");
    }

    @Test
    void undoAfterARefitRestoresTheParametersBeforeIt(FxRobot robot) throws Exception {
        openFitViewWithASmallFit(robot);
        pick(robot, "#fit-model", "Quartz");
        waitUntil(10, () -> fit.hasModelProperty().get());
        Mineral quartz = library().require("Quartz");
        int s = quartz.layout().index(0, 2, ParameterKind.STRENGTH);
        type(robot, "#param-" + s + "-field", "0.4");
        waitUntil(10, () -> fit.model().orElseThrow().modes().get(0).oscillators().get(2).strength() == 0.4);
        Mineral edited = fx(() -> fit.model().orElseThrow());
        Label summary = robot.lookup("#fit-summary").queryAs(Label.class);
        String summaryEdited = summary.getText();
        double rmsEdited = fx(() -> fit.rmsProperty().get());

        robot.clickOn("#fit-refine");
        waitUntil(60, () -> !fit.runningProperty().get() && !fit.model().orElseThrow().equals(edited)
                && !summary.getText().equals(summaryEdited));
        assertThat(library().require("Quartz")).as("the library entry is not the working model").isEqualTo(quartz);
        assertThat(fx(() -> fit.rmsProperty().get())).as("the re-fit follows the data again").isLessThan(rmsEdited / 3);
        assertThat(robot.lookup("#fit-undo").queryAs(Button.class).getTooltip().getText())
                .isEqualTo("Undo re-fit Quartz");

        robot.clickOn("#fit-undo");
        waitUntil(10, () -> fit.model().orElseThrow().equals(edited));
        assertThat(robot.lookup("#param-" + s + "-field").queryAs(TextField.class).getText()).isEqualTo("0.4");
        waitUntil(10, () -> summary.getText().equals(summaryEdited));
    }

    @Test
    void cancellingALongFitLeavesTheModelUnchangedAndTheViewUsable(FxRobot robot) throws Exception {
        robot.clickOn("#tab-fit");
        MineralLibrary before = library();
        Button cancel = robot.lookup("#fit-cancel").queryAs(Button.class);
        double cancelX = fx(() -> cancel.localToScene(0, 0).getX());
        robot.clickOn("#fit-auto"); // the whole spectrum, automatic modes: a fit of several seconds
        waitUntil(20, () -> fit.runningProperty().get() && !fit.progressMessageProperty().get().isEmpty());
        assertThat(fx(() -> cancel.localToScene(0, 0).getX())).as("Cancel stays where it was (issue 12 item 8)")
                .isEqualTo(cancelX);
        assertThat(robot.lookup("#fit-auto").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#fit-window-low").queryAs(TextField.class).isDisabled())
                .as("settings are frozen while fitting").isTrue();

        robot.clickOn("#fit-cancel");
        waitUntil(30, () -> !fit.runningProperty().get());

        assertThat(library()).isSameAs(before);
        assertThat(library().find("quartz-synthetic fit")).isEmpty();
        assertThat(fx(() -> workbench.context().session().document().history().canUndoProperty().get())).isFalse();
        assertThat(fx(() -> workbench.context().status().current())).isEqualTo("Fit cancelled: the model is unchanged.");
        waitUntil(10, () -> fit.spectrumPlot().series().get(1).size() == 0); // the live model curve is gone
        assertThat(robot.lookup("#fit-auto").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#fit-cancel").queryAs(Button.class).isDisabled()).isTrue();
        // still usable: the window can be dragged out on the plot and typed, a model picked
        javafx.scene.Node chart = robot.lookup("#fit-spectrum-chart").query();
        javafx.geometry.Bounds b = fx(() -> chart.localToScreen(chart.getBoundsInLocal()));
        robot.drag(new javafx.geometry.Point2D(b.getMinX() + 0.35 * b.getWidth(), b.getMinY() + 0.5 * b.getHeight()),
                javafx.scene.input.MouseButton.PRIMARY).moveBy(0.15 * b.getWidth(), 0).moveBy(0.15 * b.getWidth(), 0)
                .drop();
        double low = fx(() -> fit.windowLowProperty().get());
        double high = fx(() -> fit.windowHighProperty().get());
        assertThat(low).as("dragged from about a third of the plot").isBetween(700.0, 1100.0);
        assertThat(high).as("to about two thirds").isBetween(1100.0, 1600.0);
        assertThat(fx(() -> fit.spectrumPlot().bandLowProperty().get())).isEqualTo(low);
        type(robot, "#fit-window-low", "1000");
        assertThat(fx(() -> fit.windowLowProperty().get())).isEqualTo(1000);
        pick(robot, "#fit-model", "Calcite");
        waitUntil(10, () -> fit.hasModelProperty().get() && fit.summaryProperty().get().contains("Calcite vs"));
    }
}
