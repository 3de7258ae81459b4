package dev.oscilla.ui.module;

import javafx.scene.Node;

/**
 * One view of the workbench (a tab of the main window). A module is built from the {@link WorkbenchContext},
 * owns its view-model, and creates its view once. Adding a view to the workbench is one line in
 * {@code dev.oscilla.ui.app.Workbench#MODULES}.
 */
public interface WorkbenchModule {

    /** Stable id used for navigation ("explore", "library", "fit", "unmix"). */
    String id();

    /** Tab title. */
    String title();

    /** One-line description, shown as the tab's tooltip. */
    String description();

    /** Builds the view; called once, on the JavaFX thread. */
    Node createView();

    /**
     * Told when the view comes to the front or leaves it. A hidden view should not spend the (few) worker threads
     * on previews nobody sees; it catches up when shown again.
     */
    default void setShowing(boolean showing) {
    }
}
