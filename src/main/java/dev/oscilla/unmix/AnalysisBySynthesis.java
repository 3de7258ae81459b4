package dev.oscilla.unmix;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Analysis-by-synthesis: minimise ||b - A(Lambda) x||^2 jointly over the abundances x (FCLS constraints) and every
 * mineral's oscillator parameters Lambda, each inside a box around its library value (DESIGN.md section 3).
 *
 * <p>Method. The problem is separable: for fixed Lambda the exact abundances are the FCLS solution, so x is
 * eliminated and only Lambda is iterated. Each sweep visits the minerals in the model (abundance above a floor)
 * in order of abundance and takes a damped Gauss-Newton (Levenberg-Marquardt) step on that mineral's parameters
 * with the exact Jacobian x_i dE_i/dLambda_i, projected onto the box and accepted only when the misfit drops;
 * after each step the mineral's column of A, its row of the Gram matrix and the FCLS abundances are updated
 * (block Gauss-Seidel on Lambda with x always optimal). Only minerals with x > 0 have live parameters, so the
 * linear algebra stays small. The start is the library (FCLS warm start) or, for {@code ir+abs}, a network's
 * prediction.
 *
 * <p>The engine renders the library once per data axis and is immutable; {@link #newUnmixer()} gives each thread
 * its own workspaces.
 */
public final class AnalysisBySynthesis {

    private final AbsSettings settings;
    private final List<Mineral> minerals;
    private final EndmemberMatrix base;      // rendered library on the window channels, with Gram matrix
    private final ParameterLayout[] layouts;
    private final double[][] start;
    private final double[][] lower;
    private final double[][] upper;
    private final int[][] flexible;
    private final int maxParameters;
    private final double[][] normal;         // per mineral G'G over its flexible parameters at library values
    private final double[] offsets;          // per mineral (measured - rendered library), n x m; zero without measured

    public AnalysisBySynthesis(MineralLibrary library, double[] dataAxis, AbsSettings settings) {
        this(library, null, dataAxis, settings);
    }

    /**
     * With measured library spectra (matched to the minerals by name), each endmember is the measured spectrum
     * plus the change of its model: A_i(Lambda) = M_i + E_i(Lambda) - E_i(Lambda_library). The measured detail the
     * oscillator model does not capture is kept, and the parameters still flex the spectrum physically.
     *
     * @param measured measured spectra of the library minerals, or null to use the rendered models alone
     */
    public AnalysisBySynthesis(MineralLibrary library, dev.oscilla.spectrum.SpectrumSet measured, double[] dataAxis,
                               AbsSettings settings) {
        this.settings = settings;
        List<Mineral> list = new ArrayList<>();
        boolean hasBlackbody = false;
        for (Mineral m : library.minerals()) {
            if (m.isBlackbody()) {
                hasBlackbody = true;
                if (settings.blackbody()) {
                    list.add(Mineral.blackbody().withName(m.name()).withCategory(m.category()));
                }
            } else {
                list.add(m);
            }
        }
        if (settings.blackbody() && !hasBlackbody) {
            list.add(Mineral.blackbody());
        }
        this.minerals = List.copyOf(list);
        int m = minerals.size();
        layouts = new ParameterLayout[m];
        start = new double[m][];
        lower = new double[m][];
        upper = new double[m][];
        flexible = new int[m][];
        int maxP = 0;
        for (int i = 0; i < m; i++) {
            Mineral mineral = minerals.get(i);
            layouts[i] = mineral.layout();
            start[i] = mineral.parameters();
            ParameterBounds box = settings.tolerances().boxFor(mineral);
            lower[i] = box.lower();
            upper[i] = box.upper();
            int[] idx = new int[start[i].length];
            int k = 0;
            for (int j = 0; j < idx.length; j++) {
                // parameters whose box is under 0.1 % of their value (eps_inf and weights at the published
                // tolerances) cannot move the spectrum measurably; holding them keeps the steps small and cheap
                if (upper[i][j] > lower[i][j] && settings.tolerances().of(layouts[i].kindOf(j)) >= 1e-3) {
                    idx[k++] = j;
                }
            }
            flexible[i] = Arrays.copyOf(idx, k);
            maxP = Math.max(maxP, start[i].length);
        }
        maxParameters = maxP;
        // render the library on the data axis, then keep the window channels
        DispersionEvaluator evaluator = new DispersionEvaluator(dataAxis);
        List<double[]> rendered = new ArrayList<>(m);
        for (Mineral mineral : minerals) {
            double[] v = new double[dataAxis.length];
            evaluator.evaluate(mineral, Quantity.EMISSIVITY, v);
            rendered.add(v);
        }
        if (measured == null) {
            base = EndmemberMatrix.fromRendered(minerals, rendered, dataAxis, settings.linear());
        } else {
            List<dev.oscilla.spectrum.Spectrum> aligned = new ArrayList<>(m);
            List<String> categories = new ArrayList<>(m);
            for (Mineral mineral : minerals) {
                dev.oscilla.spectrum.Spectrum spectrum;
                if (mineral.isBlackbody()) {
                    double[] ones = new double[dataAxis.length];
                    Arrays.fill(ones, 1.0);
                    spectrum = new dev.oscilla.spectrum.Spectrum(mineral.name(),
                            dev.oscilla.spectrum.SpectrumKind.EMISSIVITY, dataAxis, ones);
                } else {
                    spectrum = measured.find(mineral.name()).orElseThrow(() -> new IllegalArgumentException(
                            "no measured spectrum named '" + mineral.name() + "' for analysis-by-synthesis"))
                            .withName(mineral.name());
                }
                aligned.add(spectrum);
                categories.add(mineral.category());
            }
            base = EndmemberMatrix.fromLibrary(new dev.oscilla.spectrum.SpectrumSet(aligned, categories, List.of(), List.of()),
                    dataAxis, settings.linear());
        }
        // Gauss-Newton matrices G'G of every mineral at its library parameters (G = dE/dLambda on the window
        // channels). Inside the tight boxes the Jacobian changes little, so x_i^2 G'G serves as the block
        // Hessian of every step (the gradient is always exact); accept/reject with damping guards the steps.
        DispersionEvaluator window = new DispersionEvaluator(base.axisView());
        int n = base.channels();
        double[] jac = new double[n * maxP];
        double[] values = new double[n];
        normal = new double[m][];
        offsets = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (measured != null) {
                window.evaluate(minerals.get(i), Quantity.EMISSIVITY, values);
                for (int c = 0; c < n; c++) {
                    offsets[i * n + c] = base.value(c, i) - values[c];
                }
            }
            int p = flexible[i].length;
            if (p == 0) {
                continue;
            }
            window.evaluate(layouts[i], start[i], 0, Quantity.EMISSIVITY, values, 0, jac, 0);
            double[] rows = new double[p * n];
            for (int a = 0; a < p; a++) {
                System.arraycopy(jac, flexible[i][a] * n, rows, a * n, n);
            }
            normal[i] = new double[p * p];
            dev.oscilla.fit.NormalMatrix.gram(rows, 0, n, p, n, normal[i]);
        }
    }

    public AbsSettings settings() {
        return settings;
    }

    /** The endmembers in order (the library with its blackbody made ideal). */
    public List<Mineral> minerals() {
        return minerals;
    }

    public int endmembers() {
        return minerals.size();
    }

    /** Channels of the data axis the engine fits (window channels where every endmember is defined). */
    public int channels() {
        return base.channels();
    }

    /** A thread-confined unmixer with its own workspaces. */
    public Unmixer newUnmixer() {
        return new Unmixer();
    }

    /** Per-thread state: workspaces sized once. */
    public final class Unmixer implements SpectrumUnmixer {

        private final int m = minerals.size();
        private final ActiveSetSolver fcls = new ActiveSetSolver(m);
        private final double[] gram = new double[m * m];
        private final double[] atb = new double[m];
        private final double[] x = new double[m];
        private final double[] covariance = new double[m * m];
        private final double[][] lambda = new double[m][];
        private final boolean[] constrained = base.constrainedFlags().clone();
        private final double[] priorGram = new double[m * m];
        private final double[] priorAtb = new double[m];
        private double[] prior;
        private double priorMu;
        private Channels full;

        /** FCLS on the current Gram matrix, with the abundance prior when one is set. */
        private void solveAbundances() {
            if (prior == null || priorMu == 0) {
                fcls.solve(gram, atb, constrained, true, x);
                return;
            }
            System.arraycopy(gram, 0, priorGram, 0, m * m);
            for (int j = 0; j < m; j++) {
                priorGram[j * m + j] += priorMu;
                priorAtb[j] = atb[j] + priorMu * prior[j];
            }
            fcls.solve(priorGram, priorAtb, constrained, true, x);
        }

        @Override
        public UnmixResult unmix(Spectrum spectrum) {
            return unmix(spectrum, null);
        }

        /**
         * Unmixes with every mineral starting from {@code startParameters[i]} (null entries, or a null array,
         * start from the library); used to warm-start from a network's prediction.
         */
        public UnmixResult unmix(Spectrum spectrum, double[][] startParameters) {
            return unmix(spectrum, startParameters, null, 0);
        }

        /**
         * Unmixes with a warm start and, optionally, a Gaussian prior on the abundances: the abundance step
         * minimises ||b - A x||^2 + priorWeight ||x - priorAbundances||^2 (still x >= 0, sum 1), which pulls the
         * solution towards an independent estimate such as a network's prediction. The reported standard errors
         * ignore the prior.
         *
         * @param priorAbundances per endmember (blackbody included), or null for none
         * @param priorWeight     weight of the prior in units of the squared misfit (>= 0)
         */
        public UnmixResult unmix(Spectrum spectrum, double[][] startParameters, double[] priorAbundances,
                                 double priorWeight) {
            prior = priorAbundances;
            priorMu = priorWeight;
            Spectrum s = spectrum.sameAxis(base.dataAxisView()) ? spectrum : spectrum.resample(base.dataAxisView());
            int n0 = base.channels();
            boolean[] valid = new boolean[n0];
            int nValid = 0;
            for (int c = 0; c < n0; c++) {
                int d = base.dataChannel(c);
                valid[c] = s.isValid(d) && s.value(d) != 0.0;
                if (valid[c]) {
                    nValid++;
                }
            }
            if (nValid < m) {
                throw new IllegalArgumentException("spectrum '" + spectrum.name() + "' has " + nValid
                        + " valid channels in the window, fewer than the " + m + " endmembers");
            }
            Channels ch;
            if (nValid == n0) {
                if (full == null) {
                    full = new Channels(valid, n0);
                }
                ch = full;
            } else {
                ch = new Channels(valid, nValid); // rare: a spectrum with gaps gets its own channel set
            }
            for (int c = 0, k = 0; c < n0; c++) {
                if (valid[c]) {
                    ch.b[k++] = s.value(base.dataChannel(c));
                }
            }
            ch.reset();
            for (int i = 0; i < m; i++) {
                lambda[i] = startParameters != null && startParameters[i] != null
                        ? clampToBox(i, startParameters[i].clone()) : start[i].clone();
                if (startParameters != null && startParameters[i] != null) {
                    ch.render(i, lambda[i]);
                }
            }
            ch.updateNormalEquations();
            solveAbundances();
            double cost = ch.misfit();
            int sweeps = 0;
            int steps = 0;
            String stop = settings.maxSweeps() == 0 ? "no sweeps requested" : "sweep limit";
            for (int sweep = 0; sweep < settings.maxSweeps(); sweep++) {
                sweeps++;
                double before = cost;
                Integer[] order = ch.flexOrder();
                for (int i : order) {
                    if (ch.blockStep(i)) {
                        steps++;
                        solveAbundances();
                    }
                }
                cost = ch.misfit();
                if (before - cost <= settings.relativeTolerance() * before) {
                    stop = "converged";
                    break;
                }
            }
            return ch.result(spectrum.name(), sweeps, steps, stop);
        }

        private double[] clampToBox(int i, double[] p) {
            for (int j = 0; j < p.length; j++) {
                p[j] = Math.min(upper[i][j], Math.max(lower[i][j], p[j]));
            }
            return p;
        }

        /** The channel set of one spectrum and everything that lives on it. */
        private final class Channels {
            final int n;
            final int[] index;            // window-channel indices used
            final double[] axis;
            final double[] b;
            final double[] columns;       // n x m column-major, current A(Lambda)
            final DispersionEvaluator evaluator;
            final double[] jac;
            final double[] value;
            final double[] trialValue;
            final double[] residual;
            final double[] adjoint;
            final double[] gradient;
            final double[] mu = new double[m];

            Channels(boolean[] valid, int n) {
                this.n = n;
                index = new int[n];
                axis = new double[n];
                int k = 0;
                double[] windowAxis = base.axisView();
                for (int c = 0; c < valid.length; c++) {
                    if (valid[c]) {
                        index[k] = c;
                        axis[k] = windowAxis[c];
                        k++;
                    }
                }
                b = new double[n];
                columns = new double[n * m];
                evaluator = new DispersionEvaluator(axis);
                jac = new double[n * maxParameters];
                value = new double[n];
                trialValue = new double[n];
                residual = new double[n];
                adjoint = new double[n];
                gradient = new double[maxParameters];
            }

            /** Back to the rendered library (columns of the base matrix on these channels). */
            void reset() {
                if (n == base.channels()) {
                    System.arraycopy(base.columnsView(), 0, columns, 0, n * m);
                } else {
                    for (int j = 0; j < m; j++) {
                        for (int c = 0; c < n; c++) {
                            columns[j * n + c] = base.value(index[c], j);
                        }
                    }
                }
                Arrays.fill(mu, 1e-3);
            }

            void render(int i, double[] p) {
                evaluator.evaluate(layouts[i], p, 0, Quantity.EMISSIVITY, columns, i * n, null, 0);
                addOffset(i);
            }

            /** column i += measured - rendered library (a no-op for model-only endmembers). */
            void addOffset(int i) {
                int nb = base.channels();
                for (int c = 0; c < n; c++) {
                    columns[i * n + c] += offsets[i * nb + index[c]];
                }
            }

            void updateNormalEquations() {
                if (n == base.channels() && Arrays.equals(columns, base.columnsView())) {
                    System.arraycopy(base.gramView(), 0, gram, 0, m * m);
                } else {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j <= i; j++) {
                            double v = dot(i * n, j * n);
                            gram[i * m + j] = v;
                            gram[j * m + i] = v;
                        }
                    }
                }
                for (int j = 0; j < m; j++) {
                    atb[j] = dotB(j * n);
                }
            }

            /** Column i changed: its Gram row/column and A'b entry. */
            void updateColumn(int i) {
                for (int j = 0; j < m; j++) {
                    double v = dot(i * n, j * n);
                    gram[i * m + j] = v;
                    gram[j * m + i] = v;
                }
                atb[i] = dotB(i * n);
            }

            double dot(int oa, int ob) {
                double s0 = 0;
                double s1 = 0;
                int c = 0;
                for (; c + 1 < n; c += 2) {
                    s0 += columns[oa + c] * columns[ob + c];
                    s1 += columns[oa + c + 1] * columns[ob + c + 1];
                }
                for (; c < n; c++) {
                    s0 += columns[oa + c] * columns[ob + c];
                }
                return s0 + s1;
            }

            double dotB(int oa) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += columns[oa + c] * b[c];
                }
                return s;
            }

            /** residual = A x - b; returns its squared norm. */
            double misfit() {
                for (int c = 0; c < n; c++) {
                    residual[c] = -b[c];
                }
                for (int j = 0; j < m; j++) {
                    double xj = x[j];
                    if (xj != 0) {
                        int o = j * n;
                        for (int c = 0; c < n; c++) {
                            residual[c] += xj * columns[o + c];
                        }
                    }
                }
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += residual[c] * residual[c];
                }
                return s;
            }

            /** Minerals to flex this sweep, by decreasing abundance. */
            Integer[] flexOrder() {
                List<Integer> list = new ArrayList<>();
                for (int i = 0; i < m; i++) {
                    if (x[i] >= settings.minAbundance() && flexible[i].length > 0 && !minerals.get(i).isBlackbody()) {
                        list.add(i);
                    }
                }
                list.sort((a, c) -> Double.compare(x[c], x[a]));
                return list.toArray(new Integer[0]);
            }

            /**
             * One damped Gauss-Newton step on mineral i's flexible parameters with x fixed, projected on the box;
             * returns whether the misfit decreased (then A, the Gram matrix and A'b are updated).
             */
            boolean blockStep(int i) {
                double current = misfit();
                double xi = x[i];
                int[] flex = flexible[i];
                int p = flex.length;
                double[] lam = lambda[i];
                double[] g = new double[p];
                DMatrixRMaj h = new DMatrixRMaj(p, p);
                if (n == base.channels()) {
                    // exact gradient x_i G' r by the vector-Jacobian product; Hessian x_i^2 (G'G) at library values
                    for (int c = 0; c < n; c++) {
                        adjoint[c] = xi * residual[c];
                    }
                    evaluator.evaluateWithGradient(layouts[i], lam, 0, Quantity.EMISSIVITY, value, 0, adjoint, 0,
                            gradient, 0);
                    for (int a = 0; a < p; a++) {
                        g[a] = gradient[flex[a]];
                    }
                    double[] h0 = normal[i];
                    double x2 = xi * xi;
                    for (int q = 0; q < p * p; q++) {
                        h.data[q] = x2 * h0[q];
                    }
                } else {
                    // a spectrum with gaps: exact Jacobian on its own channels
                    evaluator.evaluate(layouts[i], lam, 0, Quantity.EMISSIVITY, value, 0, jac, 0);
                    double[] rows = new double[p * n];
                    for (int a = 0; a < p; a++) {
                        int col = flex[a] * n;
                        double s = 0;
                        for (int c = 0; c < n; c++) {
                            double v = xi * jac[col + c];
                            rows[a * n + c] = v;
                            s += v * residual[c];
                        }
                        g[a] = s;
                    }
                    dev.oscilla.fit.NormalMatrix.gram(rows, 0, n, p, n, h.data);
                }
                double maxDiag = 0;
                for (int a = 0; a < p; a++) {
                    maxDiag = Math.max(maxDiag, h.get(a, a));
                }
                if (maxDiag == 0) {
                    return false;
                }
                double[] trial = lam.clone();
                LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(p);
                DMatrixRMaj a = new DMatrixRMaj(p, p);
                DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
                DMatrixRMaj d = new DMatrixRMaj(p, 1);
                for (int attempt = 0; attempt < 8; attempt++) {
                    a.setTo(h);
                    for (int q = 0; q < p; q++) {
                        a.add(q, q, mu[i] * Math.max(h.get(q, q), 1e-12 * maxDiag));
                        rhs.set(q, 0, -g[q]);
                    }
                    if (!chol.setA(a)) {
                        mu[i] *= 10;
                        continue;
                    }
                    chol.solve(rhs, d);
                    System.arraycopy(lam, 0, trial, 0, lam.length);
                    for (int q = 0; q < p; q++) {
                        int j = flex[q];
                        trial[j] = Math.min(upper[i][j], Math.max(lower[i][j], lam[j] + d.get(q, 0)));
                    }
                    evaluator.evaluate(layouts[i], trial, 0, Quantity.EMISSIVITY, trialValue, 0, null, 0);
                    double s = 0;
                    for (int c = 0; c < n; c++) {
                        double r = residual[c] + xi * (trialValue[c] - value[c]);
                        s += r * r;
                    }
                    if (s < current) {
                        System.arraycopy(trial, 0, lam, 0, lam.length);
                        System.arraycopy(trialValue, 0, columns, i * n, n);
                        addOffset(i);
                        updateColumn(i);
                        mu[i] = Math.max(1e-7, mu[i] / 3);
                        return true;
                    }
                    mu[i] *= 4;
                }
                return false;
            }

            UnmixResult result(String name, int sweeps, int steps, String stop) {
                double rss = misfit();
                double[] modelled = new double[n];
                double[] measured = b.clone();
                for (int c = 0; c < n; c++) {
                    modelled[c] = residual[c] + b[c];
                }
                int inModel = 0;
                for (int j = 0; j < m; j++) {
                    if (fcls.isPassive(j)) {
                        inModel++;
                    }
                }
                // Standard errors of x conditional on the final Lambda (the linear step's covariance).
                int dof = n - (inModel - 1);
                double sigma2 = dof > 0 ? rss / dof : Double.NaN;
                fcls.covarianceFactor(gram, constrained, true, covariance);
                double[] se = new double[m];
                boolean[] bb = new boolean[m];
                boolean[] forced = new boolean[m];
                List<String> categories = new ArrayList<>(m);
                List<Mineral> flexed = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    double v = covariance[j * m + j] * sigma2;
                    se[j] = fcls.isPassive(j) && v > 0 ? Math.sqrt(v) : 0;
                    bb[j] = base.isBlackbody(j);
                    forced[j] = !base.isConstrained(j);
                    categories.add(base.category(j));
                    flexed.add(minerals.get(j).isBlackbody() ? minerals.get(j)
                            : minerals.get(j).withParameters(lambda[j]));
                }
                List<String> notes = new ArrayList<>(base.notes());
                notes.add(sweeps + " sweep(s), " + steps + " accepted parameter step(s), " + stop);
                if (n < base.channels()) {
                    notes.add((base.channels() - n) + " masked channel(s) of this spectrum left out");
                }
                return new UnmixResult(name, UnmixMethod.ABS, base.names(), categories, bb, forced, x, se, axis,
                        measured, modelled, steps, stop, flexed, notes);
            }
        }
    }
}
