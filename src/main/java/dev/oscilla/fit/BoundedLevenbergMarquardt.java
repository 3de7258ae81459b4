package dev.oscilla.fit;

import dev.oscilla.task.CancellationToken;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Levenberg-Marquardt with box bounds honoured at every iterate (a projected, active-set variant), an optional
 * linear L1 penalty, and the covariance at the solution.
 *
 * <p>Each iteration linearises r(p + d) ~ r + J d and solves (H + mu D) d = -g on the parameters that are free,
 * not pressed against a bound and not inert (a zero Jacobian column with zero gradient): H = J'WJ, g = J'Wr + l1,
 * D = the running maximum of diag(H), Moré's scaling, which makes the method invariant to the very different
 * scales of omega0 (~1000 cm^-1) and gamma (~0.01).
 * The trial point is projected onto the box; the step is accepted when the actual cost reduction is a positive
 * fraction of the reduction the quadratic model predicts for the projected step, and mu is updated by Nielsen's
 * rule (H. B. Nielsen, "Damping parameter in Marquardt's method", IMM-REP-1999-05). J'J and the step's Cholesky
 * factorisation are this package's register-blocked kernels ({@link NormalMatrix}, {@link Cholesky}); the covariance
 * inverse is EJML's.
 *
 * <p>Stops when the relative cost decrease, the scaled step, or the cosine between the residual and every free
 * Jacobian column (MINPACK's gtol test, with bound-pressed parameters excluded) falls below its tolerance.
 * Cancellation is polled once per iteration; a cancelled solve throws {@link java.util.concurrent.CancellationException}
 * and leaves nothing behind (the problem is immutable).
 */
public final class BoundedLevenbergMarquardt {

    /** Called after every accepted step (from the solving thread); the array is a copy the listener may keep. */
    @FunctionalInterface
    public interface IterationListener {
        void accepted(int iteration, double cost, double rms, double[] parameters);

        IterationListener NONE = (iteration, cost, rms, parameters) -> { };
    }

    private final LeastSquaresSettings settings;

    public BoundedLevenbergMarquardt(LeastSquaresSettings settings) {
        this.settings = settings;
    }

    public LeastSquaresSettings settings() {
        return settings;
    }

    public LeastSquaresResult solve(LeastSquaresProblem problem) {
        return solve(problem, CancellationToken.NONE, IterationListener.NONE);
    }

    public LeastSquaresResult solve(LeastSquaresProblem problem, CancellationToken cancel, IterationListener listener) {
        return new Run(problem, cancel, listener).run();
    }

    /** One solve's state and workspaces. */
    private final class Run {
        final LeastSquaresProblem problem;
        final CancellationToken cancel;
        final IterationListener listener;
        final ResidualModel model;
        final int m;
        final int n;
        final int[] freeIndex;       // not locked
        final int nf;
        final double[] p;
        final double[] trial;
        final double[] r;
        final double[] rTrial;
        final double[] jac;
        final double[] sqrtW;
        final double[] scaleD;       // Moré scaling per free parameter
        final DMatrixRMaj jt;        // nf x m: weighted Jacobian transposed (rows = free parameters)
        final DMatrixRMaj h;         // step set x step set (row-major, leading dimension = step-set size)
        final double[] g;            // nf
        final double[] diagonal;     // nf: diag(J'WJ)
        final boolean[] active;      // nf: out of the step set this iteration (pressed against a bound, or inert)
        final int[] stepMap;         // step-set position -> free index (ascending)
        final double[] system;       // the damped normal matrix of the step set, factored in place
        final double[] rhs;
        int evaluations;

        Run(LeastSquaresProblem problem, CancellationToken cancel, IterationListener listener) {
            this.problem = problem;
            this.cancel = cancel;
            this.listener = listener;
            this.model = problem.model();
            this.m = model.residualCount();
            this.n = model.parameterCount();
            int k = 0;
            int[] idx = new int[n];
            for (int j = 0; j < n; j++) {
                if (!problem.isLocked(j) && problem.lower(j) < problem.upper(j)) {
                    idx[k++] = j;
                }
            }
            this.freeIndex = Arrays.copyOf(idx, k);
            this.nf = k;
            p = problem.start();
            for (int j = 0; j < n; j++) {
                p[j] = clamp(j, p[j]);
            }
            trial = new double[n];
            r = new double[m];
            rTrial = new double[m];
            jac = new double[m * n];
            sqrtW = new double[m];
            for (int i = 0; i < m; i++) {
                sqrtW[i] = Math.sqrt(problem.weight(i));
            }
            scaleD = new double[nf];
            jt = new DMatrixRMaj(nf, m);
            h = new DMatrixRMaj(nf, nf);
            g = new double[nf];
            diagonal = new double[nf];
            active = new boolean[nf];
            stepMap = new int[nf];
            system = new double[nf * nf];
            rhs = new double[nf];
        }

        double clamp(int j, double v) {
            return Math.min(problem.upper(j), Math.max(problem.lower(j), v));
        }

        /** 0.5 chi^2 + L1 of residual vector rr at parameters pp. */
        double cost(double[] pp, double[] rr) {
            double chi = 0;
            for (int i = 0; i < m; i++) {
                double v = sqrtW[i] * rr[i];
                chi += v * v;
            }
            double pen = 0;
            for (int j = 0; j < n; j++) {
                pen += problem.l1(j) * pp[j];
            }
            double c = 0.5 * chi + pen;
            return Double.isFinite(c) ? c : Double.POSITIVE_INFINITY;
        }

        LeastSquaresResult run() {
            cancel.throwIfCancelled();
            model.evaluate(p, r, nf > 0 ? jac : null);
            evaluations++;
            double cost = cost(p, r);
            if (!Double.isFinite(cost)) {
                throw new IllegalArgumentException("the model is not finite at the start point");
            }
            if (nf == 0) {
                return finish(cost, 0, StopReason.NO_FREE_PARAMETERS, false);
            }
            double mu = settings.initialDamping();
            double nu = 2;
            int iteration = 0;
            boolean needLinearisation = false;
            StopReason stop = StopReason.MAX_ITERATIONS;
            outer:
            while (iteration < settings.maxIterations()) {
                cancel.throwIfCancelled();
                if (needLinearisation) {
                    model.evaluate(p, r, jac);
                    evaluations++;
                    needLinearisation = false;
                }
                gradientAndDiagonal();
                // bound-pressed parameters and the gradient test
                double rNorm = 0;
                for (int i = 0; i < m; i++) {
                    rNorm += sqrtW[i] * r[i] * sqrtW[i] * r[i];
                }
                rNorm = Math.sqrt(rNorm);
                double worstCosine = 0;
                int stepCount = 0;
                for (int a = 0; a < nf; a++) {
                    int j = freeIndex[a];
                    double hjj = diagonal[a];
                    scaleD[a] = Math.max(scaleD[a], hjj);
                    boolean atLower = p[j] <= problem.lower(j) && g[a] > 0;
                    boolean atUpper = p[j] >= problem.upper(j) && g[a] < 0;
                    // A parameter with an all-zero Jacobian column and no gradient (the position and width of an
                    // oscillator whose strength sits at zero) would get an exactly zero step: it stays out of the
                    // step set, and its row of J'J is not formed.
                    boolean inert = hjj == 0 && g[a] == 0;
                    active[a] = atLower || atUpper || inert;
                    if (!active[a]) {
                        stepMap[stepCount++] = a;
                        double denom = Math.sqrt(hjj) * rNorm;
                        double cosine = denom > 0 ? Math.abs(g[a]) / denom : (g[a] == 0 ? 0 : Double.POSITIVE_INFINITY);
                        worstCosine = Math.max(worstCosine, cosine);
                    }
                }
                if (stepCount == 0 || worstCosine <= settings.gradientTolerance()) {
                    stop = StopReason.GRADIENT_TOLERANCE;
                    break;
                }
                stepNormalMatrix(stepCount);
                double maxD = 0;
                for (double d : scaleD) {
                    maxD = Math.max(maxD, d);
                }
                double floorD = 1e-14 * Math.max(maxD, 1e-300);
                // inner loop: damped steps until one is accepted
                while (true) {
                    iteration++;
                    if (iteration > settings.maxIterations()) {
                        stop = StopReason.MAX_ITERATIONS;
                        break outer;
                    }
                    if (evaluations >= settings.maxEvaluations()) {
                        stop = StopReason.MAX_EVALUATIONS;
                        break outer;
                    }
                    double[] step = dampedStep(mu, floorD, stepCount);
                    if (step == null) {
                        mu *= nu;
                        nu *= 2;
                        if (mu > 1e20) {
                            stop = StopReason.NO_PROGRESS;
                            break outer;
                        }
                        continue;
                    }
                    System.arraycopy(p, 0, trial, 0, n);
                    boolean moved = false;
                    boolean smallStep = true;
                    for (int a = 0, s = 0; a < nf; a++) {
                        if (active[a]) {
                            continue;
                        }
                        int j = freeIndex[a];
                        double v = clamp(j, p[j] + step[s++]);
                        trial[j] = v;
                        double d = v - p[j];
                        moved |= d != 0;
                        if (Math.abs(d) > settings.stepTolerance() * (Math.abs(p[j]) + settings.stepTolerance())) {
                            smallStep = false;
                        }
                    }
                    if (!moved) {
                        stop = StopReason.STEP_TOLERANCE;
                        break outer;
                    }
                    double predicted = predictedReduction(stepCount);
                    model.evaluate(trial, rTrial, null);
                    evaluations++;
                    double trialCost = cost(trial, rTrial);
                    double actual = cost - trialCost;
                    double rho = predicted > 0 ? actual / predicted : -1;
                    if (rho > 1e-4 && actual > 0) {
                        System.arraycopy(trial, 0, p, 0, n);
                        double previous = cost;
                        cost = trialCost;
                        double t = 2 * rho - 1;
                        mu *= Math.max(1.0 / 3.0, 1 - t * t * t);
                        nu = 2;
                        needLinearisation = true;
                        listener.accepted(iteration, cost, rms(rTrial), p.clone());
                        if (actual <= settings.costTolerance() * previous) {
                            stop = StopReason.COST_TOLERANCE;
                            break outer;
                        }
                        if (smallStep) {
                            stop = StopReason.STEP_TOLERANCE;
                            break outer;
                        }
                        continue outer;
                    }
                    if (smallStep && actual <= 0 && Math.abs(actual) <= 1e-15 * Math.max(cost, 1e-300)) {
                        stop = StopReason.NO_PROGRESS;
                        break outer;
                    }
                    mu *= nu;
                    nu *= 2;
                    if (mu > 1e20) {
                        stop = StopReason.NO_PROGRESS;
                        break outer;
                    }
                    cancel.throwIfCancelled();
                }
            }
            if (needLinearisation) {
                // the last accepted step left r and jac at the previous point
                model.evaluate(p, r, settings.covariance() ? jac : null);
                evaluations++;
            }
            return finish(cost, Math.min(iteration, settings.maxIterations()), stop, needLinearisation
                    && !settings.covariance());
        }

        /** g = (sqrt(W) J_F)' sqrt(W) r + l1 and the diagonal of J_F'WJ_F, over every free parameter. */
        void gradientAndDiagonal() {
            for (int a = 0; a < nf; a++) {
                int col = freeIndex[a] * m;
                double s = 0;
                double d = 0;
                for (int i = 0; i < m; i++) {
                    double x = sqrtW[i] * jac[col + i];
                    s += x * sqrtW[i] * r[i];
                    d += x * x;
                }
                g[a] = s + problem.l1(freeIndex[a]);
                diagonal[a] = d;
            }
        }

        /**
         * h = J_S'WJ_S over the step set S (stepMap[0..size)), size x size: the normal matrix is the dominant cost
         * of an iteration, and the bound-pressed and inert parameters (many while an L1 penalty holds strengths at
         * zero) do not enter the step.
         */
        void stepNormalMatrix(int size) {
            double[] data = jt.data;
            for (int s = 0; s < size; s++) {
                int col = freeIndex[stepMap[s]] * m;
                int row = s * m;
                for (int i = 0; i < m; i++) {
                    data[row + i] = sqrtW[i] * jac[col + i];
                }
            }
            NormalMatrix.gram(data, 0, m, size, m, h.data);
        }

        /** Solves (H_SS + mu D_SS) d = -g_S on the step set S (free, not pressed); null when not positive definite. */
        double[] dampedStep(double mu, double floorD, int size) {
            double[] hd = h.data;
            for (int a = 0; a < size; a++) {
                int x = stepMap[a];
                int row = a * size;
                System.arraycopy(hd, row, system, row, a + 1);
                system[row + a] += mu * Math.max(scaleD[x], floorD);
                rhs[a] = -g[x];
            }
            if (!Cholesky.factor(system, size)) {
                return null;
            }
            double[] d = new double[size];
            Cholesky.solve(system, size, rhs, d);
            for (int a = 0; a < size; a++) {
                if (!Double.isFinite(d[a])) {
                    return null;
                }
            }
            return d;
        }

        /** -(g's + 0.5 s'Hs) for the projected step s = trial - p over the step set (the only parameters it moves). */
        double predictedReduction(int size) {
            double[] s = new double[size];
            for (int a = 0; a < size; a++) {
                int j = freeIndex[stepMap[a]];
                s[a] = trial[j] - p[j];
            }
            double[] hd = h.data;
            double gs = 0;
            double shs = 0;
            for (int a = 0; a < size; a++) {
                if (s[a] == 0) {
                    continue;
                }
                gs += g[stepMap[a]] * s[a];
                double row = 0;
                for (int b = 0; b < size; b++) {
                    row += hd[a * size + b] * s[b];
                }
                shs += s[a] * row;
            }
            return -(gs + 0.5 * shs);
        }

        double rms(double[] rr) {
            double s = 0;
            for (double v : rr) {
                s += v * v;
            }
            return Math.sqrt(s / m);
        }

        LeastSquaresResult finish(double cost, int iterations, StopReason stop, boolean jacobianStale) {
            double chi = 0;
            for (int i = 0; i < m; i++) {
                double v = sqrtW[i] * r[i];
                chi += v * v;
            }
            boolean[] free = new boolean[n];
            double[] covariance = null;
            int k = 0;
            int[] idx = new int[nf];
            for (int a = 0; a < nf; a++) {
                int j = freeIndex[a];
                boolean atBound = p[j] <= problem.lower(j) || p[j] >= problem.upper(j);
                if (!atBound) {
                    free[j] = true;
                    idx[k++] = j;
                }
            }
            if (settings.covariance() && !jacobianStale && k > 0) {
                covariance = new double[n * n];
                DMatrixRMaj jk = new DMatrixRMaj(k, m);
                for (int a = 0; a < k; a++) {
                    int col = idx[a] * m;
                    for (int i = 0; i < m; i++) {
                        jk.data[a * m + i] = sqrtW[i] * jac[col + i];
                    }
                }
                DMatrixRMaj hk = new DMatrixRMaj(k, k);
                NormalMatrix.gram(jk.data, 0, m, k, m, hk.data);
                DMatrixRMaj inv = new DMatrixRMaj(k, k);
                LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(k);
                boolean ok = chol.setA(hk.copy());
                if (ok) {
                    chol.invert(inv);
                    for (double v : inv.data) {
                        ok &= Double.isFinite(v);
                    }
                }
                if (!ok) {
                    CommonOps_DDRM.pinv(hk, inv);
                }
                int dof = m - k;
                double sigma2 = dof > 0 ? chi / dof : Double.NaN;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        covariance[idx[a] * n + idx[b]] = sigma2 * inv.get(a, b);
                    }
                }
            }
            return new LeastSquaresResult(p, covariance, free, cost, chi, rms(r), m, iterations, evaluations, stop);
        }
    }
}
