package dev.oscilla.fit;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;

/**
 * The residual of a dispersion model against a measured spectrum, r(p) = Q(p) - data on the channels used,
 * with the forward model's exact Jacobian (already column-major, as the solver wants it).
 */
final class DispersionResidual implements ResidualModel {

    private final DispersionEvaluator evaluator;
    private final ParameterLayout layout;
    private final double[] data;
    private final Quantity quantity;

    DispersionResidual(double[] axis, double[] data, ParameterLayout layout, Quantity quantity) {
        this.evaluator = new DispersionEvaluator(axis);
        this.data = data.clone();
        this.layout = layout;
        this.quantity = quantity;
    }

    @Override
    public int residualCount() {
        return data.length;
    }

    @Override
    public int parameterCount() {
        return layout.size();
    }

    @Override
    public void evaluate(double[] p, double[] residual, double[] jacobian) {
        evaluator.evaluate(layout, p, 0, quantity, residual, 0, jacobian, 0);
        for (int c = 0; c < data.length; c++) {
            residual[c] -= data[c];
        }
    }

    /** The model values (not the residual) at p. */
    void values(double[] p, double[] out) {
        evaluator.evaluate(layout, p, 0, quantity, out, 0, null, 0);
    }
}
