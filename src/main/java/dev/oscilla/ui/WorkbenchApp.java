package dev.oscilla.ui;

import dev.oscilla.ui.app.FxDialogs;
import dev.oscilla.ui.app.MainWindow;
import dev.oscilla.ui.app.StartupData;
import dev.oscilla.ui.app.Workbench;
import dev.oscilla.ui.common.FxScheduler;
import dev.oscilla.ui.common.FxTaskRunner;
import dev.oscilla.ui.session.Autosave;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: loads the bundled samples before the window exists, wires the workbench with the real
 * services (a background pool, FX timers, FX dialogs) and shows the main window. Closing the window asks the
 * workbench first (unsaved changes).
 */
public final class WorkbenchApp extends Application {

    /** The application stylesheet. */
    public static final String STYLESHEET = "/dev/oscilla/ui/oscilla.css";

    private Path configDir;
    private StartupData startup;
    private FxTaskRunner tasks;

    @Override
    public void init() {
        // Runs on the launcher thread: reading and extracting the samples never delays the first frame.
        configDir = Workbench.defaultConfigDir();
        startup = StartupData.load(configDir);
    }

    @Override
    public void start(Stage stage) {
        tasks = FxTaskRunner.forThisMachine();
        Workbench workbench = new Workbench(new Workbench.Services(tasks, new FxScheduler(), new FxDialogs(stage),
                configDir, Clock.systemUTC(), Autosave.DEFAULT_QUIET_PERIOD), startup);
        Runnable quit = () -> workbench.requestQuit(() -> {
            stage.hide();
            Platform.exit();
        });
        Scene scene = new Scene(new MainWindow(workbench, quit), 1440, 900);
        scene.getStylesheets().add(Objects.requireNonNull(WorkbenchApp.class.getResource(STYLESHEET))
                .toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(workbench.titleBinding());
        stage.setOnCloseRequest(e -> {
            e.consume(); // the workbench decides (it may ask about unsaved changes)
            quit.run();
        });
        stage.show();
        Platform.runLater(workbench::start); // recovery offer once the window is up
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
