package dev.oscilla.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Physical invariants of the forward model as properties over random oscillator sets. */
class PhysicalInvariantsTest {

    @Property(tries = 300)
    void reflectanceIsAProbabilityAndOpticalConstantsArePhysical(@ForAll @IntRange(min = 1, max = 3) int modes,
                                                                 @ForAll long seed) {
        Random rnd = new Random(seed);
        Mineral mineral = RandomMinerals.mineral(rnd, modes, 1e-3);
        double[] axis = RandomMinerals.axisThroughResonances(rnd, mineral, 100);
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        double[] r = new double[axis.length];
        double[] e = new double[axis.length];
        evaluator.evaluate(mineral, Quantity.REFLECTANCE, r);
        evaluator.evaluate(mineral, Quantity.EMISSIVITY, e);
        for (int c = 0; c < axis.length; c++) {
            assertThat(r[c]).isBetween(0.0, 1.0);
            assertThat(e[c] + r[c]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
        }
        double[] n = new double[axis.length];
        double[] k = new double[axis.length];
        double[] eps1 = new double[axis.length];
        double[] eps2 = new double[axis.length];
        for (int m = 0; m < modes; m++) {
            evaluator.opticalConstants(mineral.layout(), mineral.parameters(), m, n, k, eps1, eps2);
            for (int c = 0; c < axis.length; c++) {
                assertThat(n[c]).isPositive();
                assertThat(k[c]).isGreaterThanOrEqualTo(0.0);
                // n + ik = sqrt(eps1 + i eps2)
                assertThat(n[c] * n[c] - k[c] * k[c]).isCloseTo(eps1[c],
                        org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(eps1[c]))));
                assertThat(2 * n[c] * k[c]).isCloseTo(eps2[c],
                        org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(eps2[c]))));
            }
        }
    }

    @Property(tries = 100)
    void modeWeightsActOnlyThroughTheirRatios(@ForAll long seed,
                                              @ForAll @DoubleRange(min = 0.01, max = 100) double factor) {
        Random rnd = new Random(seed);
        Mineral mineral = RandomMinerals.mineral(rnd, 2, 1e-3);
        double[] axis = RandomMinerals.axisThroughResonances(rnd, mineral, 50);
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        double[] base = new double[axis.length];
        evaluator.evaluate(mineral, Quantity.EMISSIVITY, base);
        double[] p = mineral.parameters();
        ParameterLayout layout = mineral.layout();
        for (int m = 0; m < layout.modeCount(); m++) {
            p[layout.weightIndex(m)] *= factor;
        }
        double[] scaled = new double[axis.length];
        evaluator.evaluate(layout, p, Quantity.EMISSIVITY, scaled);
        for (int c = 0; c < axis.length; c++) {
            assertThat(scaled[c]).isCloseTo(base[c], org.assertj.core.data.Offset.offset(1e-13));
        }
        Mineral normalised = mineral.withNormalisedWeights();
        double sum = normalised.modes().stream().mapToDouble(Mode::weight).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void blackbodyIsFlatUnitEmissivity() {
        double[] axis = {300, 700, 1500};
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        double[] out = {9, 9, 9};
        evaluator.evaluate(Mineral.blackbody(), Quantity.EMISSIVITY, out);
        assertThat(out).containsExactly(1, 1, 1);
        evaluator.evaluate(Mineral.blackbody(), Quantity.REFLECTANCE, out);
        assertThat(out).containsExactly(0, 0, 0);
    }

    @Test
    void gradientEqualsJacobianTransposeTimesAdjoint() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            Mineral mineral = RandomMinerals.mineral(rnd, 1 + trial % 3, 1e-3);
            double[] axis = RandomMinerals.axisThroughResonances(rnd, mineral, 60);
            int nc = axis.length;
            ParameterLayout layout = mineral.layout();
            double[] p = mineral.parameters();
            DispersionEvaluator evaluator = new DispersionEvaluator(axis);
            double[] jac = new double[nc * layout.size()];
            double[] out = new double[nc];
            evaluator.evaluate(layout, p, Quantity.EMISSIVITY, out, jac);
            double[] adjoint = new double[nc];
            for (int c = 0; c < nc; c++) {
                adjoint[c] = rnd.nextGaussian();
            }
            double[] grad = new double[layout.size()];
            double[] out2 = new double[nc];
            evaluator.evaluateWithGradient(layout, p, 0, Quantity.EMISSIVITY, out2, 0, adjoint, 0, grad, 0);
            assertThat(out2).containsExactly(out);
            for (int j = 0; j < layout.size(); j++) {
                double expected = 0;
                double scale = 0;
                for (int c = 0; c < nc; c++) {
                    expected += adjoint[c] * jac[j * nc + c];
                    scale += Math.abs(adjoint[c] * jac[j * nc + c]);
                }
                assertThat(grad[j]).as(layout.nameOf(j)).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(1e-12 * scale + 1e-300));
            }
        }
    }

    @Test
    void rejectsUnphysicalParameters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Oscillator(1000, -0.1, 0.01))
                .hasMessageContaining("S = 4*pi*rho");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Oscillator(1000, 0.1, 0))
                .hasMessageContaining("gamma");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Mode(0, 1, List.of()))
                .hasMessageContaining("eps_inf");
    }
}
