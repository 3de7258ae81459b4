package dev.oscilla.ui;

import javafx.application.Application;

/** Starts the JavaFX workbench from a plain (non-Application) main class. */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
