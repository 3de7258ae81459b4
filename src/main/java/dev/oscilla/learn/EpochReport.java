package dev.oscilla.learn;

import java.util.Locale;

/**
 * Losses after one epoch: the means over the epoch's training samples (as they were during the epoch) and over
 * the fixed validation mixtures (after the epoch, physics layer as at inference). Loss terms are unweighted: spectral is the
 * contrast-normalised MSE, abundance the per-mineral squared error, group the per-group squared error (the
 * synthetic counterpart of the scored squared_error). NaN for validation when there is none. {@code liveMinerals}
 * is the mean number of minerals per training sample at or above the activity threshold (the ones the physics
 * layer flexes, which sets the cost of a step).
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double trainSpectral, double trainAbundance,
                          double trainGroup, double validationLoss, double validationSpectral,
                          double validationAbundance, double validationGroup, double learningRate,
                          double liveMinerals, double seconds) {

    /** Header of the loss-curve CSV. */
    public static String csvHeader() {
        return "epoch,train_loss,train_spectral,train_abundance,train_group,validation_loss,validation_spectral,"
                + "validation_abundance,validation_group,learning_rate,live_minerals,seconds";
    }

    public String csvRow() {
        return String.format(Locale.ROOT, "%d,%.8g,%.8g,%.8g,%.8g,%.8g,%.8g,%.8g,%.8g,%.6g,%.3f,%.3f", epoch,
                trainLoss, trainSpectral, trainAbundance, trainGroup, validationLoss, validationSpectral,
                validationAbundance, validationGroup, learningRate, liveMinerals, seconds);
    }

    /** One line for logs and progress. */
    public String summary() {
        return String.format(Locale.ROOT, "epoch %d/%d: loss %.5f (spectral %.4f, abundance %.4f, group %.4f), "
                        + "validation %.5f (group %.4f), %.1f live minerals, %.1f s", epoch, epochs, trainLoss,
                trainSpectral, trainAbundance, trainGroup, validationLoss, validationGroup, liveMinerals, seconds);
    }
}
