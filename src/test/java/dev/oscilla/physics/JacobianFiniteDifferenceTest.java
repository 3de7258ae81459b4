package dev.oscilla.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every Jacobian column of every output against a fourth-order central finite difference
 * (f(x-2h) - 8 f(x-h) + 8 f(x+h) - f(x+2h)) / 12h, on seeded random models with 1-3 modes, channels at and
 * beside each resonance, and damping down to 1e-4 (bands 0.1 cm^-1 wide).
 */
class JacobianFiniteDifferenceTest {

    @ParameterizedTest
    @EnumSource(Quantity.class)
    void everyColumnMatchesFiniteDifferences(Quantity quantity) {
        Random rnd = new Random(20261125L + quantity.ordinal());
        int checked = 0;
        int strict = 0;
        for (int trial = 0; trial < 24; trial++) {
            int modes = 1 + trial % 3;
            double minGamma = trial % 4 == 3 ? 1e-4 : 5e-3;
            Mineral mineral = RandomMinerals.mineral(rnd, modes, minGamma);
            double[] axis = RandomMinerals.axisThroughResonances(rnd, mineral, 40);
            DispersionEvaluator evaluator = new DispersionEvaluator(axis);
            ParameterLayout layout = mineral.layout();
            double[] p = mineral.parameters();
            int nc = axis.length;
            double[] value = new double[nc];
            double[] jac = new double[nc * layout.size()];
            evaluator.evaluate(layout, p, quantity, value, jac);

            double[][] fd = new double[STEPS.length][nc];
            double[][] bound = new double[STEPS.length][nc];
            for (int j = 0; j < layout.size(); j++) {
                for (int s = 0; s < STEPS.length; s++) {
                    double h = STEPS[s] * scale(layout.kindOf(j), p, j);
                    stencil(evaluator, layout, p, j, h, quantity, fd[s], bound[s]);
                }
                for (int c = 0; c < nc; c++) {
                    double analytic = jac[j * nc + c];
                    double bestError = Double.POSITIVE_INFINITY;
                    double bestBound = Double.POSITIVE_INFINITY;
                    double bestFd = Double.NaN;
                    for (int s = 0; s < STEPS.length; s++) {
                        double error = Math.abs(fd[s][c] - analytic);
                        if (error < bestError) {
                            bestError = error;
                            bestFd = fd[s][c];
                        }
                        bestBound = Math.min(bestBound, bound[s][c]);
                    }
                    if (1e-6 * Math.abs(analytic) > bestBound) {
                        // resolvable by finite differences: 1e-6 relative at the best of the three steps
                        assertThat(bestError / Math.abs(analytic))
                                .as("%s: d/d%s at %.6f cm^-1 (trial %d): analytic %s, fd %s", quantity,
                                        layout.nameOf(j), axis[c], trial, analytic, bestFd)
                                .isLessThanOrEqualTo(1e-6);
                        strict++;
                    } else {
                        // ~0 at the resolution of the stencil: agreement within its rounding bound
                        assertThat(bestError).as("%s: d/d%s at %.6f cm^-1 (near 0): analytic %s, fd %s, bound %s",
                                quantity, layout.nameOf(j), axis[c], analytic, bestFd, bestBound)
                                .isLessThanOrEqualTo(bestBound);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(5000);
        // most entries are strict relative checks, not the rounding-floor fallback
        assertThat(strict).isGreaterThan(checked * 3 / 4);
    }

    /** Relative step sizes tried; a correct derivative agrees with the stencil at one of them. */
    private static final double[] STEPS = {1e-2, 1e-3, 1e-4};

    /**
     * The scale over which the output varies with a parameter: the band width gamma*omega0 for omega0, the
     * value itself otherwise.
     */
    private static double scale(ParameterKind kind, double[] p, int j) {
        return kind == ParameterKind.OMEGA0 ? p[j + 2] * p[j] : Math.abs(p[j]);
    }

    /**
     * Fourth-order central difference (f(x-2h) - 8 f(x-h) + 8 f(x+h) - f(x+2h)) / 12h, and its rounding bound
     * (18 evaluations' worth of 16 ulp errors in f, over 12h).
     */
    private static void stencil(DispersionEvaluator evaluator, ParameterLayout layout, double[] p, int j, double h,
                                Quantity quantity, double[] fd, double[] bound) {
        int nc = evaluator.channels();
        double[][] f = new double[4][nc];
        double[] offsets = {-2, -1, 1, 2};
        double[] q = p.clone();
        for (int i = 0; i < 4; i++) {
            q[j] = p[j] + offsets[i] * h;
            evaluator.evaluate(layout, q, quantity, f[i]);
        }
        for (int c = 0; c < nc; c++) {
            fd[c] = (f[0][c] - 8 * f[1][c] + 8 * f[2][c] - f[3][c]) / (12 * h);
            double fMax = Math.max(Math.max(Math.abs(f[0][c]), Math.abs(f[1][c])),
                    Math.max(Math.abs(f[2][c]), Math.abs(f[3][c])));
            bound[c] = 18 * 16 * Math.ulp(Math.max(fMax, Double.MIN_NORMAL)) / (12 * h);
        }
    }
}
