package dev.oscilla.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.oscilla.task.CancellationToken;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The bounded LM solver on problems with known answers. */
class BoundedLevenbergMarquardtTest {

    private final BoundedLevenbergMarquardt solver = new BoundedLevenbergMarquardt(
            LeastSquaresSettings.defaults().withMaxIterations(2000).withCostTolerance(1e-15).withStepTolerance(1e-14)
                    .withGradientTolerance(1e-14));

    private LeastSquaresResult solve(ResidualModel model, double... start) {
        return solver.solve(LeastSquaresProblem.builder(model).start(start).build());
    }

    @Test
    void rosenbrockReachesItsMinimum() {
        LeastSquaresResult r = solve(TestProblems.rosenbrock(), -1.2, 1);
        assertThat(r.parameter(0)).isCloseTo(1, offset(1e-8));
        assertThat(r.parameter(1)).isCloseTo(1, offset(1e-8));
        assertThat(r.chiSquare()).isLessThan(1e-20);
        assertThat(r.stopReason().converged()).isTrue();
    }

    @Test
    void helicalValleyReachesItsMinimum() {
        LeastSquaresResult r = solve(TestProblems.helicalValley(), -1, 0, 0);
        assertThat(r.parameter(0)).isCloseTo(1, offset(1e-8));
        assertThat(r.parameter(1)).isCloseTo(0, offset(1e-8));
        assertThat(r.parameter(2)).isCloseTo(0, offset(1e-8));
    }

    @Test
    void powellSingularApproachesTheSingularMinimum() {
        LeastSquaresResult r = solve(TestProblems.powellSingular(), 3, -1, 0, 1);
        // the minimum is at a point where J is singular: convergence is linear, so ask for a small cost
        assertThat(r.chiSquare()).isLessThan(1e-20);
        for (int j = 0; j < 4; j++) {
            assertThat(r.parameter(j)).isCloseTo(0, offset(1e-4));
        }
    }

    @Test
    void box3dReachesOneOfItsMinima() {
        LeastSquaresResult r = solve(TestProblems.box3d(), 0, 10, 20);
        assertThat(r.chiSquare()).isLessThan(1e-20);
        assertThat(r.parameter(0)).isCloseTo(1, offset(1e-6));
        assertThat(r.parameter(1)).isCloseTo(10, offset(1e-5));
        assertThat(r.parameter(2)).isCloseTo(1, offset(1e-6));
    }

    @Test
    void brownBadlyScaledIsSolvedDespiteTwelveDecadesOfScale() {
        LeastSquaresResult r = solve(TestProblems.brownBadlyScaled(), 1, 1);
        assertThat(r.parameter(0)).isCloseTo(1e6, offset(1e-3));
        assertThat(r.parameter(1)).isCloseTo(2e-6, offset(1e-12));
    }

    @Test
    void meyerReachesThePublishedSumOfSquares() {
        LeastSquaresResult r = solve(TestProblems.meyer(), 0.02, 4000, 250);
        assertThat(r.chiSquare()).isCloseTo(87.9458, offset(1e-3));
        assertThat(r.parameter(0)).isCloseTo(0.0056096, offset(1e-6));
        assertThat(r.parameter(1)).isCloseTo(6181.35, offset(0.1));
        assertThat(r.parameter(2)).isCloseTo(345.224, offset(0.01));
    }

    @Test
    void boundsAreHonouredAtEveryIterateAndAtTheSolution() {
        // Rosenbrock with x1 <= 0.5: the constrained optimum is (0.5, 0.25), cost 0.5 * 0.25
        double[] lower = {-2, -2};
        double[] upper = {0.5, 2};
        LeastSquaresProblem problem = LeastSquaresProblem.builder(TestProblems.rosenbrock()).start(new double[] {-1.2, 1})
                .bounds(lower, upper).build();
        boolean[] violated = new boolean[1];
        LeastSquaresResult r = solver.solve(problem, CancellationToken.NONE, (it, cost, rms, p) -> {
            violated[0] |= p[0] > 0.5 || p[0] < -2 || p[1] < -2 || p[1] > 2;
        });
        assertThat(violated[0]).isFalse();
        assertThat(r.parameter(0)).isEqualTo(0.5);
        assertThat(r.parameter(1)).isCloseTo(0.25, offset(1e-9));
        assertThat(r.cost()).isCloseTo(0.125, offset(1e-12));
        assertThat(r.isFree(0)).isFalse(); // held at its bound: no uncertainty
        assertThat(r.standardError(0)).isZero();
    }

    @Test
    void lockedParametersDoNotMove() {
        LeastSquaresProblem problem = LeastSquaresProblem.builder(TestProblems.box3d()).start(new double[] {0, 10, 20})
                .locked(new boolean[] {false, false, true}).build();
        LeastSquaresResult r = solver.solve(problem);
        assertThat(r.parameter(2)).isEqualTo(20);
        assertThat(r.isFree(2)).isFalse();
    }

    /** min 0.5 ||p - b||^2 + lambda * sum p, p >= 0 has the soft-threshold answer p = max(0, b - lambda). */
    @Test
    void l1PenaltyGivesTheSoftThresholdAnswer() {
        double[] b = {3.0, 0.4, -1.0, 1.2};
        double lambda = 0.5;
        ResidualModel identity = TestProblems.model(4, 4, (p, r, j) -> {
            for (int i = 0; i < 4; i++) {
                r[i] = p[i] - b[i];
            }
            if (j != null) {
                java.util.Arrays.fill(j, 0);
                for (int i = 0; i < 4; i++) {
                    j[i * 4 + i] = 1;
                }
            }
        });
        LeastSquaresProblem problem = LeastSquaresProblem.builder(identity).start(new double[] {1, 1, 1, 1})
                .bounds(new double[4], new double[] {10, 10, 10, 10}).l1(new double[] {lambda, lambda, lambda, lambda})
                .build();
        LeastSquaresResult r = solver.solve(problem);
        assertThat(r.parameter(0)).isCloseTo(2.5, offset(1e-10));
        assertThat(r.parameter(1)).isEqualTo(0.0);
        assertThat(r.parameter(2)).isEqualTo(0.0);
        assertThat(r.parameter(3)).isCloseTo(0.7, offset(1e-10));
    }

    /**
     * A band that the data do not want: r_i = c + s exp(-(x_i - w)^2) - 0.3 with an L1 price on s. Once s sits at
     * its bound 0 the position w has an all-zero Jacobian column and no gradient (it is inert) and leaves the step
     * set; the offset c must still converge, and w must stay where it was when s reached zero.
     */
    @Test
    void inertParametersLeaveTheStepWithoutDisturbingTheOthers() {
        int n = 40;
        ResidualModel bump = TestProblems.model(n, 3, (p, r, j) -> {
            for (int i = 0; i < n; i++) {
                double x = i * 0.25;
                double e = Math.exp(-(x - p[2]) * (x - p[2]));
                r[i] = p[0] + p[1] * e - 0.3;
                if (j != null) {
                    j[i] = 1;
                    j[n + i] = e;
                    j[2 * n + i] = p[1] * e * 2 * (x - p[2]);
                }
            }
        });
        LeastSquaresProblem problem = LeastSquaresProblem.builder(bump).start(new double[] {0, 0.5, 4})
                .bounds(new double[] {-10, 0, 0}, new double[] {10, 10, 10}).l1(new double[] {0, 0.05, 0}).build();
        java.util.List<double[]> accepted = new java.util.ArrayList<>();
        LeastSquaresResult r = solver.solve(problem, dev.oscilla.task.CancellationToken.NONE,
                (iteration, cost, rms, p) -> accepted.add(p));
        assertThat(r.parameter(1)).isEqualTo(0.0);
        assertThat(r.parameter(0)).isCloseTo(0.3, offset(1e-10));
        assertThat(r.stopReason()).isNotIn(StopReason.MAX_ITERATIONS, StopReason.NO_PROGRESS);
        double[] firstAtZero = accepted.stream().filter(p -> p[1] == 0.0).findFirst().orElseThrow();
        assertThat(r.parameter(2)).isEqualTo(firstAtZero[2]);
    }

    @Test
    void l1NeedsANonNegativeLowerBound() {
        assertThatThrownBy(() -> LeastSquaresProblem.builder(TestProblems.rosenbrock()).start(new double[] {0, 0})
                .l1(new double[] {1, 0}).build()).hasMessageContaining("lower bound");
    }

    /** Linear regression: the covariance must equal sigma^2 (X'X)^-1 from the closed form. */
    @Test
    void covarianceOfALinearModelMatchesTheClosedForm() {
        Random rnd = new Random(1);
        int m = 50;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = i / 10.0;
            y[i] = 2 + 0.5 * x[i] + 0.1 * rnd.nextGaussian();
        }
        ResidualModel line = TestProblems.model(m, 2, (p, r, j) -> {
            for (int i = 0; i < m; i++) {
                r[i] = p[0] + p[1] * x[i] - y[i];
                if (j != null) {
                    j[i] = 1;
                    j[m + i] = x[i];
                }
            }
        });
        LeastSquaresResult r = solve(line, 0, 0);
        double sx = 0;
        double sxx = 0;
        for (double v : x) {
            sx += v;
            sxx += v * v;
        }
        double det = m * sxx - sx * sx;
        double sigma2 = r.chiSquare() / (m - 2);
        assertThat(r.standardError(0)).isCloseTo(Math.sqrt(sigma2 * sxx / det), offset(1e-12));
        assertThat(r.standardError(1)).isCloseTo(Math.sqrt(sigma2 * m / det), offset(1e-12));
        assertThat(r.correlation(0, 1)).isCloseTo(-sx / Math.sqrt(m * sxx), offset(1e-12));
    }

    @Test
    void cancellationStopsTheSolve() {
        CancellationToken token = new CancellationToken();
        LeastSquaresProblem problem = LeastSquaresProblem.builder(TestProblems.meyer())
                .start(new double[] {0.02, 4000, 250}).build();
        assertThatThrownBy(() -> solver.solve(problem, token, (it, cost, rms, p) -> token.cancel()))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void weightsScaleTheChiSquare() {
        ResidualModel constant = TestProblems.model(3, 1, (p, r, j) -> {
            double[] data = {1, 2, 6};
            for (int i = 0; i < 3; i++) {
                r[i] = p[0] - data[i];
                if (j != null) {
                    j[i] = 1;
                }
            }
        });
        LeastSquaresResult r = solver.solve(LeastSquaresProblem.builder(constant).start(new double[] {0})
                .weights(new double[] {1, 1, 2}).build());
        assertThat(r.parameter(0)).isCloseTo((1 + 2 + 12) / 4.0, offset(1e-12)); // weighted mean
    }
}
