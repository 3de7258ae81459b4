package dev.oscilla.ui.scene;

import static dev.oscilla.ui.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.cube.SyntheticCubeFiles;
import dev.oscilla.pipeline.SyntheticCube;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.FxWait;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Scene view in the real main window, headless, with the real background runner: open, run, cancel, click. */
@ExtendWith(ApplicationExtension.class)
class SceneUiTest {

    private static final int LINES = 30;
    private static final int SAMPLES = 40;

    @TempDir
    static Path temp;

    private FxTaskRunner tasks;
    private ScriptedDialogs dialogs;
    private SceneViewModel scene;
    private Path config;
    private Path cube;

    @Start
    void start(Stage stage) throws Exception {
        config = Files.createTempDirectory(temp, "config");
        cube = Files.createTempDirectory(temp, "cube");
        // a TES-like cube mixed from the bundled oscillator library, the library the workbench opens with
        SyntheticCube c = SyntheticCube.of(SyntheticCube.renderLibrary(LibraryFiles.read(
                Path.of("sample-data/oscilla-samples.json")).minerals()), SyntheticCube.Settings.of(LINES, SAMPLES));
        SyntheticCubeFiles.write(cube, c, 2, ProgressListener.NONE, CancellationToken.NONE);
        tasks = new FxTaskRunner(2);
        dialogs = new ScriptedDialogs();
        Workbench workbench = Fixtures.workbench(tasks, dialogs, new ManualScheduler(), config);
        scene = workbench.module(SceneModule.class).viewModel();
        Fixtures.showMainWindow(stage, workbench, 1280, 800);
    }

    @AfterEach
    void stopRunner() {
        tasks.shutdown();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxWait.waitUntil(60, condition);
    }

    private void open(FxRobot robot) throws Exception {
        dialogs.file(cube.resolve("cube.hdr")).file(cube.resolve("axis.csv"));
        robot.clickOn("#tab-scene");
        robot.clickOn("#scene-open");
        waitUntil(() -> fx(() -> scene.mapProperty().get() != null));
    }

    @Test
    void openingACubeWithoutWavelengthsAsksForItsAxisAndShowsAChannel(FxRobot robot) throws Exception {
        open(robot);
        assertThat(dialogs.questions).containsExactly("open: Open an ENVI image cube",
                "open: cube.hdr has no wavelengths: choose its axis file");
        SceneMap map = fx(() -> scene.mapProperty().get());
        assertThat(map.width()).isEqualTo(SAMPLES);
        assertThat(map.height()).isEqualTo(LINES);
        assertThat(map.title()).startsWith("Channel ");
        assertThat(fx(() -> scene.cubeInfoProperty().get())).contains("30 lines x 40 samples x 73 bands");
        // another display: a false-colour composite
        robot.interact(() -> scene.displayProperty().set(SceneViewModel.Display.COMPOSITE));
        waitUntil(() -> fx(() -> scene.mapProperty().get().title().startsWith("False colour")));
    }

    @Test
    void unmixingTheCubeShowsItsMapsAndAClickedPixelsAbundances(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#scene-run-cube");
        waitUntil(() -> fx(() -> !scene.resultBands().isEmpty() && scene.mapProperty().get().title()
                .contains("(abundance)")));
        assertThat(fx(() -> scene.resultBands())).contains("Blackbody", "RMS").anyMatch(b -> b.startsWith("group:"));
        Path folder = fx(() -> scene.resultFolder());
        assertThat(folder).startsWith(config);
        assertThat(folder.resolve("abundances.img")).exists();
        assertThat(folder.resolve("summary.csv")).exists();
        SceneMap map = fx(() -> scene.mapProperty().get());
        assertThat(map.stretch()).isNotNull();

        Node canvas = robot.lookup("#scene-map").query();
        Point2D centre = fx(() -> {
            Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        });
        robot.clickOn(centre);
        waitUntil(() -> fx(() -> scene.detailProperty().get() != null));
        PixelDetail d = fx(() -> scene.detailProperty().get());
        assertThat(d.abundances().length).isEqualTo(d.endmembers().size()).isGreaterThan(2);
        assertThat(d.modelled()).hasSameSizeAs(d.measured());
        assertThat(d.rms()).isLessThan(0.02);
        assertThat(d.line()).isBetween(LINES / 2 - 3, LINES / 2 + 3);
        assertThat(d.sample()).isBetween(SAMPLES / 2 - 3, SAMPLES / 2 + 3);
        assertThat(robot.lookup("#scene-abundances").queryListView().getItems()).isNotEmpty();

        // the RMS map, then a region: unmixed in memory, no value outside the rectangle
        robot.interact(() -> scene.resultBandProperty().set(scene.resultBands().size() - 1));
        waitUntil(() -> fx(() -> scene.mapProperty().get().title().equals("RMS of the model")));
        robot.interact(() -> scene.selectionProperty().set(new SceneViewModel.Region(2, 5, 3, 7)));
        robot.clickOn("#scene-run-region");
        waitUntil(() -> fx(() -> scene.resultFolder() == null && scene.mapProperty().get().title()
                .equals("RMS of the model")));
        SceneMap region = fx(() -> scene.mapProperty().get());
        assertThat(region.valueAt(4, 3)).isBetween(0.0005, 0.005);
        assertThat(region.valueAt(20, 20)).isNaN();
    }

    @Test
    void cancellingARunKeepsTheViewAndWritesNothing(FxRobot robot) throws Exception {
        open(robot);
        // analysis-by-synthesis takes tens of milliseconds a pixel: long enough to cancel mid-run
        robot.interact(() -> scene.methodProperty().set(UnmixMethod.ABS));
        robot.clickOn("#scene-run-cube");
        waitUntil(() -> fx(() -> scene.runningProperty().get() && scene.progressProperty().get() > 0));
        robot.clickOn("#scene-cancel");
        waitUntil(() -> fx(() -> !scene.runningProperty().get()));
        assertThat(fx(() -> scene.resultBands())).isEmpty();
        assertThat(fx(() -> scene.mapProperty().get().title())).startsWith("Channel ");
        FxWait.waitUntil(30, () -> tasks.activeCountProperty().get() == 0);
        Path scenes = config.resolve("scenes");
        if (Files.exists(scenes)) {
            try (Stream<Path> files = Files.walk(scenes)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }
}
