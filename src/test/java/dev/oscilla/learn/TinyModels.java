package dev.oscilla.learn;

import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import java.util.List;
import java.util.Map;

/** Untrained and briefly trained networks on the tiny library, for tests that need a model. */
final class TinyModels {

    static final Architecture TINY = new Architecture(List.of(3, 4), List.of(5, 4), List.of(true, true), 2,
            List.of(16), 0.0);
    static final double[] AXIS = TinyLibraries.axis(60);
    static final WavenumberWindow WINDOW = new WavenumberWindow(400, 1500);

    private TinyModels() {
    }

    /** A network with its initial weights (seed 1), bound to {@code library}. */
    static InverseRenderModel untrained(MineralLibrary library) {
        EndmemberModels models = EndmemberModels.of(library, EndmemberModels.PUBLISHED_IR_TOLERANCES);
        InverseRenderNetwork network = new InverseRenderNetwork(TINY, models, AXIS);
        return new InverseRenderModel(network, WINDOW, network.initialWeights(1), Map.of("note", "untrained"));
    }

    /** A quick training configuration on {@code threads} threads. */
    static TrainingConfig quick(int epochs, int samples, int threads) {
        return TrainingConfig.defaults().withEpochs(epochs).withSamples(samples, true).withBatch(16, 4)
                .withLearningRate(3e-3, 1e-3).withThreads(threads).withValidation(32).withActivityThreshold(0.0);
    }

    static SyntheticMixtures mixtures() {
        EndmemberModels models = EndmemberModels.of(TinyLibraries.threeMinerals(),
                EndmemberModels.PUBLISHED_IR_TOLERANCES);
        return new SyntheticMixtures(models, AXIS, SyntheticMixtures.Settings.defaults().withMinerals(1, 3), null);
    }
}
