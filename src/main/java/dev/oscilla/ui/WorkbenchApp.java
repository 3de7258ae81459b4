package dev.oscilla.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application (the workbench views land with the workbench issue). */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Oscilla");
        stage.setScene(new Scene(new Label("Oscilla workbench"), 640, 400));
        stage.show();
    }
}
