package dev.oscilla.learn;

/**
 * Settings of a training run (the mixtures themselves are set by {@link SyntheticMixtures.Settings}).
 *
 * @param epochs             passes over the training samples
 * @param samplesPerEpoch    synthetic mixtures per epoch
 * @param freshSamples       draw new mixtures every epoch (an unlimited supply) rather than revisiting the same
 *                           {@code samplesPerEpoch} mixtures in a new order (a fixed, possibly scarce, training set)
 * @param batchSize          samples per optimiser step
 * @param microBatch         samples per unit of parallel work; each has its own gradient buffer, reduced in a fixed
 *                           order, so results do not depend on the thread count (they do depend on this value)
 * @param learningRate       Adam step size at the start
 * @param finalLearningRate  step size at the end (cosine decay in between)
 * @param seed               seed of the initial weights, the mixtures and their order
 * @param threads            worker threads
 * @param validationSamples  held-out synthetic mixtures (their own seed stream) scored after every epoch
 * @param spectralWeight     weight of the spectral MSE in the loss ({@link MixtureLoss})
 * @param abundanceWeight    weight of the per-mineral abundance squared error
 * @param groupWeight        weight of the per-group abundance squared error
 * @param activityThreshold  abundance below which a mineral is rendered at its library parameters during training
 *                           ({@link MixtureRenderer}); 0 makes every step exact
 */
public record TrainingConfig(int epochs, int samplesPerEpoch, boolean freshSamples, int batchSize, int microBatch,
                             double learningRate, double finalLearningRate, long seed, int threads,
                             int validationSamples, double spectralWeight, double abundanceWeight,
                             double groupWeight, double activityThreshold) {

    public TrainingConfig {
        if (epochs < 1 || samplesPerEpoch < 1 || batchSize < 1 || microBatch < 1 || threads < 1) {
            throw new IllegalArgumentException("epochs, samples, batch size, micro-batch and threads must be >= 1");
        }
        if (validationSamples < 0) {
            throw new IllegalArgumentException("validation samples must be >= 0");
        }
        if (!(learningRate > 0) || !(finalLearningRate > 0) || finalLearningRate > learningRate) {
            throw new IllegalArgumentException("learning rates must satisfy 0 < final <= initial, got "
                    + learningRate + " and " + finalLearningRate);
        }
        if (!(activityThreshold >= 0) || activityThreshold >= 1) {
            throw new IllegalArgumentException("activity threshold must be in [0, 1), got " + activityThreshold);
        }
        new MixtureLoss.Weights(spectralWeight, abundanceWeight, groupWeight); // validates
    }

    /** The defaults the CLI starts from (see the report of the inverse-rendering issue for how they were chosen). */
    public static TrainingConfig defaults() {
        return new TrainingConfig(20, 8192, true, 32, 8, 1e-3, 1e-4, 1L,
                Runtime.getRuntime().availableProcessors(), 512, 1.0, 1.0, 1.0, 0.02);
    }

    MixtureLoss.Weights lossWeights() {
        return new MixtureLoss.Weights(spectralWeight, abundanceWeight, groupWeight);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(value, samplesPerEpoch, freshSamples, batchSize, microBatch, learningRate,
                finalLearningRate, seed, threads, validationSamples, spectralWeight, abundanceWeight, groupWeight,
                activityThreshold);
    }

    public TrainingConfig withSamples(int value, boolean fresh) {
        return new TrainingConfig(epochs, value, fresh, batchSize, microBatch, learningRate, finalLearningRate,
                seed, threads, validationSamples, spectralWeight, abundanceWeight, groupWeight, activityThreshold);
    }

    public TrainingConfig withBatch(int batch, int micro) {
        return new TrainingConfig(epochs, samplesPerEpoch, freshSamples, batch, micro, learningRate,
                finalLearningRate, seed, threads, validationSamples, spectralWeight, abundanceWeight, groupWeight,
                activityThreshold);
    }

    public TrainingConfig withLearningRate(double initial, double fin) {
        return new TrainingConfig(epochs, samplesPerEpoch, freshSamples, batchSize, microBatch, initial, fin, seed,
                threads, validationSamples, spectralWeight, abundanceWeight, groupWeight, activityThreshold);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(epochs, samplesPerEpoch, freshSamples, batchSize, microBatch, learningRate,
                finalLearningRate, value, threads, validationSamples, spectralWeight, abundanceWeight, groupWeight,
                activityThreshold);
    }

    public TrainingConfig withThreads(int value) {
        return new TrainingConfig(epochs, samplesPerEpoch, freshSamples, batchSize, microBatch, learningRate,
                finalLearningRate, seed, value, validationSamples, spectralWeight, abundanceWeight, groupWeight,
                activityThreshold);
    }

    public TrainingConfig withValidation(int value) {
        return new TrainingConfig(epochs, samplesPerEpoch, freshSamples, batchSize, microBatch, learningRate,
                finalLearningRate, seed, threads, value, spectralWeight, abundanceWeight, groupWeight,
                activityThreshold);
    }

    public TrainingConfig withLossWeights(double spectral, double abundance, double group) {
        return new TrainingConfig(epochs, samplesPerEpoch, freshSamples, batchSize, microBatch, learningRate,
                finalLearningRate, seed, threads, validationSamples, spectral, abundance, group, activityThreshold);
    }

    public TrainingConfig withActivityThreshold(double value) {
        return new TrainingConfig(epochs, samplesPerEpoch, freshSamples, batchSize, microBatch, learningRate,
                finalLearningRate, seed, threads, validationSamples, spectralWeight, abundanceWeight, groupWeight,
                value);
    }
}
