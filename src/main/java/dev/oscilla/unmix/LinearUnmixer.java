package dev.oscilla.unmix;

import dev.oscilla.spectrum.Spectrum;
import java.util.ArrayList;
import java.util.List;

/**
 * Linear unmixing (FCLS, NNLS, LS) of spectra against one {@link EndmemberMatrix}. The Gram matrix is shared;
 * per spectrum the work is A'b (one pass over the library), an exact active-set solve on the Gram matrix and the
 * model A x. Masked channels of a spectrum are removed from the Gram matrix by a rank-one downdate per channel.
 * Holds workspaces: not thread-safe, use one per thread (they are cheap).
 */
public final class LinearUnmixer implements SpectrumUnmixer {

    private final EndmemberMatrix matrix;
    private final UnmixSettings settings;
    private final ActiveSetSolver solver;
    private final int m;
    private final int n;
    private final boolean[] constrained;
    private final boolean sumToOne;
    // workspaces
    private final double[] b;
    private final boolean[] valid;
    private final double[] atb;
    private final double[] gramWork;
    private final int[] channelList;
    private final double[] x;
    private final double[] covariance;
    private final double[] model;
    private Spectrum loaded;        // the spectrum of the last load, on the matrix's data axis
    private double loadedBtb;       // b'b of the last load
    private final boolean[] blackbodyFlags;
    private final boolean[] forcedFlags;
    private final List<String> categories;

    public LinearUnmixer(EndmemberMatrix matrix, UnmixSettings settings) {
        if (!settings.method().isLinear()) {
            throw new IllegalArgumentException(settings.method().label() + " is not a linear unmixing method");
        }
        this.matrix = matrix;
        this.settings = settings;
        this.m = matrix.endmembers();
        this.n = matrix.channels();
        this.solver = new ActiveSetSolver(m);
        this.constrained = new boolean[m];
        for (int j = 0; j < m; j++) {
            constrained[j] = settings.method() != UnmixMethod.LS && matrix.isConstrained(j);
        }
        this.sumToOne = settings.method() == UnmixMethod.FCLS;
        b = new double[n];
        valid = new boolean[n];
        atb = new double[m];
        gramWork = new double[m * m];
        channelList = new int[n];
        model = new double[n];
        x = new double[m];
        covariance = new double[m * m];
        // the same for every spectrum: shared by all results (UnmixResult only reads them)
        blackbodyFlags = new boolean[m];
        forcedFlags = new boolean[m];
        List<String> cats = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            blackbodyFlags[j] = matrix.isBlackbody(j);
            forcedFlags[j] = !matrix.isConstrained(j);
            cats.add(matrix.category(j));
        }
        categories = List.copyOf(cats);
    }

    public EndmemberMatrix matrix() {
        return matrix;
    }

    public UnmixSettings settings() {
        return settings;
    }

    /** Unmixes one spectrum (resampled onto the matrix's data axis when its own axis differs). */
    @Override
    public UnmixResult unmix(Spectrum spectrum) {
        int nValid = load(spectrum);
        if (nValid < m) {
            throw new IllegalArgumentException("spectrum '" + spectrum.name() + "' has " + nValid
                    + " valid channels in the window, fewer than the " + m + " endmembers");
        }
        double[] gram = prepareNormalEquations(nValid);
        ActiveSetSolver.Status status = solver.solve(gram, atb, constrained, sumToOne, x);
        double rss = residualSumOfSquares(gram, x, loadedBtb);
        // Standard errors from the covariance sigma^2 (G_PP^-1 projected on the sum constraint).
        int inModel = 0;
        for (int j = 0; j < m; j++) {
            if (solver.isPassive(j)) {
                inModel++;
            }
        }
        int freeParameters = inModel - (sumToOne ? 1 : 0);
        double sigma2 = nValid > freeParameters ? rss / (nValid - freeParameters) : Double.NaN;
        solver.covarianceFactor(gram, constrained, sumToOne, covariance);
        double[] se = new double[m];
        for (int j = 0; j < m; j++) {
            double v = covariance[j * m + j] * sigma2;
            se[j] = solver.isPassive(j) && v > 0 ? Math.sqrt(v) : 0.0;
        }
        List<String> notes = matrix.notes();
        if (nValid < n || solver.ridgeUsed() > 0) {
            notes = new ArrayList<>(notes);
            if (nValid < n) {
                notes.add((n - nValid) + " masked channel(s) of this spectrum left out");
            }
            if (solver.ridgeUsed() > 0) {
                notes.add("endmembers nearly collinear: a ridge of " + solver.ridgeUsed() + " stabilised the solve");
            }
        }
        double[] abundances = x.clone();
        Spectrum source = loaded;
        return new UnmixResult(spectrum.name(), settings.method(), matrix.names(), categories, blackbodyFlags,
                forcedFlags, abundances, se, () -> spectra(source, abundances), Math.sqrt(rss / nValid),
                solver.iterations(), status == ActiveSetSolver.Status.OPTIMAL ? "optimal" : "iteration limit",
                List.of(), notes);
    }

    /**
     * ||A x - b||^2 over the valid channels, from the normal equations: b'b - 2 x'A'b + x'G x (the model spectrum
     * itself is built only when a caller asks for it); the cancellation costs ~1e-12 relative at these residual
     * levels. A near-perfect fit, where it would dominate (relative error ~1e-16 b'b / rss), is summed directly.
     */
    private double residualSumOfSquares(double[] gram, double[] abundances, double btb) {
        double xtAtb = 0;
        double xtGx = 0;
        for (int i = 0; i < m; i++) {
            double xi = abundances[i];
            if (xi == 0) {
                continue;
            }
            xtAtb += xi * atb[i];
            double row = 0;
            for (int j = 0; j < m; j++) {
                row += gram[i * m + j] * abundances[j];
            }
            xtGx += xi * row;
        }
        double rss = btb - 2 * xtAtb + xtGx;
        return rss > 1e-6 * btb ? rss : directResidualSumOfSquares(abundances);
    }

    /** sum over the valid channels of (A x - b)^2, accumulated channel by channel in the model workspace. */
    private double directResidualSumOfSquares(double[] abundances) {
        modelInto(abundances, model);
        double rss = 0;
        for (int c = 0; c < n; c++) {
            if (valid[c]) {
                double r = model[c] - b[c];
                rss += r * r;
            }
        }
        return rss;
    }

    /** out = A x on every channel, as axpys over the endmembers in the model (vectorisable). */
    private void modelInto(double[] abundances, double[] out) {
        double[] cols = matrix.columnsView();
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < m; j++) {
            double xj = abundances[j];
            if (xj != 0) {
                int o = j * n;
                for (int c = 0; c < n; c++) {
                    out[c] += xj * cols[o + c];
                }
            }
        }
    }

    /** The channels used, the measured values there and the model A x (for a result, on first use). */
    private UnmixResult.Spectra spectra(Spectrum source, double[] abundances) {
        double[] full = matrix.axisView();
        double[] model = new double[n];
        modelInto(abundances, model);
        int count = 0;
        boolean[] used = new boolean[n];
        for (int c = 0; c < n; c++) {
            int d = matrix.dataChannel(c);
            double v = source.value(d);
            used[c] = source.isValid(d) && !(settings.maskZeros() && v == 0.0);
            if (used[c]) {
                count++;
            }
        }
        double[] axis = new double[count];
        double[] measured = new double[count];
        double[] modelled = new double[count];
        int k = 0;
        for (int c = 0; c < n; c++) {
            if (used[c]) {
                axis[k] = full[c];
                measured[k] = source.value(matrix.dataChannel(c));
                modelled[k] = model[c];
                k++;
            }
        }
        return new UnmixResult.Spectra(axis, measured, modelled);
    }

    /**
     * The allocation-free path of image cubes: one spectrum given as values on the matrix's data axis (NaN =
     * missing); the abundances go to {@code abundances}, the RMS over the valid channels is returned. No standard
     * errors, no result object.
     *
     * @throws IllegalArgumentException when {@code axis} is not the matrix's data axis or fewer channels than
     *                                  endmembers are valid
     */
    @Override
    public double unmixValues(double[] axis, double[] values, double[] abundances) {
        double[] dataAxis = matrix.dataAxisView();
        if (axis != dataAxis && (axis.length != dataAxis.length || axis[0] != dataAxis[0]
                || axis[axis.length - 1] != dataAxis[dataAxis.length - 1])) {
            throw new IllegalArgumentException("values on another axis than the one the endmember matrix was built for");
        }
        int nValid = 0;
        double btb = 0;
        for (int c = 0; c < n; c++) {
            double v = values[matrix.dataChannel(c)];
            boolean ok = Double.isFinite(v) && !(settings.maskZeros() && v == 0.0);
            valid[c] = ok;
            b[c] = ok ? v : 0.0;
            if (ok) {
                nValid++;
                btb += v * v;
            }
        }
        if (nValid < m) {
            throw new IllegalArgumentException(nValid + " valid channels in the window, fewer than the " + m
                    + " endmembers");
        }
        double[] gram = prepareNormalEquations(nValid);
        solver.solve(gram, atb, constrained, sumToOne, abundances);
        return Math.sqrt(residualSumOfSquares(gram, abundances, btb) / nValid);
    }

    /**
     * The allocation-free core: solves for one spectrum given on the matrix's data axis and writes the abundances
     * into {@code out}. Returns the number of valid channels used.
     */
    public int solve(double[] dataValues, double[] out) {
        int nValid = 0;
        for (int c = 0; c < n; c++) {
            double v = dataValues[matrix.dataChannel(c)];
            boolean ok = Double.isFinite(v) && !(settings.maskZeros() && v == 0.0);
            valid[c] = ok;
            b[c] = ok ? v : 0.0;
            if (ok) {
                nValid++;
            }
        }
        double[] gram = prepareNormalEquations(nValid);
        solver.solve(gram, atb, constrained, sumToOne, out);
        return nValid;
    }

    /**
     * Loads b, the validity mask and b'b from a spectrum (kept, resampled when needed, in {@link #loaded}); returns
     * the number of valid channels.
     */
    private int load(Spectrum spectrum) {
        Spectrum s = spectrum.sameAxis(matrix.dataAxisView()) ? spectrum : spectrum.resample(matrix.dataAxisView());
        int nValid = 0;
        double btb = 0;
        for (int c = 0; c < n; c++) {
            int d = matrix.dataChannel(c);
            double v = s.value(d);
            boolean ok = s.isValid(d) && !(settings.maskZeros() && v == 0.0);
            valid[c] = ok;
            b[c] = ok ? v : 0.0;
            if (ok) {
                nValid++;
                btb += v * v;
            }
        }
        loaded = s;
        loadedBtb = btb;
        return nValid;
    }

    /** A'b over valid channels, and the Gram matrix downdated for the masked ones. */
    private double[] prepareNormalEquations(int nValid) {
        double[] cols = matrix.columnsView();
        // eight columns per pass over the channels: b is loaded once for eight independent multiply-add chains
        // (a floating-point sum is not vectorised, so the chains' latency, not the arithmetic, sets the speed)
        int col = 0;
        for (; col + 7 < m; col += 8) {
            int o0 = col * n;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            for (int c = 0; c < n; c++) {
                double bc = b[c];
                int o = o0 + c;
                s0 += cols[o] * bc;
                s1 += cols[o + n] * bc;
                s2 += cols[o + 2 * n] * bc;
                s3 += cols[o + 3 * n] * bc;
                s4 += cols[o + 4 * n] * bc;
                s5 += cols[o + 5 * n] * bc;
                s6 += cols[o + 6 * n] * bc;
                s7 += cols[o + 7 * n] * bc;
            }
            atb[col] = s0;
            atb[col + 1] = s1;
            atb[col + 2] = s2;
            atb[col + 3] = s3;
            atb[col + 4] = s4;
            atb[col + 5] = s5;
            atb[col + 6] = s6;
            atb[col + 7] = s7;
        }
        for (; col + 3 < m; col += 4) {
            int o0 = col * n;
            int o1 = o0 + n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int c = 0; c < n; c++) {
                double bc = b[c];
                s0 += cols[o0 + c] * bc;
                s1 += cols[o1 + c] * bc;
                s2 += cols[o2 + c] * bc;
                s3 += cols[o3 + c] * bc;
            }
            atb[col] = s0;
            atb[col + 1] = s1;
            atb[col + 2] = s2;
            atb[col + 3] = s3;
        }
        for (; col < m; col++) {
            atb[col] = dot(cols, col * n, b, n);
        }
        double[] gram = matrix.gramView();
        if (nValid == n) {
            return gram;
        }
        maskedGram(gram, nValid);
        return gramWork;
    }

    /** gramWork = the Gram matrix without the masked channels. */
    private void maskedGram(double[] gram, int nValid) {
        double[] cols = matrix.columnsView();
        // the Gram matrix of the masked channels (or of the valid ones, when fewer), entry by entry over the list
        // of those channels, subtracted from the full one (or taken as it is)
        boolean downdate = n - nValid <= n / 2;
        int q = 0;
        for (int c = 0; c < n; c++) {
            if (valid[c] != downdate) {
                channelList[q++] = c;
            }
        }
        for (int i = 0; i < m; i++) {
            int oi = i * n;
            for (int j = 0; j <= i; j++) {
                int oj = j * n;
                double s = 0;
                for (int t = 0; t < q; t++) {
                    int c = channelList[t];
                    s += cols[oi + c] * cols[oj + c];
                }
                double value = downdate ? gram[i * m + j] - s : s;
                gramWork[i * m + j] = value;
                gramWork[j * m + i] = value;
            }
        }
    }

    /** Dot product of a column (from offset) with b; b is zero at masked channels. Four partial sums. */
    private static double dot(double[] cols, int offset, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int c = 0;
        int n4 = n & ~3;
        for (; c < n4; c += 4) {
            s0 += cols[offset + c] * b[c];
            s1 += cols[offset + c + 1] * b[c + 1];
            s2 += cols[offset + c + 2] * b[c + 2];
            s3 += cols[offset + c + 3] * b[c + 3];
        }
        for (; c < n; c++) {
            s0 += cols[offset + c] * b[c];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
