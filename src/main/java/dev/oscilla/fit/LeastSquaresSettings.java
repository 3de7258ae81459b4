package dev.oscilla.fit;

/**
 * Immutable settings of the bounded Levenberg-Marquardt solver.
 *
 * @param maxIterations   accepted or rejected steps, at most
 * @param maxEvaluations  residual evaluations, at most
 * @param costTolerance   stop when an accepted step lowers the cost by less than this fraction
 * @param stepTolerance   stop when every |step_i| <= stepTolerance * (|p_i| + stepTolerance)
 * @param gradientTolerance stop when the scaled projected gradient's infinity norm falls below this
 * @param initialDamping  tau of the first damping mu = tau (relative to the diagonal of J'J)
 * @param covariance      whether to compute the covariance at the solution
 */
public record LeastSquaresSettings(int maxIterations, int maxEvaluations, double costTolerance,
                                   double stepTolerance, double gradientTolerance, double initialDamping,
                                   boolean covariance) {

    public LeastSquaresSettings {
        if (maxIterations < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("iteration and evaluation limits must be >= 1");
        }
        if (!(costTolerance >= 0) || !(stepTolerance >= 0) || !(gradientTolerance >= 0) || !(initialDamping > 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0 and the initial damping > 0");
        }
    }

    public static LeastSquaresSettings defaults() {
        return new LeastSquaresSettings(200, 2000, 1e-10, 1e-10, 1e-10, 1e-3, true);
    }

    public LeastSquaresSettings withMaxIterations(int value) {
        return new LeastSquaresSettings(value, Math.max(maxEvaluations, value), costTolerance, stepTolerance,
                gradientTolerance, initialDamping, covariance);
    }

    public LeastSquaresSettings withCostTolerance(double value) {
        return new LeastSquaresSettings(maxIterations, maxEvaluations, value, stepTolerance, gradientTolerance,
                initialDamping, covariance);
    }

    public LeastSquaresSettings withStepTolerance(double value) {
        return new LeastSquaresSettings(maxIterations, maxEvaluations, costTolerance, value, gradientTolerance,
                initialDamping, covariance);
    }

    public LeastSquaresSettings withGradientTolerance(double value) {
        return new LeastSquaresSettings(maxIterations, maxEvaluations, costTolerance, stepTolerance, value,
                initialDamping, covariance);
    }

    public LeastSquaresSettings withCovariance(boolean value) {
        return new LeastSquaresSettings(maxIterations, maxEvaluations, costTolerance, stepTolerance,
                gradientTolerance, initialDamping, value);
    }
}
