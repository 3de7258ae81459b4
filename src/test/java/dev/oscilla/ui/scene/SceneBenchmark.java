package dev.oscilla.ui.scene;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.cube.SyntheticCubeFiles;
import dev.oscilla.pipeline.SyntheticCube;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Measures the Scene view on a 1000 x 1000 abundance map in the real window (headless Monocle, software
 * rendering, the real background runner): the time to render a frame after each pan or zoom step (a full scene
 * snapshot, i.e. drawing every node, an upper bound of a screen frame), and the latency from a click's pick to the
 * pixel's unmixing shown. A measurement, not a test. Run:
 * <pre>java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp TEST_CP
 *     dev.oscilla.ui.scene.SceneBenchmark [CUBE_DIR made by bench make-cube]</pre>
 */
public final class SceneBenchmark {

    private SceneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Files.createTempDirectory("oscilla-scene-bench");
        Path cube;
        if (args.length > 0) {
            cube = Path.of(args[0]);
        } else {
            cube = config.resolve("cube");
            SyntheticCube c = SyntheticCube.of(SyntheticCube.renderLibrary(LibraryFiles.read(
                    Path.of("sample-data/oscilla-samples.json")).minerals()), SyntheticCube.Settings.of(1000, 1000));
            SyntheticCubeFiles.write(cube, c, 2, ProgressListener.NONE, CancellationToken.NONE);
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        FxTaskRunner tasks = FxTaskRunner.forThisMachine();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        SceneViewModel[] vm = new SceneViewModel[1];
        SceneView[] view = new SceneView[1];
        Scene[] scene = new Scene[1];
        onFx(() -> {
            Workbench wb = Fixtures.workbench(tasks, dialogs, new ManualScheduler(), config);
            Stage stage = new Stage();
            Fixtures.showMainWindow(stage, wb, 1280, 800);
            SceneModule module = wb.module(SceneModule.class);
            vm[0] = module.viewModel();
            scene[0] = stage.getScene();
            wb.show(SceneModule.ID);
            view[0] = (SceneView) stage.getScene().lookup("#scene-view");
            return null;
        });
        dialogs.file(cube.resolve("axis.csv"));
        onFx(() -> {
            vm[0].openCube(cube.resolve("cube.hdr"));
            return null;
        });
        waitFor(() -> onFx(() -> vm[0].mapProperty().get() != null));
        long t0 = System.nanoTime();
        onFx(() -> {
            vm[0].runCube();
            return null;
        });
        waitFor(() -> onFx(() -> !vm[0].resultBands().isEmpty() && vm[0].mapProperty().get().title()
                .contains("abundance")));
        System.out.printf(Locale.ROOT, "whole cube unmixed and first map shown in %.1f s%n",
                (System.nanoTime() - t0) * 1e-9);
        SceneMap map = onFx(() -> vm[0].mapProperty().get());
        System.out.printf(Locale.ROOT, "map %d x %d (%s)%n", map.width(), map.height(), map.title());

        int steps = 300;
        double[] frames = new double[steps];
        for (int i = 0; i < steps; i++) {
            int k = i;
            frames[i] = onFx(() -> {
                MapCanvas c = view[0].canvas();
                long s = System.nanoTime();
                if (k % 30 < 10) {
                    c.zoomAbout(1.15, c.getWidth() / 2, c.getHeight() / 2);
                } else if (k % 30 < 20) {
                    c.pan(9, -5);
                } else {
                    c.zoomAbout(1 / 1.15, c.getWidth() / 3, c.getHeight() / 3);
                }
                c.snapshot(null, new WritableImage((int) c.getWidth(), (int) c.getHeight()));
                return (System.nanoTime() - s) * 1e-6;
            });
        }
        report("pan/zoom frame of the map (map area snapshot), ms", frames);
        double[] whole = new double[50];
        for (int i = 0; i < whole.length; i++) {
            int k = i;
            whole[i] = onFx(() -> {
                MapCanvas c = view[0].canvas();
                long s = System.nanoTime();
                c.pan(k % 2 == 0 ? 7 : -7, 3);
                scene[0].snapshot(new WritableImage((int) scene[0].getWidth(), (int) scene[0].getHeight()));
                return (System.nanoTime() - s) * 1e-6;
            });
        }
        report("pan frame of the whole 1280 x 800 window (scene snapshot), ms", whole);

        Random rnd = new Random(1);
        int clicks = 40;
        double[] latency = new double[clicks];
        for (int i = 0; i < clicks; i++) {
            int line = rnd.nextInt(1000);
            int sample = rnd.nextInt(1000);
            CompletableFuture<Double> shown = new CompletableFuture<>();
            onFx(() -> {
                long s = System.nanoTime();
                javafx.beans.value.ChangeListener<PixelDetail> l = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends PixelDetail> o, PixelDetail was,
                                        PixelDetail now) {
                        if (now != null && now.line() == line && now.sample() == sample) {
                            vm[0].detailProperty().removeListener(this);
                            shown.complete((System.nanoTime() - s) * 1e-6);
                        }
                    }
                };
                vm[0].detailProperty().addListener(l);
                vm[0].pick(line, sample);
                return null;
            });
            latency[i] = shown.get(30, TimeUnit.SECONDS);
        }
        report("click to the pixel's unmixing shown, ms", latency);
        tasks.shutdown();
        Platform.exit();
    }

    private static void report(String what, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s: median %.1f, p95 %.1f, max %.1f over %d%n", what, s[s.length / 2],
                s[(int) (0.95 * (s.length - 1))], s[s.length - 1], s.length);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + 600_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }
}
