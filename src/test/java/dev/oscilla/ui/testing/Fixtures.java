package dev.oscilla.ui.testing;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.ui.WorkbenchApp;
import dev.oscilla.ui.app.MainWindow;
import dev.oscilla.ui.app.StartupData;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.session.BundledSamples;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shared test data and wiring. */
public final class Fixtures {

    public static final Duration QUIET = Duration.ofSeconds(2);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    /** A small library: a two-mode mineral with bounds, a one-mode mineral, a blackbody. */
    public static MineralLibrary smallLibrary() {
        Mineral two = new Mineral("Twomode", "test", List.of(
                new Mode(2.3, 2.0, List.of(new Oscillator(1000, 0.6, 0.01), new Oscillator(500, 0.8, 0.02))),
                new Mode(2.5, 1.0, List.of(new Oscillator(800, 0.3, 0.03)))), null, "test mineral");
        double[] lo = new double[two.layout().size()];
        double[] hi = new double[lo.length];
        double[] p = two.parameters();
        for (int i = 0; i < lo.length; i++) {
            lo[i] = p[i] * 0.9 - i; // distinct per index, so misaligned bounds are detectable
            hi[i] = p[i] * 1.1 + i;
        }
        two = two.withBounds(new ParameterBounds(lo, hi));
        Mineral one = new Mineral("Onemode", "test", List.of(
                new Mode(2.0, 1.0, List.of(new Oscillator(1100, 0.5, 0.02)))), null, "another");
        return new MineralLibrary("Small", "for tests", List.of(two, one, Mineral.blackbody()));
    }

    /** A mineral with {@code n} oscillators in one mode spread over 300-1700 cm^-1 (benchmarks). */
    public static Mineral manyBands(int n) {
        List<Oscillator> list = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            list.add(new Oscillator(300 + 1400.0 * j / Math.max(1, n - 1), 0.05 + 0.01 * (j % 7), 0.01 + 0.002 * (j % 5)));
        }
        return new Mineral("Many bands", "test", List.of(new Mode(2.4, 1.0, list)), null, "synthetic");
    }

    /** The bundled startup data, with samples extracted into {@code configDir}. */
    public static StartupData bundled(Path configDir) {
        StartupData data = StartupData.load(configDir);
        if (data.problem() != null) {
            throw new IllegalStateException(data.problem());
        }
        return data;
    }

    public static SpectrumSet quartzSample(Path configDir) throws Exception {
        return BundledSamples.quartzSpectrum(BundledSamples.extractTo(configDir.resolve("samples")));
    }

    public static Workbench workbench(TaskRunner tasks, ScriptedDialogs dialogs, ManualScheduler scheduler,
                                      Path configDir) {
        return new Workbench(new Workbench.Services(tasks, scheduler, dialogs, configDir, CLOCK, QUIET),
                bundled(configDir));
    }

    /** Shows the real main window of {@code workbench} (with the application's stylesheet) and starts it. */
    public static void showMainWindow(Stage stage, Workbench workbench, double width, double height) {
        Scene scene = new Scene(new MainWindow(workbench, () -> { }), width, height);
        scene.getStylesheets().add(WorkbenchApp.class.getResource(WorkbenchApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        workbench.start();
    }
}
