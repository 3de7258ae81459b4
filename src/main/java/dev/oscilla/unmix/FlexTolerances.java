package dev.oscilla.unmix;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;

/**
 * How far each kind of parameter may flex around its library value in analysis-by-synthesis and inverse
 * rendering, as a fraction of the value (the box is value * (1 -/+ tolerance), intersected with the mineral's own
 * bounds when it has any). The published defaults (Janiczek et al. 2020, demo settings): omega0 1 %, gamma 0.5 %,
 * S 5 %, eps_inf 0.01 %, mode weight 0.01 %.
 */
public record FlexTolerances(double omega0, double strength, double gamma, double epsInf, double weight) {

    public static final FlexTolerances PUBLISHED = new FlexTolerances(0.01, 0.05, 0.005, 1e-4, 1e-4);

    public FlexTolerances {
        for (double t : new double[] {omega0, strength, gamma, epsInf, weight}) {
            if (!(t >= 0) || t >= 1) {
                throw new IllegalArgumentException("tolerances must be in [0, 1), got " + t);
            }
        }
    }

    public double of(ParameterKind kind) {
        switch (kind) {
            case OMEGA0:
                return omega0;
            case STRENGTH:
                return strength;
            case GAMMA:
                return gamma;
            case EPS_INF:
                return epsInf;
            default:
                return weight;
        }
    }

    /** The box around the mineral's current parameters. */
    public ParameterBounds boxFor(Mineral mineral) {
        ParameterLayout layout = mineral.layout();
        double[] p = mineral.parameters();
        double[] lo = new double[p.length];
        double[] hi = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double t = of(layout.kindOf(i));
            double a = p[i] * (1 - t);
            double b = p[i] * (1 + t);
            lo[i] = Math.min(a, b);
            hi[i] = Math.max(a, b);
        }
        ParameterBounds box = new ParameterBounds(lo, hi);
        if (mineral.bounds() != null) {
            try {
                return box.intersect(mineral.bounds());
            } catch (IllegalArgumentException e) {
                return box; // the stored bounds exclude the current value: the tolerance box wins
            }
        }
        return box;
    }

    public FlexTolerances scaled(double factor) {
        return new FlexTolerances(Math.min(0.99, omega0 * factor), Math.min(0.99, strength * factor),
                Math.min(0.99, gamma * factor), Math.min(0.99, epsInf * factor), Math.min(0.99, weight * factor));
    }
}
