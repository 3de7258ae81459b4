package dev.oscilla.ui.common;

/** Brings a registered workbench view to the front by its id ("explore", "library", ...). */
@FunctionalInterface
public interface Navigator {
    void show(String viewId);
}
