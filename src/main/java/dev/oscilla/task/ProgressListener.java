package dev.oscilla.task;

/** Receives progress of a long computation; called from the computing thread, must be cheap and thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction progress in [0, 1], or a negative value when unknown
     * @param message  short human-readable status ("iteration 12, RMS 0.0031")
     */
    void progress(double fraction, String message);
}
