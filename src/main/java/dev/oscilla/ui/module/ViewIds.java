package dev.oscilla.ui.module;

/** Ids of the registered views, for navigation between them without depending on each other. */
public final class ViewIds {

    public static final String EXPLORE = "explore";
    public static final String LIBRARY = "library";
    public static final String FIT = "fit";
    public static final String UNMIX = "unmix";
    public static final String NETWORK = "network";
    public static final String SCENE = "scene";

    private ViewIds() {
    }
}
