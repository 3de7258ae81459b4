package dev.oscilla.unmix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** FCLS / NNLS / LS against the KKT conditions and against brute force over supports. */
class ActiveSetSolverTest {

    /** Random A (n x m) with columns of emissivity-like magnitude, b a noisy mixture. */
    static double[][] randomProblem(Random rnd, int n, int m, boolean nearlyCollinear) {
        double[][] a = new double[m][n];
        for (int j = 0; j < m; j++) {
            double centre = rnd.nextDouble();
            for (int c = 0; c < n; c++) {
                a[j][c] = 0.7 + 0.3 * Math.exp(-Math.pow((c / (double) n - centre) * 6, 2)) * rnd.nextDouble()
                        + 0.02 * rnd.nextGaussian();
            }
        }
        if (nearlyCollinear && m > 2) {
            for (int c = 0; c < n; c++) {
                a[m - 1][c] = 0.5 * (a[0][c] + a[1][c]) + 1e-6 * rnd.nextGaussian();
            }
        }
        return a;
    }

    static double[] gram(double[][] a) {
        int m = a.length;
        double[] g = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int c = 0; c < a[i].length; c++) {
                    s += a[i][c] * a[j][c];
                }
                g[i * m + j] = s;
            }
        }
        return g;
    }

    static double[] atb(double[][] a, double[] b) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            for (int c = 0; c < b.length; c++) {
                out[j] += a[j][c] * b[c];
            }
        }
        return out;
    }

    static double objective(double[] g, double[] c, double[] x) {
        int m = x.length;
        double v = 0;
        for (int i = 0; i < m; i++) {
            v -= c[i] * x[i];
            for (int j = 0; j < m; j++) {
                v += 0.5 * x[i] * g[i * m + j] * x[j];
            }
        }
        return v;
    }

    /** KKT conditions of FCLS/NNLS at x, to 1e-10 relative to the gradient's scale. */
    static void assertKkt(double[] g, double[] c, double[] x, boolean[] constrained, boolean sumToOne, double mu) {
        int m = x.length;
        double scale = 0;
        for (int i = 0; i < m; i++) {
            scale = Math.max(scale, Math.abs(c[i]));
        }
        double tol = 1e-10 * scale;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double grad = -c[i];
            for (int j = 0; j < m; j++) {
                grad += g[i * m + j] * x[j];
            }
            boolean con = constrained == null || constrained[i];
            double lambda = grad + (sumToOne && con ? mu : 0);
            if (!con) {
                assertThat(Math.abs(grad)).as("stationarity of free variable %d", i).isLessThan(tol);
                continue;
            }
            sum += x[i];
            assertThat(x[i]).as("primal feasibility x_%d", i).isGreaterThanOrEqualTo(0.0);
            assertThat(lambda).as("dual feasibility lambda_%d", i).isGreaterThan(-tol);
            assertThat(Math.abs(lambda * x[i])).as("complementarity %d", i).isLessThan(tol);
        }
        if (sumToOne) {
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void fclsSatisfiesKktOnRandomProblems() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int m = 2 + rnd.nextInt(30);
            int n = 50 + rnd.nextInt(300);
            double[][] a = randomProblem(rnd, n, m, trial % 5 == 0);
            double[] b = new double[n];
            for (int c = 0; c < n; c++) {
                b[c] = 0.6 * a[0][c] + 0.4 * a[m - 1][c] + 0.01 * rnd.nextGaussian();
            }
            double[] g = gram(a);
            double[] c = atb(a, b);
            ActiveSetSolver solver = new ActiveSetSolver(m);
            double[] x = new double[m];
            assertThat(solver.solve(g, c, null, true, x)).isEqualTo(ActiveSetSolver.Status.OPTIMAL);
            if (solver.ridgeUsed() == 0) {
                assertKkt(g, c, x, null, true, solver.multiplier());
            }
        }
    }

    @Test
    void nnlsAndForcedEndmembersSatisfyKkt() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 200; trial++) {
            int m = 3 + rnd.nextInt(15);
            int n = 80 + rnd.nextInt(100);
            double[][] a = randomProblem(rnd, n, m, false);
            double[] b = new double[n];
            for (int c = 0; c < n; c++) {
                b[c] = 0.9 * a[1][c] - 0.1 * a[2][c] + 0.01 * rnd.nextGaussian();
            }
            double[] g = gram(a);
            double[] c = atb(a, b);
            boolean[] constrained = new boolean[m];
            for (int i = 0; i < m; i++) {
                constrained[i] = i != 2; // endmember 2 is forced (free sign, outside the sum)
            }
            ActiveSetSolver solver = new ActiveSetSolver(m);
            double[] x = new double[m];
            boolean sumToOne = trial % 2 == 0;
            assertThat(solver.solve(g, c, constrained, sumToOne, x)).isEqualTo(ActiveSetSolver.Status.OPTIMAL);
            assertKkt(g, c, x, constrained, sumToOne, solver.multiplier());
            assertThat(x[2]).isNegative(); // the forced endmember is genuinely unconstrained
        }
    }

    @Test
    void fclsMatchesBruteForceOverSupports() {
        Random rnd = new Random(13);
        for (int trial = 0; trial < 100; trial++) {
            int m = 2 + rnd.nextInt(6);
            int n = 40;
            double[][] a = randomProblem(rnd, n, m, false);
            double[] b = new double[n];
            for (int c = 0; c < n; c++) {
                b[c] = a[rnd.nextInt(m)][c] * 0.7 + 0.3 * (0.8 + 0.1 * rnd.nextGaussian());
            }
            double[] g = gram(a);
            double[] c = atb(a, b);
            double[] x = new double[m];
            new ActiveSetSolver(m).solve(g, c, null, true, x);
            double best = bruteForce(g, c, m);
            assertThat(objective(g, c, x)).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-10 * Math.abs(best)
                    + 1e-12));
        }
    }

    /** The minimum over every support S of the equality-constrained LS on S, when it is feasible (x_S >= 0). */
    private static double bruteForce(double[] g, double[] c, int m) {
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < (1 << m); mask++) {
            int k = Integer.bitCount(mask);
            int[] idx = new int[k];
            int q = 0;
            for (int i = 0; i < m; i++) {
                if ((mask & (1 << i)) != 0) {
                    idx[q++] = i;
                }
            }
            // KKT system [G_SS 1; 1' 0][x; mu] = [c_S; 1] by Gaussian elimination
            double[][] sys = new double[k + 1][k + 2];
            for (int r = 0; r < k; r++) {
                for (int s = 0; s < k; s++) {
                    sys[r][s] = g[idx[r] * m + idx[s]];
                }
                sys[r][k] = 1;
                sys[r][k + 1] = c[idx[r]];
                sys[k][r] = 1;
            }
            sys[k][k + 1] = 1;
            double[] sol = gauss(sys);
            if (sol == null) {
                continue;
            }
            double[] x = new double[m];
            boolean feasible = true;
            for (int r = 0; r < k; r++) {
                x[idx[r]] = sol[r];
                feasible &= sol[r] >= -1e-12;
            }
            if (feasible) {
                best = Math.min(best, objective(g, c, x));
            }
        }
        return best;
    }

    private static double[] gauss(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (Math.abs(a[piv][col]) < 1e-14) {
                return null;
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int s = col; s <= n; s++) {
                        a[r][s] -= f * a[col][s];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    @Test
    void unconstrainedLeastSquaresSolvesTheNormalEquations() {
        Random rnd = new Random(14);
        double[][] a = randomProblem(rnd, 60, 5, false);
        double[] b = new double[60];
        for (int c = 0; c < 60; c++) {
            b[c] = rnd.nextDouble();
        }
        double[] g = gram(a);
        double[] c = atb(a, b);
        double[] x = new double[5];
        new ActiveSetSolver(5).solve(g, c, new boolean[5], false, x);
        for (int i = 0; i < 5; i++) {
            double r = -c[i];
            for (int j = 0; j < 5; j++) {
                r += g[i * 5 + j] * x[j];
            }
            assertThat(Math.abs(r)).isLessThan(1e-9);
        }
    }
}
