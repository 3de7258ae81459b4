package dev.oscilla.unmix;

import java.util.Arrays;

/**
 * Exact solver of the linearly constrained least-squares problems of unmixing, working on the Gram matrix:
 * <pre>
 *   minimise 0.5 x' G x - c' x      (G = A'A, c = A'b, so this is 0.5 ||A x - b||^2 up to a constant)
 *   subject to  x_i >= 0            for every constrained variable i
 *               sum_{constrained} x_i = 1   (when sumToOne)
 * </pre>
 * Unconstrained ("forced") variables are free in sign and excluded from the sum. With every variable
 * constrained and sumToOne this is FCLS; without sumToOne it is NNLS; with no constrained variable it is
 * ordinary least squares.
 *
 * <p>Method: a primal active-set method (Lawson and Hanson's NNLS generalised to one equality constraint).
 * Each subproblem on the passive set P is solved exactly through a Cholesky factorisation of G_PP and the
 * Schur complement of the equality constraint; the method terminates at the exact optimum in finitely many steps
 * (it never cycles with the strictly-decreasing objective), typically in a handful of iterations for a library
 * of a few dozen endmembers. All workspaces are allocated once per solver; {@link #solve} allocates nothing.
 * Not thread-safe: use one solver per thread.
 */
public final class ActiveSetSolver {

    /** Why a solve stopped. */
    public enum Status { OPTIMAL, MAX_ITERATIONS }

    private final int m;
    // workspaces
    private final boolean[] passive;
    private final int[] index;        // the passive set in insertion order; chol factors G over index[0..k)
    private int k;                    // size of the passive set
    private int factored;             // rows of chol valid for index[0..factored)
    private double ridge;             // ridge of the current factorisation (0 normally)
    private final double[] chol;      // Cholesky factor of G_PP, row-major (lower), leading dimension m
    private final double[] z;
    private final double[] rhs;
    private final double[] rhsE;
    private final double[] solR;      // H^-1 c_P
    private final double[] solE;      // H^-1 e_P
    private final double[] gradient;
    private double multiplier;
    private int iterations;
    private Status status;
    private int maxIterations;
    private double ridgeUsed;

    public ActiveSetSolver(int variables) {
        this.m = variables;
        passive = new boolean[m];
        index = new int[m];
        chol = new double[m * m];
        z = new double[m];
        rhs = new double[m];
        rhsE = new double[m];
        solR = new double[m];
        solE = new double[m];
        gradient = new double[m];
        maxIterations = Math.max(100, 10 * m);
    }

    public int variables() {
        return m;
    }

    public ActiveSetSolver withMaxIterations(int value) {
        maxIterations = value;
        return this;
    }

    /**
     * Solves the problem. {@code gram} is m x m row-major (symmetric positive semi-definite), {@code atb} = A'b.
     * The solution is written into {@code x}.
     *
     * @param constrained per variable: true when x_i >= 0 and counted in the sum; null means all constrained
     * @param sumToOne    whether the constrained variables must sum to 1 (needs at least one constrained variable)
     */
    public Status solve(double[] gram, double[] atb, boolean[] constrained, boolean sumToOne, double[] x) {
        iterations = 0;
        ridgeUsed = 0;
        multiplier = 0;
        double scale = 0;
        for (int i = 0; i < m; i++) {
            scale = Math.max(scale, Math.abs(gram[i * m + i]));
        }
        if (scale == 0) {
            scale = 1;
        }
        final double tolerance = 1e-12 * scale;
        Arrays.fill(x, 0.0);
        Arrays.fill(passive, false);
        k = 0;
        factored = 0;
        ridge = 0;
        boolean anyConstrained = false;
        for (int i = 0; i < m; i++) {
            boolean c = constrained == null || constrained[i];
            anyConstrained |= c;
            if (!c) {
                add(i); // forced: always in the model
            }
        }
        if (sumToOne && !anyConstrained) {
            throw new IllegalArgumentException("sum-to-one needs at least one constrained endmember");
        }
        if (sumToOne) {
            // Feasible start: the single constrained endmember with the lowest objective 0.5 G_kk - c_k.
            int best = -1;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (constrained == null || constrained[i]) {
                    double value = 0.5 * gram[i * m + i] - atb[i];
                    if (value < bestValue) {
                        bestValue = value;
                        best = i;
                    }
                }
            }
            add(best);
            x[best] = 1.0;
        }
        // Variables in P that are free of sign do not block steps; start from the subproblem solution.
        boolean needSubproblem = true;
        status = Status.MAX_ITERATIONS;
        while (iterations < maxIterations) {
            iterations++;
            if (needSubproblem) {
                solveSubproblem(gram, atb, constrained, sumToOne);
                // Inner loop: move towards z until feasible.
                while (true) {
                    double alpha = 1.0;
                    int blocking = -1;
                    for (int i = 0; i < m; i++) {
                        if (passive[i] && isConstrained(constrained, i) && z[i] <= 0) {
                            double denom = x[i] - z[i];
                            double a = denom > 0 ? x[i] / denom : 0.0;
                            if (a < alpha) {
                                alpha = a;
                                blocking = i;
                            }
                        }
                    }
                    if (blocking < 0) {
                        System.arraycopy(z, 0, x, 0, m);
                        break;
                    }
                    for (int i = 0; i < m; i++) {
                        if (passive[i]) {
                            x[i] += alpha * (z[i] - x[i]);
                        }
                    }
                    x[blocking] = 0.0;
                    remove(blocking);
                    for (int i = 0; i < m; i++) {
                        if (passive[i] && isConstrained(constrained, i) && x[i] <= 0) {
                            x[i] = 0.0;
                            remove(i);
                        }
                    }
                    iterations++;
                    if (iterations >= maxIterations) {
                        return status;
                    }
                    solveSubproblem(gram, atb, constrained, sumToOne);
                }
            }
            // Optimality: lambda_i = g_i + mu e_i >= 0 for the constrained variables held at zero.
            computeGradient(gram, atb, x);
            int enter = -1;
            double mostNegative = -tolerance;
            for (int i = 0; i < m; i++) {
                if (!passive[i]) {
                    double lambda = gradient[i] + (sumToOne ? multiplier : 0.0);
                    if (lambda < mostNegative) {
                        mostNegative = lambda;
                        enter = i;
                    }
                }
            }
            if (enter < 0) {
                status = Status.OPTIMAL;
                return status;
            }
            add(enter);
            needSubproblem = true;
        }
        return status;
    }

    private static boolean isConstrained(boolean[] constrained, int i) {
        return constrained == null || constrained[i];
    }

    private void add(int variable) {
        passive[variable] = true;
        index[k++] = variable;
    }

    /** Removes a variable from the passive list; the factor stays valid for the rows before it. */
    private void remove(int variable) {
        passive[variable] = false;
        int p = 0;
        while (index[p] != variable) {
            p++;
        }
        System.arraycopy(index, p + 1, index, p, k - p - 1);
        k--;
        factored = Math.min(factored, p);
    }

    /** z = argmin over the passive set (zero elsewhere), with the multiplier of the sum constraint. */
    private void solveSubproblem(double[] gram, double[] atb, boolean[] constrained, boolean sumToOne) {
        Arrays.fill(z, 0.0);
        if (k == 0) {
            multiplier = 0;
            return;
        }
        factor(gram);
        for (int a = 0; a < k; a++) {
            rhs[a] = atb[index[a]];
        }
        if (sumToOne) {
            for (int a = 0; a < k; a++) {
                rhsE[a] = isConstrained(constrained, index[a]) ? 1.0 : 0.0;
            }
            cholSolve(k, rhs, solR, rhsE, solE);
            double eR = 0;
            double eE = 0;
            for (int a = 0; a < k; a++) {
                if (isConstrained(constrained, index[a])) {
                    eR += solR[a];
                    eE += solE[a];
                }
            }
            multiplier = (eR - 1.0) / eE;
            for (int a = 0; a < k; a++) {
                z[index[a]] = solR[a] - multiplier * solE[a];
            }
        } else {
            multiplier = 0;
            cholSolve(k, rhs, solR);
            for (int a = 0; a < k; a++) {
                z[index[a]] = solR[a];
            }
        }
    }

    /**
     * Brings the Cholesky factor of G_PP up to date: only rows from the first changed position on are computed
     * (appending a variable costs O(k^2), removing one refactors the rows after it). When G_PP is numerically
     * singular a tiny ridge is added and the whole factor recomputed.
     */
    private void factor(double[] gram) {
        if (factored >= k) {
            return;
        }
        if (factorRows(gram, factored, ridge)) {
            factored = k;
            return;
        }
        double diag = 0;
        for (int a = 0; a < k; a++) {
            diag = Math.max(diag, gram[index[a] * m + index[a]]);
        }
        double r = Math.max(ridge, 1e-12 * Math.max(diag, 1e-300));
        for (int attempt = 0; attempt < 8; attempt++) {
            if (factorRows(gram, 0, r)) {
                ridge = r;
                ridgeUsed = Math.max(ridgeUsed, r);
                factored = k;
                return;
            }
            r *= 100;
        }
        throw new IllegalStateException("Gram matrix of the selected endmembers is not positive definite");
    }

    private boolean factorRows(double[] gram, int from, double ridgeValue) {
        for (int a = from; a < k; a++) {
            int ia = index[a] * m;
            for (int b = 0; b <= a; b++) {
                double sum = gram[ia + index[b]] + (a == b ? ridgeValue : 0.0);
                int ra = a * m;
                int rb = b * m;
                for (int q = 0; q < b; q++) {
                    sum -= chol[ra + q] * chol[rb + q];
                }
                if (a == b) {
                    if (!(sum > 0)) {
                        return false;
                    }
                    chol[ra + a] = Math.sqrt(sum);
                } else {
                    chol[ra + b] = sum / chol[rb + b];
                }
            }
        }
        return true;
    }

    private void cholSolve(int k, double[] b, double[] out) {
        for (int a = 0; a < k; a++) {
            double sum = b[a];
            for (int q = 0; q < a; q++) {
                sum -= chol[a * m + q] * out[q];
            }
            out[a] = sum / chol[a * m + a];
        }
        for (int a = k - 1; a >= 0; a--) {
            double sum = out[a];
            for (int q = a + 1; q < k; q++) {
                sum -= chol[q * m + a] * out[q];
            }
            out[a] = sum / chol[a * m + a];
        }
    }


    /**
     * Two right-hand sides in one pass over the factor: the same operations as two {@link #cholSolve(int, double[],
     * double[])} calls (identical results), with two independent dependency chains per row instead of one.
     */
    private void cholSolve(int k, double[] b1, double[] out1, double[] b2, double[] out2) {
        for (int a = 0; a < k; a++) {
            double sum1 = b1[a];
            double sum2 = b2[a];
            int ra = a * m;
            for (int q = 0; q < a; q++) {
                double l = chol[ra + q];
                sum1 -= l * out1[q];
                sum2 -= l * out2[q];
            }
            double d = chol[ra + a];
            out1[a] = sum1 / d;
            out2[a] = sum2 / d;
        }
        for (int a = k - 1; a >= 0; a--) {
            double sum1 = out1[a];
            double sum2 = out2[a];
            for (int q = a + 1; q < k; q++) {
                double l = chol[q * m + a];
                sum1 -= l * out1[q];
                sum2 -= l * out2[q];
            }
            double d = chol[a * m + a];
            out1[a] = sum1 / d;
            out2[a] = sum2 / d;
        }
    }

    /**
     * Gradient G x - c, using only the passive entries of x (the others are zero). Accumulated column by column
     * (G is symmetric, so column j is row j): each pass is an axpy over all variables, with independent sums per
     * variable, instead of one dependent chain of k multiply-adds per variable.
     */
    private void computeGradient(double[] gram, double[] atb, double[] x) {
        for (int i = 0; i < m; i++) {
            gradient[i] = -atb[i];
        }
        for (int a = 0; a < k; a++) {
            int j = index[a];
            double xj = x[j];
            if (xj == 0) {
                continue;
            }
            int row = j * m;
            for (int i = 0; i < m; i++) {
                gradient[i] += gram[row + i] * xj;
            }
        }
    }

    /** Iterations of the last solve (outer plus inner steps). */
    public int iterations() {
        return iterations;
    }

    public Status status() {
        return status;
    }

    /** Lagrange multiplier mu of the sum constraint at the last solution (0 without sumToOne). */
    public double multiplier() {
        return multiplier;
    }

    /** Gradient G x - c at the last solution (valid after an OPTIMAL solve). */
    public double gradient(int i) {
        return gradient[i];
    }

    /** Whether variable i is in the final passive set (in the model). */
    public boolean isPassive(int i) {
        return passive[i];
    }

    /** Ridge that had to be added to factor a singular subproblem (0 when none). */
    public double ridgeUsed() {
        return ridgeUsed;
    }

    /**
     * The covariance factor (G_PP^-1 projected on the sum constraint) of the final passive set, m x m row-major,
     * zero outside P: multiply by sigma^2 for the covariance of the abundances.
     */
    public void covarianceFactor(double[] gram, boolean[] constrained, boolean sumToOne, double[] out) {
        Arrays.fill(out, 0, m * m, 0.0);
        if (k == 0) {
            return;
        }
        factor(gram);
        // columns of H^-1
        for (int b = 0; b < k; b++) {
            Arrays.fill(rhs, 0, k, 0.0);
            rhs[b] = 1.0;
            cholSolve(k, rhs, z);
            for (int a = 0; a < k; a++) {
                out[index[a] * m + index[b]] = z[a];
            }
        }
        if (sumToOne) {
            for (int a = 0; a < k; a++) {
                rhs[a] = isConstrained(constrained, index[a]) ? 1.0 : 0.0;
            }
            cholSolve(k, rhs, solE);
            double eE = 0;
            for (int a = 0; a < k; a++) {
                if (isConstrained(constrained, index[a])) {
                    eE += solE[a];
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    out[index[a] * m + index[b]] -= solE[a] * solE[b] / eE;
                }
            }
        }
        Arrays.fill(z, 0.0);
    }
}
