package dev.oscilla.learn;

/**
 * Receives the loss curve while a network trains (e.g. a live plot). Called on the training thread; keep it
 * cheap and hand work to another thread if it is not.
 */
public interface TrainingListener {

    TrainingListener NONE = report -> { };

    /** After every epoch, with the epoch's training and validation losses. */
    void epochFinished(EpochReport report);

    /** After every optimiser step, with the step's mean training loss (for a finer curve). */
    default void stepFinished(int epoch, int step, int stepsPerEpoch, double loss) {
    }
}
