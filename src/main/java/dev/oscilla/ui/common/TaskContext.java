package dev.oscilla.ui.common;

/** What a background computation sees of its runner: its cancel token and a progress sink. */
public interface TaskContext {

    CancelToken cancelToken();

    /**
     * Reports progress; callable from the worker thread as often as convenient (the runner coalesces the
     * updates so the UI thread sees at most one per pulse).
     *
     * @param fraction 0..1, or a negative value for "indeterminate"
     * @param message  short status text, may be empty
     */
    void progress(double fraction, String message);

    /** This context's progress sink in the form the core computations report to. */
    default dev.oscilla.task.ProgressListener progressListener() {
        return this::progress;
    }

    /** Shorthand for {@code cancelToken().throwIfCancelled()}. */
    default void checkCancelled() {
        cancelToken().throwIfCancelled();
    }
}
