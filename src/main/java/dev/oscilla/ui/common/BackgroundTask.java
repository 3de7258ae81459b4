package dev.oscilla.ui.common;

/**
 * A computation run off the UI thread. It must not touch JavaFX nodes or view-model properties; it returns a
 * value that the runner hands to the success callback on the UI thread. (ChartFX data sets are the one
 * exception: they may be written from any thread, STACK.md.)
 */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(TaskContext context) throws Exception;
}
