package dev.oscilla.fit;

/** Why a least-squares solve stopped. */
public enum StopReason {
    /** The relative decrease of the cost fell below the cost tolerance. */
    COST_TOLERANCE("cost converged"),
    /** The scaled step fell below the step tolerance. */
    STEP_TOLERANCE("step converged"),
    /** The projected gradient vanished (first-order optimality within the bounds). */
    GRADIENT_TOLERANCE("gradient converged"),
    MAX_ITERATIONS("iteration limit reached"),
    MAX_EVALUATIONS("evaluation limit reached"),
    /** Every parameter is locked (or held at a bound): nothing to solve. */
    NO_FREE_PARAMETERS("no free parameters"),
    /** No step could decrease the cost even with very strong damping (a local minimum to machine precision). */
    NO_PROGRESS("no further progress possible");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean converged() {
        return this == COST_TOLERANCE || this == STEP_TOLERANCE || this == GRADIENT_TOLERANCE
                || this == NO_PROGRESS || this == NO_FREE_PARAMETERS;
    }
}
