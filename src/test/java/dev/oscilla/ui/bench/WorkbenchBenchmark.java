package dev.oscilla.ui.bench;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.testing.SharedData;
import dev.oscilla.ui.app.MainWindow;
import dev.oscilla.ui.app.StartupData;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxScheduler;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.explore.ExploreModule;
import dev.oscilla.ui.explore.ExploreViewModel;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;

/**
 * Measures, in the real workbench window (headless Monocle, software rendering, the real background runner):
 * <ol>
 * <li>the latency from a slider event (an omega0 drag step) to the chart's data set holding the new curve, for a
 * mineral with 60 oscillators on 1,000 channels;</li>
 * <li>the heap after opening 20 spectrum files one after the other (each replacing, i.e. closing, the previous).</li>
 * </ol>
 * A measurement, not a test (timings are machine-dependent). Run:
 * <pre>java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp TEST_CP
 *     dev.oscilla.ui.bench.WorkbenchBenchmark</pre>
 */
public final class WorkbenchBenchmark {

    private static final int WARMUP = 400;
    private static final int MEASURED = 2000;

    private WorkbenchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Files.createTempDirectory("oscilla-bench");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();

        Mineral many = Fixtures.manyBands(60);
        StartupData base = StartupData.load(config);
        StartupData data = new StartupData(new MineralLibrary("bench", "", List.of(many)), base.samplesDir(),
                base.sampleSpectra(), null);
        FxTaskRunner tasks = FxTaskRunner.forThisMachine();
        Workbench[] wb = new Workbench[1];
        Slider[] slider = new Slider[1];
        onFx(() -> {
            wb[0] = new Workbench(new Workbench.Services(tasks, new FxScheduler(), new ScriptedDialogs(), config,
                    Clock.systemUTC(), Duration.ofSeconds(2)), data);
            Stage stage = new Stage();
            stage.setScene(new Scene(new MainWindow(wb[0], () -> { }), 1280, 780));
            stage.show();
            ExploreViewModel vm = wb[0].module(ExploreModule.class).viewModel();
            vm.axisLowTextProperty().set("200");
            vm.axisHighTextProperty().set("2000");
            vm.channelsTextProperty().set("1000");
            vm.applyAxis();
            slider[0] = (Slider) stage.getScene().lookup("#omega0-m0-b30-slider");
            return null;
        });
        ExploreViewModel vm = wb[0].module(ExploreModule.class).viewModel();

        long[] latency = new long[MEASURED];
        long[] compute = new long[MEASURED];
        long[] sync = new long[MEASURED];
        long[] queued = new long[MEASURED];
        long[] write = new long[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            double target = 900 + 200 * Math.sin(i * 0.05); // a back-and-forth drag around 900 cm^-1
            CompletableFuture<long[]> done = new CompletableFuture<>();
            onFx(() -> {
                slider[0].setValueChanging(true);
                long t0 = System.nanoTime();
                javafx.beans.value.ChangeListener<ExploreViewModel.RenderStats> l = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends ExploreViewModel.RenderStats> o,
                                        ExploreViewModel.RenderStats was, ExploreViewModel.RenderStats now) {
                        if (now.requestedAtNanos() >= t0) {
                            vm.lastRenderProperty().removeListener(this);
                            done.complete(new long[] {now.writtenAtNanos() - t0, now.computeNanos(),
                                now.requestedAtNanos() - t0, now.startedAtNanos() - now.requestedAtNanos(),
                                now.writtenAtNanos() - now.startedAtNanos() - now.computeNanos()});
                        }
                    }
                };
                vm.lastRenderProperty().addListener(l);
                slider[0].setValue(target); // the slider event
                return null;
            });
            long[] r = done.get(10, TimeUnit.SECONDS);
            if (i >= WARMUP) {
                latency[i - WARMUP] = r[0];
                compute[i - WARMUP] = r[1];
                sync[i - WARMUP] = r[2];
                queued[i - WARMUP] = r[3];
                write[i - WARMUP] = r[4];
            }
        }
        onFx(() -> {
            slider[0].setValueChanging(false);
            return null;
        });
        System.out.printf(Locale.ROOT, "slider event -> chart data sets updated, 60 oscillators x 1000 channels, %d "
                + "events after %d warm-up (ms):%n", MEASURED, WARMUP);
        report("total latency", latency);
        report("  UI thread: edit, history, rows, request", sync);
        report("  waiting for a worker", queued);
        report("  forward model (E, n, k, eps1, eps2)", compute);
        report("  writing the chart data sets", write);
        System.out.printf(Locale.ROOT, "  undo steps recorded for the whole drag: %d%n",
                onFx(() -> wb[0].context().session().document().history().undoSize()));

        // heap after opening 20 spectrum files, each replacing the previous
        List<Path> files = List.of(SharedData.feely("library_tab.txt"), SharedData.feely("rocks_tab.txt"),
                data.samplesDir().resolve("mixtures_tab.txt"), data.samplesDir().resolve("quartz_tab.txt"));
        onFx(() -> {
            wb[0].show("library"); // the comparison chart is on screen and re-renders for every file
            return null;
        });
        dev.oscilla.ui.library.CompareModel compare =
                wb[0].module(dev.oscilla.ui.library.LibraryModule.class).viewModel().compare();
        long[] heap = new long[41];
        heap[0] = usedAfterGc();
        for (int i = 0; i < 40; i++) {
            Path f = files.get(i % files.size());
            CompletableFuture<Void> opened = new CompletableFuture<>();
            onFx(() -> {
                wb[0].context().session().spectraFileProperty().addListener(new javafx.beans.InvalidationListener() {
                    @Override
                    public void invalidated(javafx.beans.Observable o) {
                        wb[0].context().session().spectraFileProperty().removeListener(this);
                        opened.complete(null);
                    }
                });
                wb[0].context().documents().openSpectra(f);
                return null;
            });
            opened.get(30, TimeUnit.SECONDS);
            String shown = onFx(() -> wb[0].context().session().spectrumProperty().get().name());
            while (!onFx(() -> compare.summaryProperty().get().contains(shown))) {
                Thread.onSpinWait(); // a benchmark main, not a test: wait for the comparison to be drawn
            }
            if (i == 0 || i == 19 || i == 39) {
                heap[i + 1] = usedAfterGc();
            }
        }
        System.out.printf(Locale.ROOT, "heap in use after GC (MB): %.1f before any spectrum file, %.1f after 1, "
                + "%.1f after 20, %.1f after 40 files opened one after the other (%s, %s, %s, %s in turn; each "
                + "replaces the previous)%n", heap[0] / 1e6, heap[1] / 1e6, heap[20] / 1e6, heap[40] / 1e6,
                files.get(0).getFileName(), files.get(1).getFileName(), files.get(2).getFileName(),
                files.get(3).getFileName());
        tasks.shutdown();
        Platform.exit();
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "  %-44s median %7.3f   p90 %7.3f   p95 %7.3f   p99 %7.3f   max %7.3f%n",
                what, s[s.length / 2] / 1e6, s[(int) (s.length * 0.90)] / 1e6, s[(int) (s.length * 0.95)] / 1e6,
                s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

    /**
     * Heap in use after the application has gone idle: background renders, comparisons and the autosave timer may
     * still hold the previous file's data for a moment, so the minimum over a few seconds of collections is taken.
     */
    private static long usedAfterGc() throws Exception {
        Runtime rt = Runtime.getRuntime();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 12; i++) {
            onFx(() -> null); // let pending UI work finish
            System.gc();
            min = Math.min(min, rt.totalMemory() - rt.freeMemory());
            Thread.sleep(250); // a benchmark main, not a test: give background work time to finish
        }
        return min;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
