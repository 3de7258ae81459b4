package dev.oscilla.physics;

import java.util.Arrays;

/**
 * The forward model of DESIGN.md section 1 on one fixed wavenumber axis, with its exact Jacobian.
 *
 * <p>Per mode and wavenumber v (cm^-1), with W = omega0^2 and D = (W - v^2)^2 + gamma^2 W v^2:
 * <pre>
 *   theta = eps_inf + sum S W (W - v^2) / D              (= eps1 = n^2 - k^2)
 *   phi   = sum (S/2) gamma omega0 W v / D                (= eps2 / 2 = n k)
 *   n = sqrt((theta + sqrt(theta^2 + 4 phi^2)) / 2),  k = phi / n
 *   R = ((n-1)^2 + k^2) / ((n+1)^2 + k^2),  E = 1 - R
 * </pre>
 * A mineral's value is the weight-average over its modes, sum w_m Q_m / sum w_m; a mineral with no modes is
 * the blackbody (E = 1). This is the convention of the published InfraRender code (Janiczek et al. 2020).
 *
 * <p>Derivatives are analytic and computed in the same pass as the values. The Jacobian is written
 * column-major: the column of parameter j occupies {@code jac[offset + j*channels ... + channels - 1]},
 * one contiguous channel run per parameter, which is the order the inner loop produces them in.
 *
 * <p>An evaluator owns its workspaces: it allocates nothing per call after the first call with a given
 * number of modes, and it is not thread-safe (use one per thread).
 */
public final class DispersionEvaluator {

    private final int channels;
    private final double[] wavenumbers;
    private final double[] v2;

    // workspaces, reused across calls
    private final double[] theta;
    private final double[] phi;
    private final double[] gradTheta;
    private final double[] gradPhi;
    private final double[] colOmega;
    private final double[] colStrength;
    private final double[] colGamma;
    private double[][] modeValues = new double[0][];

    public DispersionEvaluator(double[] wavenumbers) {
        this.channels = wavenumbers.length;
        this.wavenumbers = wavenumbers.clone();
        this.v2 = new double[channels];
        for (int c = 0; c < channels; c++) {
            double v = wavenumbers[c];
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("wavenumber " + c + " is not positive: " + v);
            }
            v2[c] = v * v;
        }
        theta = new double[channels];
        phi = new double[channels];
        gradTheta = new double[channels];
        gradPhi = new double[channels];
        colOmega = new double[channels];
        colStrength = new double[channels];
        colGamma = new double[channels];
    }

    public int channels() {
        return channels;
    }

    /** A copy of the axis this evaluator works on, cm^-1. */
    public double[] wavenumbers() {
        return wavenumbers.clone();
    }

    /** Values of {@code quantity} for a mineral; convenience over the flat-vector form. */
    public void evaluate(Mineral mineral, Quantity quantity, double[] out) {
        evaluate(mineral.layout(), mineral.parameters(), 0, quantity, out, 0, null, 0);
    }

    /** Values of {@code quantity} for the flat parameter vector {@code p} laid out as {@code layout}. */
    public void evaluate(ParameterLayout layout, double[] p, Quantity quantity, double[] out) {
        evaluate(layout, p, 0, quantity, out, 0, null, 0);
    }

    /**
     * Values and, when {@code jac} is non-null, the Jacobian (column-major, leading dimension
     * {@link #channels()}, starting at {@code jacOffset}).
     */
    public void evaluate(ParameterLayout layout, double[] p, Quantity quantity, double[] out, double[] jac) {
        evaluate(layout, p, 0, quantity, out, 0, jac, 0);
    }

    /**
     * The general form: parameters read from {@code p[pOffset ...]}, values written to
     * {@code out[outOffset ... + channels - 1]}, and when {@code jac} is non-null the Jacobian columns written
     * from {@code jac[jacOffset]} on, one run of {@link #channels()} per parameter.
     */
    public void evaluate(ParameterLayout layout, double[] p, int pOffset, Quantity quantity,
                         double[] out, int outOffset, double[] jac, int jacOffset) {
        int modes = layout.modeCount();
        if (modes == 0) {
            Arrays.fill(out, outOffset, outOffset + channels, quantity.blackbodyValue());
            return;
        }
        double totalWeight = 0;
        for (int m = 0; m < modes; m++) {
            totalWeight += p[pOffset + layout.weightIndex(m)];
        }
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("mode weights sum to " + totalWeight + ", must be > 0");
        }
        boolean withJacobian = jac != null;
        if (withJacobian && modes > 1) {
            ensureModeValues(modes);
        }
        Arrays.fill(out, outOffset, outOffset + channels, 0.0);
        for (int m = 0; m < modes; m++) {
            int base = pOffset + layout.modeOffset(m);
            int count = layout.oscillatorCount(m);
            double scale = p[pOffset + layout.weightIndex(m)] / totalWeight;
            accumulate(p, base, count);
            double[] modeValue = withJacobian && modes > 1 ? modeValues[m] : null;
            finishMode(quantity, scale, out, outOffset, modeValue, withJacobian);
            if (withJacobian) {
                int col0 = jacOffset + (layout.modeOffset(m)) * channels;
                // eps_inf enters theta with coefficient 1
                System.arraycopy(gradTheta, 0, jac, col0, channels);
                modeJacobian(p, base, count, jac, col0);
            }
        }
        if (withJacobian) {
            // weight columns: d/dw_m [sum w_l Q_l / sum w_l] = (Q_m - Q) / sum w
            double invTotal = 1.0 / totalWeight;
            for (int m = 0; m < modes; m++) {
                int col = jacOffset + layout.weightIndex(m) * channels;
                if (modes == 1) {
                    Arrays.fill(jac, col, col + channels, 0.0);
                } else {
                    double[] qm = modeValues[m];
                    for (int c = 0; c < channels; c++) {
                        jac[col + c] = (qm[c] - out[outOffset + c]) * invTotal;
                    }
                }
            }
        }
    }

    /** The oscillator columns of one mode, written after the mode's eps_inf and weight columns. */
    private void modeJacobian(double[] p, int base, int count, double[] jac, int col0) {
        for (int j = 0; j < count; j++) {
            int i = base + ParameterLayout.MODE_HEADER + ParameterLayout.PER_OSCILLATOR * j;
            int colW = col0 + (ParameterLayout.MODE_HEADER + ParameterLayout.PER_OSCILLATOR * j) * channels;
            oscillatorColumns(p[i], p[i + 1], p[i + 2]);
            System.arraycopy(colOmega, 0, jac, colW, channels);
            System.arraycopy(colStrength, 0, jac, colW + channels, channels);
            System.arraycopy(colGamma, 0, jac, colW + 2 * channels, channels);
        }
    }

    /**
     * Values and the vector-Jacobian product {@code grad[gOffset + j] = sum_c adjoint[c] * dQ_c/dp_j}
     * (the backward pass of a physics layer), without storing the Jacobian.
     */
    public void evaluateWithGradient(ParameterLayout layout, double[] p, int pOffset, Quantity quantity,
                                     double[] out, int outOffset, double[] adjoint, int adjointOffset,
                                     double[] grad, int gOffset) {
        int modes = layout.modeCount();
        if (modes == 0) {
            Arrays.fill(out, outOffset, outOffset + channels, quantity.blackbodyValue());
            return;
        }
        double totalWeight = 0;
        for (int m = 0; m < modes; m++) {
            totalWeight += p[pOffset + layout.weightIndex(m)];
        }
        if (!(totalWeight > 0)) {
            throw new IllegalArgumentException("mode weights sum to " + totalWeight + ", must be > 0");
        }
        if (modes > 1) {
            ensureModeValues(modes);
        }
        Arrays.fill(out, outOffset, outOffset + channels, 0.0);
        for (int m = 0; m < modes; m++) {
            int base = pOffset + layout.modeOffset(m);
            int count = layout.oscillatorCount(m);
            double scale = p[pOffset + layout.weightIndex(m)] / totalWeight;
            accumulate(p, base, count);
            finishMode(quantity, scale, out, outOffset, modes > 1 ? modeValues[m] : null, true);
            grad[gOffset + layout.epsInfIndex(m)] = dot(adjoint, adjointOffset, gradTheta, 0);
            modeGradient(p, base, count, adjoint, adjointOffset, grad, gOffset + layout.oscillatorIndex(m, 0));
        }
        double invTotal = 1.0 / totalWeight;
        for (int m = 0; m < modes; m++) {
            double sum = 0;
            if (modes > 1) {
                double[] qm = modeValues[m];
                for (int c = 0; c < channels; c++) {
                    sum += adjoint[adjointOffset + c] * (qm[c] - out[outOffset + c]);
                }
            }
            grad[gOffset + layout.weightIndex(m)] = sum * invTotal;
        }
    }

    /** The oscillator entries of one mode's vector-Jacobian product, from grad[gFirst] on. */
    private void modeGradient(double[] p, int base, int count, double[] adjoint, int adjointOffset, double[] grad,
                              int gFirst) {
        for (int j = 0; j < count; j++) {
            int i = base + ParameterLayout.MODE_HEADER + ParameterLayout.PER_OSCILLATOR * j;
            oscillatorColumns(p[i], p[i + 1], p[i + 2]);
            int g = gFirst + ParameterLayout.PER_OSCILLATOR * j;
            grad[g] = dot(adjoint, adjointOffset, colOmega, 0);
            grad[g + 1] = dot(adjoint, adjointOffset, colStrength, 0);
            grad[g + 2] = dot(adjoint, adjointOffset, colGamma, 0);
        }
    }

    /**
     * The optical constants of one mode: n, k, eps1 and eps2 (any output array may be null).
     */
    public void opticalConstants(ParameterLayout layout, double[] p, int mode,
                                 double[] n, double[] k, double[] eps1, double[] eps2) {
        accumulate(p, layout.modeOffset(mode), layout.oscillatorCount(mode));
        for (int c = 0; c < channels; c++) {
            double t = theta[c];
            double f = phi[c];
            if (eps1 != null) {
                eps1[c] = t;
            }
            if (eps2 != null) {
                eps2[c] = 2.0 * f;
            }
            if (n != null || k != null) {
                double r = Math.sqrt(t * t + 4.0 * f * f);
                double nn;
                double kk;
                if (t >= 0) {
                    nn = Math.sqrt(0.5 * (t + r));
                    kk = f / nn;
                } else {
                    kk = Math.sqrt(0.5 * (r - t));
                    nn = f / kk;
                }
                if (n != null) {
                    n[c] = nn;
                }
                if (k != null) {
                    k[c] = kk;
                }
            }
        }
    }

    /** theta = eps_inf + sum of the real parts; phi = sum of the imaginary halves (phi = n k). */
    private void accumulate(double[] p, int base, int count) {
        final double epsInf = p[base + ParameterLayout.EPS_INF_OFFSET];
        final double[] th = theta;
        final double[] ph = phi;
        final double[] vv = v2;
        final int nc = channels;
        Arrays.fill(th, epsInf);
        Arrays.fill(ph, 0.0);
        int i = base + ParameterLayout.MODE_HEADER;
        for (int j = 0; j < count; j++, i += ParameterLayout.PER_OSCILLATOR) {
            final double w = p[i];
            final double s = p[i + 1];
            final double g = p[i + 2];
            final double w2 = w * w;
            final double a0 = s * w2;                 // coefficient of (W - v^2)/D in theta
            final double b0 = 0.5 * s * g * w * w2;   // coefficient of v/D in phi (v applied below)
            final double g2w2 = g * g * w2;
            // The hot loop: one oscillator over all channels, branch-free so the JIT can vectorise it.
            for (int c = 0; c < nc; c++) {
                double x2 = vv[c];
                double a = w2 - x2;
                double inv = 1.0 / (a * a + g2w2 * x2);
                th[c] += a0 * a * inv;
                ph[c] += b0 * inv;
            }
        }
        final double[] v = wavenumbers;
        for (int c = 0; c < nc; c++) {
            ph[c] *= v[c];
        }
    }

    /**
     * Adds {@code scale * Q_mode} to {@code out} and, with {@code derivatives}, leaves
     * {@code scale * dQ/dtheta} in gradTheta and {@code scale * dQ/dphi} in gradPhi.
     */
    private void finishMode(Quantity quantity, double scale, double[] out, int outOffset, double[] modeValue,
                            boolean derivatives) {
        final double[] th = theta;
        final double[] ph = phi;
        for (int c = 0; c < channels; c++) {
            double t = th[c];
            double f = ph[c];
            double value;
            double dT;
            double dP;
            if (quantity == Quantity.EPS1) {
                value = t;
                dT = 1.0;
                dP = 0.0;
            } else if (quantity == Quantity.EPS2) {
                value = 2.0 * f;
                dT = 0.0;
                dP = 2.0;
            } else {
                // n + ik = sqrt(theta + 2i phi); the branch on the sign of theta avoids cancellation.
                double r = Math.sqrt(t * t + 4.0 * f * f);
                double n;
                double k;
                if (t >= 0) {
                    n = Math.sqrt(0.5 * (t + r));
                    k = f / n;
                } else {
                    k = Math.sqrt(0.5 * (r - t));
                    n = f / k;
                }
                // From n^2 - k^2 = theta and n k = phi: dn = (n dtheta + 2k dphi) / (2M),
                // dk = (2n dphi - k dtheta) / (2M), with M = n^2 + k^2 = |eps|.
                double invM = 1.0 / (n * n + k * k);
                double dnT = 0.5 * n * invM;
                double dnP = k * invM;
                double dkT = -0.5 * k * invM;
                double dkP = n * invM;
                if (quantity == Quantity.N) {
                    value = n;
                    dT = dnT;
                    dP = dnP;
                } else if (quantity == Quantity.K) {
                    value = k;
                    dT = dkT;
                    dP = dkP;
                } else {
                    double np1 = n + 1.0;
                    double nm1 = n - 1.0;
                    double k2 = k * k;
                    double q = np1 * np1 + k2;
                    double invQ = 1.0 / q;
                    double refl = (nm1 * nm1 + k2) * invQ;
                    double invQ2 = invQ * invQ;
                    double dRn = 4.0 * (n * n - 1.0 - k2) * invQ2;
                    double dRk = 8.0 * n * k * invQ2;
                    double dRT = dRn * dnT + dRk * dkT;
                    double dRP = dRn * dnP + dRk * dkP;
                    if (quantity == Quantity.REFLECTANCE) {
                        value = refl;
                        dT = dRT;
                        dP = dRP;
                    } else {
                        value = 1.0 - refl;
                        dT = -dRT;
                        dP = -dRP;
                    }
                }
            }
            out[outOffset + c] += scale * value;
            if (modeValue != null) {
                modeValue[c] = value;
            }
            if (derivatives) {
                gradTheta[c] = scale * dT;
                gradPhi[c] = scale * dP;
            }
        }
    }

    /**
     * The three Jacobian columns (omega0, S, gamma) of one oscillator, chained through gradTheta/gradPhi, into
     * {@code dst} at the three offsets.
     *
     * <p>With W = omega0^2, a = W - v^2, D = a^2 + g^2 W v^2, inv = 1/D, A = a/D, P = v/D, q = v^2/D and
     * e = 2a + g^2 v^2 (so dD/domega0 = 2 omega0 e, dD/dg = 2 g W v^2), for theta_j = S W A and
     * phi_j = (S/2) g omega0 W P:
     * <pre>
     *   dtheta/dS = W A                         dphi/dS = (g omega0 W / 2) P
     *   dtheta/dg = -2 S g W^2 A q              dphi/dg = (S omega0 W / 2) P (1 - 2 g^2 W q)
     *   dtheta/domega0 = 2 S omega0 ((2W - v^2) inv - W A e inv)
     *   dphi/domega0   = (S W g / 2) P (3 - 2 W e inv)
     * </pre>
     */
    void oscillatorColumns(double w, double s, double g) {
        final double w2 = w * w;
        final double g2 = g * g;
        final double g2w2 = g2 * w2;
        final double halfGW3 = 0.5 * g * w * w2;
        final double cThG = -2.0 * s * g * w2 * w2;
        final double cPhG = 0.5 * s * w * w2;
        final double twoG2W2 = 2.0 * g2w2;
        final double cThW = 2.0 * s * w;
        final double twoW2 = 2.0 * w2;
        final double cPhW = 0.5 * s * w2 * g;
        final int nc = channels;
        // Three self-contained loops, one output each, every one recomputing 1/D: measured on JDK 17, C2
        // vectorises a loop with one store at index c (and a division) but neither a fused loop with three stores
        // nor a store at an offset into an array that might alias an input; a chain of eight short loops through
        // scratch arrays was a third slower than this.
        strengthColumn(nc, v2, wavenumbers, gradTheta, gradPhi, w2, g2w2, halfGW3, colStrength);
        gammaColumn(nc, v2, wavenumbers, gradTheta, gradPhi, w2, g2w2, cThG, cPhG, twoG2W2, colGamma);
        omegaColumn(nc, v2, wavenumbers, gradTheta, gradPhi, w2, g2, g2w2, twoW2, cThW, cPhW, colOmega);
    }

    /** dQ/dS = dQ/dtheta W (W - v^2) / D + dQ/dphi (g omega0 W / 2) v / D. */
    private static void strengthColumn(int nc, double[] vv, double[] v, double[] gT, double[] gP, double w2,
                                       double g2w2, double halfGW3, double[] out) {
        for (int c = 0; c < nc; c++) {
            double x2 = vv[c];
            double a = w2 - x2;
            double inv = 1.0 / (a * a + g2w2 * x2);
            out[c] = (gT[c] * w2 * a + gP[c] * halfGW3 * v[c]) * inv;
        }
    }

    /** dQ/dgamma, with q = v^2 / D: dtheta/dg = -2 S g W^2 (a/D) q, dphi/dg = (S omega0 W / 2)(v/D)(1 - 2 g^2 W q). */
    private static void gammaColumn(int nc, double[] vv, double[] v, double[] gT, double[] gP, double w2, double g2w2,
                                    double cThG, double cPhG, double twoG2W2, double[] out) {
        for (int c = 0; c < nc; c++) {
            double x2 = vv[c];
            double a = w2 - x2;
            double inv = 1.0 / (a * a + g2w2 * x2);
            double q = x2 * inv;
            out[c] = (cThG * gT[c] * a * q + cPhG * gP[c] * v[c] * (1.0 - twoG2W2 * q)) * inv;
        }
    }

    /**
     * dQ/domega0, with t = e / D, e = 2a + g^2 v^2: dtheta/domega0 = 2 S omega0 ((2W - v^2) - W a t) / D,
     * dphi/domega0 = (S W g / 2)(v / D)(3 - 2 W t).
     */
    private static void omegaColumn(int nc, double[] vv, double[] v, double[] gT, double[] gP, double w2, double g2,
                                    double g2w2, double twoW2, double cThW, double cPhW, double[] out) {
        for (int c = 0; c < nc; c++) {
            double x2 = vv[c];
            double a = w2 - x2;
            double inv = 1.0 / (a * a + g2w2 * x2);
            double t = (2.0 * a + g2 * x2) * inv;
            out[c] = (cThW * gT[c] * ((twoW2 - x2) - w2 * a * t) + cPhW * gP[c] * v[c] * (3.0 - twoW2 * t)) * inv;
        }
    }

    /** Dot product over the channels with four partial sums (independent chains keep the FPU busy). */
    private double dot(double[] a, int aOffset, double[] b, int bOffset) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int c = 0;
        int n4 = channels & ~3;
        for (; c < n4; c += 4) {
            s0 += a[aOffset + c] * b[bOffset + c];
            s1 += a[aOffset + c + 1] * b[bOffset + c + 1];
            s2 += a[aOffset + c + 2] * b[bOffset + c + 2];
            s3 += a[aOffset + c + 3] * b[bOffset + c + 3];
        }
        for (; c < channels; c++) {
            s0 += a[aOffset + c] * b[bOffset + c];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private void ensureModeValues(int modes) {
        if (modeValues.length < modes) {
            double[][] grown = new double[modes][];
            for (int m = 0; m < modes; m++) {
                grown[m] = m < modeValues.length ? modeValues[m] : new double[channels];
            }
            modeValues = grown;
        }
    }
}
