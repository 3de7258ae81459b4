package dev.oscilla.learn;

import static dev.oscilla.learn.LayerGradientTest.central;
import static dev.oscilla.learn.LayerGradientTest.dot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Quantity;
import dev.oscilla.unmix.FlexTolerances;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The physics layer, the sigmoid-box parameter heads and the loss with its closed-form blackbody, each against
 * central finite differences.
 */
class PhysicsLayerGradientTest {

    private static final FlexTolerances WIDE = new FlexTolerances(0.05, 0.3, 0.3, 0.05, 0.05);
    private static final int BATCH = 2;

    private final EndmemberModels models = EndmemberModels.of(TinyLibraries.threeMinerals(), WIDE);
    private final double[] axis = TinyLibraries.axis(60);

    @Test
    void blackbodyIsNotRenderedAndBoxesHoldTheLibraryValues() {
        assertThat(models.size()).isEqualTo(3);
        assertThat(models.blackbodyIndex()).isEqualTo(2);
        assertThat(models.libraryIndex(2)).isEqualTo(3);
        assertThat(models.groups()).containsExactly("silica", "feldspar");
        double[] ref = models.referenceView();
        for (int j = 0; j < ref.length; j++) {
            assertThat(ref[j]).isBetween(models.lowerView()[j], models.upperView()[j]);
            assertThat(models.upperView()[j]).isGreaterThan(models.lowerView()[j]);
        }
    }

    @Test
    void physicsLayerGradientMatchesFiniteDifferences() {
        MixtureRenderer renderer = new MixtureRenderer(models, axis);
        Random rnd = new Random(11);
        double[] params = jitteredParameters(rnd);
        double[] x = {0.5, 0.3, 0.2, 0.1, 0.6, 0.3};
        double[] r = LayerGradientTest.randomVector(rnd, BATCH * axis.length, 1.0);
        checkRenderer(renderer, params, x, r, 0.0, new boolean[] {true, true, true, true, true, true});
    }

    @Test
    void mineralsBelowTheThresholdUseLibrarySpectraAndGetNoParameterGradient() {
        MixtureRenderer renderer = new MixtureRenderer(models, axis);
        Random rnd = new Random(12);
        double[] params = jitteredParameters(rnd);
        double[] x = {0.7, 0.02, 0.28, 0.01, 0.6, 0.39};
        double[] r = LayerGradientTest.randomVector(rnd, BATCH * axis.length, 1.0);
        boolean[] live = {true, false, true, false, true, true};
        checkRenderer(renderer, params, x, r, 0.05, live);

        MixtureRenderer.Workspace ws = renderer.new Workspace(BATCH);
        double[] mix = new double[BATCH * axis.length];
        renderer.markLive(x, BATCH, 0.05, ws);
        renderer.forward(params, x, mix, BATCH, ws);
        double[] spectrum = new double[axis.length];
        ws.copySpectrum(0, 1, spectrum);
        assertThat(spectrum).containsExactly(Arrays.copyOfRange(renderer.referenceSpectraView(), axis.length,
                2 * axis.length));
    }

    private void checkRenderer(MixtureRenderer renderer, double[] params, double[] x, double[] r, double threshold,
                               boolean[] live) {
        MixtureRenderer.Workspace ws = renderer.new Workspace(BATCH);
        double[] mix = new double[BATCH * axis.length];
        renderer.markLive(x, BATCH, threshold, ws);
        renderer.forward(params, x, mix, BATCH, ws);
        double[] gx = new double[x.length];
        double[] gParams = new double[params.length];
        renderer.backward(params, x, r, gx, gParams, BATCH, ws);
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < models.size(); i++) {
                assertThat(ws.isActive(b, i)).isEqualTo(live[b * models.size() + i]);
            }
        }
        java.util.function.BiFunction<double[], double[], Double> objective = (p, xx) -> {
            MixtureRenderer.Workspace w2 = renderer.new Workspace(BATCH);
            double[] m = new double[BATCH * axis.length];
            renderer.markLive(xx, BATCH, threshold, w2);
            renderer.forward(p, xx, m, BATCH, w2);
            return dot(r, m);
        };
        for (int i = 0; i < x.length; i++) {
            double fd = central(x, i, 1e-6, v -> objective.apply(params, v));
            assertThat(gx[i]).as("d/dx[%d]", i).isCloseTo(fd, offset(1e-6 * (1 + Math.abs(fd))));
        }
        int total = models.totalParameters();
        for (int b = 0; b < BATCH; b++) {
            for (int m = 0; m < models.size(); m++) {
                for (int j = 0; j < models.parameterCount(m); j++) {
                    int k = b * total + models.offset(m) + j;
                    if (!live[b * models.size() + m]) {
                        continue; // not written: the head skips these minerals
                    }
                    double h = 1e-6 * Math.abs(params[k]);
                    double fd = central(params, k, h, v -> objective.apply(v, x));
                    assertThat(gParams[k]).as("sample %d mineral %d parameter %d", b, m, j)
                            .isCloseTo(fd, offset(1e-5 * Math.abs(fd) + 1e-7));
                }
            }
        }
    }

    @Test
    void parameterHeadGradientMatchesFiniteDifferencesAndStartsAtTheLibrary() {
        int in = 4;
        ParameterHead head = new ParameterHead(models, in);
        double[] w = new double[head.parameterCount()];
        head.initialise(w, 0, new SplittableRandom(3));
        int p = models.totalParameters();
        double[] sig = new double[BATCH * p];
        double[] params = new double[BATCH * p];
        MixtureRenderer renderer = new MixtureRenderer(models, axis);
        MixtureRenderer.Workspace live = renderer.new Workspace(BATCH);
        renderer.markLive(new double[BATCH * models.size()], BATCH, 0.0, live); // all live
        head.forward(w, 0, new double[BATCH * in], sig, params, BATCH, live);
        for (int j = 0; j < p; j++) {
            assertThat(params[j]).isCloseTo(models.referenceView()[j],
                    offset(1e-6 * Math.abs(models.referenceView()[j])));
        }

        Random rnd = new Random(4);
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.3 * rnd.nextGaussian();
        }
        double[] h = LayerGradientTest.randomVector(rnd, BATCH * in, 1.0);
        h[1] = 0; // a zero feature, as after a ReLU
        double[] gParams = LayerGradientTest.randomVector(rnd, BATCH * p, 1.0);
        head.forward(w, 0, h, sig, params, BATCH, live);
        double[] gH = new double[BATCH * in];
        double[] gW = new double[w.length];
        head.backward(w, 0, h, sig, gParams, live, new double[BATCH * p], gH, gW, BATCH);
        java.util.function.BiFunction<double[], double[], Double> objective = (ww, hh) -> {
            double[] s2 = new double[BATCH * p];
            double[] p2 = new double[BATCH * p];
            head.forward(ww, 0, hh, s2, p2, BATCH, live);
            return dot(gParams, p2);
        };
        for (int i = 0; i < h.length; i++) {
            double fd = central(h, i, 1e-6, v -> objective.apply(w, v));
            assertThat(gH[i]).as("d/dh[%d]", i).isCloseTo(fd, offset(1e-6 * (1 + Math.abs(fd))));
        }
        for (int i = 0; i < w.length; i++) {
            double fd = central(w, i, 1e-6, v -> objective.apply(v, h));
            assertThat(gW[i]).as("d/dw[%d]", i).isCloseTo(fd, offset(1e-6 * (1 + Math.abs(fd))));
        }
    }

    @Test
    void lossGradientMatchesFiniteDifferencesWithFreeAndClampedBlackbody() {
        MixtureLoss loss = new MixtureLoss(models, axis.length, new MixtureLoss.Weights(1.0, 0.7, 0.4));
        Random rnd = new Random(5);
        int c = axis.length;
        double[] mix = new double[BATCH * c];
        double[] target = new double[BATCH * c];
        double[] valid = new double[BATCH * c];
        Arrays.fill(valid, 1.0);
        valid[7] = 0; // a masked channel
        DispersionEvaluator ev = new DispersionEvaluator(axis);
        double[] e = new double[c];
        ev.evaluate(models.mineral(0), Quantity.EMISSIVITY, e);
        for (int k = 0; k < c; k++) {
            mix[k] = 0.98 * e[k] + 0.002 * rnd.nextGaussian();
            target[k] = 0.3 + 0.7 * e[k] + 0.003 * rnd.nextGaussian();      // blackbody fraction 0.3: s inside
            mix[c + k] = 0.95 + 0.05 * e[k];
            target[c + k] = e[k] + 0.002 * rnd.nextGaussian();              // more contrast than M: s held at 1
        }
        double[] x = {0.5, 0.3, 0.2, 0.2, 0.2, 0.6};
        double[] truth = {0.6, 0.4, 0.0, 0.0, 0.0, 1.0};
        double[] sigma = {0.05, 0.08};
        assertThat(MixtureLoss.mineralFraction(mix, 0, target, 0, valid, 0, c)).isBetween(0.6, 0.8);
        assertThat(MixtureLoss.mineralFraction(mix, c, target, c, valid, c, c)).isEqualTo(1.0);
        double[] gMix = new double[BATCH * c];
        double[] gx = new double[x.length];
        double[] scratch = new double[2];
        for (int b = 0; b < BATCH; b++) {
            int bb = b;
            loss.evaluate(b, mix, x, target, valid, sigma[b], truth, gMix, gx, new double[3], scratch);
            java.util.function.BiFunction<double[], double[], Double> objective = (m, xx) -> loss.evaluate(bb, m, xx,
                    target, valid, sigma[bb], truth, new double[BATCH * c], new double[x.length], new double[3],
                    new double[2]);
            for (int k = b * c; k < (b + 1) * c; k++) {
                double fd = central(mix, k, 1e-7, v -> objective.apply(v, x));
                assertThat(gMix[k]).as("sample %d d/dM[%d]", b, k).isCloseTo(fd, offset(1e-6 * (1 + Math.abs(fd))));
            }
            for (int i = b * 3; i < (b + 1) * 3; i++) {
                double fd = central(x, i, 1e-7, v -> objective.apply(mix, v));
                assertThat(gx[i]).as("sample %d d/dx[%d]", b, i).isCloseTo(fd, offset(1e-6 * (1 + Math.abs(fd))));
            }
        }
        assertThat(gMix[7]).as("masked channel").isZero();
    }

    private double[] jitteredParameters(Random rnd) {
        int p = models.totalParameters();
        double[] params = new double[BATCH * p];
        for (int b = 0; b < BATCH; b++) {
            for (int j = 0; j < p; j++) {
                double lo = models.lowerView()[j];
                double hi = models.upperView()[j];
                params[b * p + j] = lo + (hi - lo) * rnd.nextDouble();
            }
        }
        return params;
    }
}
