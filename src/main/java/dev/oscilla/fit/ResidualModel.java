package dev.oscilla.fit;

/**
 * A vector residual r(p) = model(p) - data with its Jacobian dr/dp. Implementations own their workspaces and
 * are used by one thread at a time.
 */
public interface ResidualModel {

    /** Number of residuals (channels). */
    int residualCount();

    /** Number of parameters. */
    int parameterCount();

    /**
     * Evaluates the residual at {@code p} into {@code residual}; when {@code jacobian} is non-null also writes
     * the Jacobian column-major: column j (d r / d p_j) at {@code jacobian[j * residualCount() ... ]}.
     */
    void evaluate(double[] p, double[] residual, double[] jacobian);
}
