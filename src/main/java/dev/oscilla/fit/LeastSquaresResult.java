package dev.oscilla.fit;

/**
 * The immutable outcome of a least-squares solve.
 *
 * <p>Uncertainties: the covariance is sigma^2 (J'WJ)^-1 over the parameters that were free at the solution
 * (not locked, not held at a bound), with sigma^2 = chi^2 / (residuals - free parameters) (the residual scatter
 * sets the error scale, as in most fitting programs); locked and bound-held parameters have standard error 0 and
 * no correlations. The L1 penalty is treated as a prior and does not enter the covariance.
 */
public final class LeastSquaresResult {

    private final double[] parameters;
    private final double[] covariance;  // n x n row-major, or null when not computed
    private final double[] standardErrors;
    private final boolean[] free;
    private final double cost;
    private final double chiSquare;
    private final double rms;
    private final int residuals;
    private final int iterations;
    private final int evaluations;
    private final StopReason stopReason;

    LeastSquaresResult(double[] parameters, double[] covariance, boolean[] free, double cost, double chiSquare,
                       double rms, int residuals, int iterations, int evaluations, StopReason stopReason) {
        this.parameters = parameters.clone();
        this.covariance = covariance == null ? null : covariance.clone();
        this.free = free.clone();
        this.cost = cost;
        this.chiSquare = chiSquare;
        this.rms = rms;
        this.residuals = residuals;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.stopReason = stopReason;
        int n = parameters.length;
        standardErrors = new double[n];
        if (covariance != null) {
            for (int j = 0; j < n; j++) {
                double v = covariance[j * n + j];
                standardErrors[j] = v > 0 ? Math.sqrt(v) : 0.0;
            }
        }
    }

    public double[] parameters() {
        return parameters.clone();
    }

    public double parameter(int j) {
        return parameters[j];
    }

    public int parameterCount() {
        return parameters.length;
    }

    public boolean hasCovariance() {
        return covariance != null;
    }

    /** Covariance, n x n row-major (zero rows/columns for parameters that were not free). */
    public double[] covariance() {
        return covariance == null ? null : covariance.clone();
    }

    public double standardError(int j) {
        return standardErrors[j];
    }

    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** Correlation coefficient between parameters i and j (NaN when either has no variance). */
    public double correlation(int i, int j) {
        if (covariance == null) {
            return Double.NaN;
        }
        int n = parameters.length;
        double d = Math.sqrt(covariance[i * n + i] * covariance[j * n + j]);
        return d > 0 ? covariance[i * n + j] / d : Double.NaN;
    }

    /** Whether parameter j was free (not locked, not at a bound) at the solution. */
    public boolean isFree(int j) {
        return free[j];
    }

    /** The minimised objective: 0.5 chi^2 plus the L1 penalty. */
    public double cost() {
        return cost;
    }

    /** sum_i w_i r_i^2 at the solution. */
    public double chiSquare() {
        return chiSquare;
    }

    /** chi^2 / (residuals - free parameters). */
    public double reducedChiSquare() {
        int dof = residuals - freeCount();
        return dof > 0 ? chiSquare / dof : Double.NaN;
    }

    /** sqrt(mean of the unweighted squared residuals). */
    public double rms() {
        return rms;
    }

    public int freeCount() {
        int k = 0;
        for (boolean f : free) {
            if (f) {
                k++;
            }
        }
        return k;
    }

    public int iterations() {
        return iterations;
    }

    public int evaluations() {
        return evaluations;
    }

    public StopReason stopReason() {
        return stopReason;
    }
}
