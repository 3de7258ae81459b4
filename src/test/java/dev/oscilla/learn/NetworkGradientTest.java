package dev.oscilla.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.oscilla.unmix.FlexTolerances;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole network end to end on a tiny configuration (two convolutions with a pool, one dense layer, three
 * minerals on 40 channels): the gradient of the summed loss of a micro-batch with respect to every weight against
 * central finite differences of the loss.
 */
class NetworkGradientTest {

    private static final Architecture TINY = new Architecture(List.of(2, 3), List.of(3, 3), List.of(true, false), 2,
            List.of(6), 0.05);
    private static final FlexTolerances WIDE = new FlexTolerances(0.05, 0.3, 0.3, 0.05, 0.05);
    private static final int BATCH = 2;

    @Test
    void everyWeightGradientMatchesFiniteDifferences() {
        checkNetwork(0.0);
    }

    @Test
    void gradientIsExactForTheThresholdedPhysicsLayerToo() {
        checkNetwork(0.2);
    }

    private void checkNetwork(double threshold) {
        EndmemberModels models = EndmemberModels.of(TinyLibraries.threeMinerals(), WIDE);
        double[] axis = TinyLibraries.axis(40);
        InverseRenderNetwork network = new InverseRenderNetwork(TINY, models, axis);
        MixtureLoss loss = new MixtureLoss(models, axis.length, new MixtureLoss.Weights(1.0, 0.5, 0.5));
        double[] w = network.initialWeights(21);
        Random rnd = new Random(22);
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.05 * rnd.nextGaussian(); // heads away from their near-constant start
        }
        // uneven abundances (about 0.7, 0.25, 0.05), so a threshold of 0.2 leaves one mineral below it
        w[network.abundanceBiasOffset()] += 1.0;
        w[network.abundanceBiasOffset() + 2] -= 1.5;
        SyntheticMixtures data = new SyntheticMixtures(models, axis, SyntheticMixtures.Settings.defaults()
                .withJitter(WIDE).withMinerals(2, 3), null);
        SyntheticMixtures.Generator generator = data.newGenerator();
        InverseRenderNetwork.Workspace ws = network.newWorkspace(BATCH);
        double[] valid = new double[axis.length];
        Arrays.fill(valid, 1.0);
        for (int b = 0; b < BATCH; b++) {
            double[] e = new double[axis.length];
            double[] a = new double[models.size()];
            generator.generate(100 + b, e, a);
            ws.load(b, e, valid, a);
        }
        double[] gradient = new double[w.length];
        network.forward(w, BATCH, threshold, ws);
        boolean[] live = new boolean[BATCH * models.size()];
        int liveCount = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < models.size(); i++) {
                live[b * models.size() + i] = ws.render.isActive(b, i);
                liveCount += live[b * models.size() + i] ? 1 : 0;
                // keep the check away from the switch of the thresholded layer
                assertThat(Math.abs(ws.x[b * models.size() + i] - threshold)).isGreaterThan(1e-4);
            }
        }
        if (threshold > 0) {
            assertThat(liveCount).as("some minerals below the threshold").isBetween(1, BATCH * models.size() - 1);
        }
        network.backward(w, BATCH, loss, true, gradient, ws);

        int checked = 0;
        for (int i = 0; i < w.length; i++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(w[i]));
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (lossOf(network, loss, plus, ws, threshold) - lossOf(network, loss, minus, ws, threshold))
                    / (2 * h);
            assertThat(gradient[i]).as("weight %d of %d", i, w.length)
                    .isCloseTo(fd, offset(2e-6 * Math.abs(fd) + 1e-8));
            checked++;
        }
        assertThat(checked).isEqualTo(network.weightCount());
    }

    private static double lossOf(InverseRenderNetwork network, MixtureLoss loss, double[] w,
                                 InverseRenderNetwork.Workspace ws, double threshold) {
        network.forward(w, BATCH, threshold, ws);
        return network.loss(BATCH, loss, true, ws);
    }
}
