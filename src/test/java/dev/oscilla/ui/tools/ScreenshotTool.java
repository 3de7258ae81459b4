package dev.oscilla.ui.tools;

import dev.oscilla.physics.Quantity;
import dev.oscilla.ui.WorkbenchApp;
import dev.oscilla.ui.app.MainWindow;
import dev.oscilla.ui.app.StartupData;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxScheduler;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.common.PlotExport;
import dev.oscilla.ui.explore.ExploreModule;
import dev.oscilla.ui.explore.ExploreViewModel;
import dev.oscilla.ui.fit.FitModule;
import dev.oscilla.ui.fit.FitViewModel;
import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.testing.ScriptedDialogs;
import dev.oscilla.ui.unmix.UnmixModule;
import dev.oscilla.ui.unmix.UnmixViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Takes the documentation screenshots ({@code docs/screenshots/*.png}) of the real workbench window. Run under a
 * real X server with software rendering, e.g.
 * <pre>xvfb-run -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp target/test-classes:target/classes:LIBS \
 *     dev.oscilla.ui.tools.ScreenshotTool\$Main docs/screenshots</pre>
 * Not a test: it only produces pictures for people to look at.
 */
public final class ScreenshotTool extends Application {

    private static Path out;
    /** Which groups of pictures to take ("explore", "library", "fit", "unmix", "network"); all when empty. */
    private static java.util.Set<String> only = java.util.Set.of();

    /** Launcher (a main class that is not an Application, so a plain classpath launch works; STACK.md). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) throws Exception {
            out = Paths.get(args.length > 0 ? args[0] : "docs/screenshots");
            if (args.length > 1) {
                only = java.util.Set.of(args[1].split(","));
            }
            Files.createDirectories(out);
            Application.launch(ScreenshotTool.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path config = Files.createTempDirectory("oscilla-shots");
        FxTaskRunner tasks = FxTaskRunner.forThisMachine();
        Workbench wb = new Workbench(new Workbench.Services(tasks, new FxScheduler(), new ScriptedDialogs(), config,
                Clock.systemUTC(), Duration.ofSeconds(2)), StartupData.load(config));
        MainWindow window = new MainWindow(wb, Platform::exit);
        Scene scene = new Scene(window, 1440, 900);
        scene.getStylesheets().add(WorkbenchApp.class.getResource(WorkbenchApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(wb.titleBinding());
        stage.show();
        ExploreViewModel explore = wb.module(ExploreModule.class).viewModel();

        Deque<Runnable> steps = new ArrayDeque<>();
        if (wanted("explore")) {
            steps.add(() -> explore.select(explore.modes().get(0).oscillators().get(2))); // quartz 1072 cm^-1
            steps.add(() -> shot(scene, "explore-quartz.png"));
            steps.add(() -> ((TabPane) scene.lookup("#constants-tabs")).getSelectionModel().select(1));
            steps.add(() -> shot(scene, "explore-quartz-dielectric.png"));
            steps.add(() -> {
                explore.currentMineralProperty().set("Calcite");
                explore.spectrumQuantityProperty().set(Quantity.REFLECTANCE);
                explore.showRhoProperty().set(true);
            });
            steps.add(() -> explore.select(explore.modes().get(0).oscillators().get(0)));
            steps.add(() -> shot(scene, "explore-calcite-reflectance-rho.png"));
            steps.add(() -> {
                explore.spectrumQuantityProperty().set(Quantity.EMISSIVITY);
                explore.showRhoProperty().set(false);
                explore.currentMineralProperty().set("Quartz");
            });
        }
        if (wanted("library")) {
            steps.add(() -> wb.show(ViewIds.LIBRARY));
            steps.add(() -> shot(scene, "library-compare.png"));
        }
        if (wanted("unmix")) {
            UnmixViewModel unmix = wb.module(UnmixModule.class).viewModel();
            steps.add(() -> wb.show(ViewIds.UNMIX));
            steps.add(waitUntil(() -> unmix.canRunBinding().get()));
            steps.add(unmix::run);
            steps.add(waitUntil(() -> !unmix.runningProperty().get() && !unmix.results().isEmpty()));
            steps.add(() -> unmix.selectedProperty().set(unmix.results().get(3))); // granitoid with 5 % blackbody
            steps.add(() -> shot(scene, "unmix-mixtures.png"));
            steps.add(() -> unmix.methodProperty().set(dev.oscilla.unmix.UnmixMethod.ABS));
            steps.add(unmix::run);
            steps.add(waitUntil(() -> !unmix.runningProperty().get() && !unmix.shifts().isEmpty()));
            steps.add(() -> unmix.selectedProperty().set(unmix.results().get(3)));
            steps.add(() -> shot(scene, "unmix-abs.png"));
        }
        if (wanted("fit")) {
            FitViewModel fit = wb.module(FitModule.class).viewModel();
            steps.add(() -> wb.show(ViewIds.FIT));
            steps.add(fit::autoFit);
            steps.add(waitUntil(() -> !fit.runningProperty().get() && fit.summaryProperty().get().startsWith("RMS")));
            steps.add(() -> shot(scene, "fit-quartz.png"));
        }
        if (wanted("network")) {
            dev.oscilla.ui.network.NetworkViewModel network =
                    wb.module(dev.oscilla.ui.network.NetworkModule.class).viewModel();
            UnmixViewModel unmix = wb.module(UnmixModule.class).viewModel();
            steps.add(() -> wb.show(ViewIds.NETWORK));
            steps.add(() -> {
                network.epochsProperty().set(12);
                network.samplesProperty().set(1024);
                network.train();
            });
            steps.add(waitUntil(() -> !network.runningProperty().get() && network.networkProperty().get() != null));
            steps.add(() -> shot(scene, "network-training.png"));
            steps.add(() -> wb.show(ViewIds.UNMIX));
            steps.add(waitUntil(() -> unmix.canRunBinding().get()));
            steps.add(() -> unmix.methodProperty().set(dev.oscilla.unmix.UnmixMethod.IR_ABS));
            steps.add(unmix::run);
            steps.add(waitUntil(() -> !unmix.runningProperty().get() && !unmix.results().isEmpty()));
            steps.add(() -> unmix.selectedProperty().set(unmix.results().get(3)));
            steps.add(() -> shot(scene, "unmix-ir-abs.png"));
        }
        steps.add(() -> {
            tasks.shutdown();
            Platform.exit();
        });
        next(steps);
    }

    private static boolean wanted(String group) {
        return only.isEmpty() || only.contains(group);
    }

    /** A step that waits (in further pauses) until {@code condition} holds. */
    private static Runnable waitUntil(java.util.function.BooleanSupplier condition) {
        return new Runnable() {
            @Override
            public void run() {
                if (!condition.getAsBoolean()) {
                    pending.addFirst(this);
                }
            }
        };
    }

    private static Deque<Runnable> pending;

    /** Runs the steps with a pause between them, so renders and layout settle before a snapshot. */
    private static void next(Deque<Runnable> steps) {
        pending = steps;
        if (steps.isEmpty()) {
            return;
        }
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(900));
        pause.setOnFinished(e -> {
            steps.removeFirst().run();
            next(steps);
        });
        pause.play();
    }

    private static void shot(Scene scene, String name) {
        try {
            PlotExport.writePng(scene.snapshot(null), out.resolve(name));
            System.out.println("wrote " + out.resolve(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
