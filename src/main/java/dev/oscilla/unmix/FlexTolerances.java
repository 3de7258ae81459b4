package dev.oscilla.unmix;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;

/**
 * How far each kind of parameter may flex around its library value in analysis-by-synthesis and inverse
 * rendering, as a fraction of the value: the box is value * (1 -/+ tolerance). As in the published code
 * ({@code set_constraint_tolerance}), this box replaces any bounds stored with the mineral (those describe the
 * fit that produced the library, not how far a sample may differ from it). The published defaults (Janiczek et al. 2020, demo settings): omega0 1 %, gamma 0.5 %,
 * S 5 %, eps_inf 0.01 %, mode weight 0.01 %.
 */
public record FlexTolerances(double omega0, double strength, double gamma, double epsInf, double weight) {

    public static final FlexTolerances PUBLISHED = new FlexTolerances(0.01, 0.05, 0.005, 1e-4, 1e-4);

    /**
     * Oscilla's defaults, tuned on the 60 valid development rocks of the feely data (window 399.29-1998.38 cm^-1,
     * 4 sweeps): omega0 2 %, S 30 %, gamma 10 %, eps_inf and weights as published. Band strengths and widths are
     * what grain size and packing change most. Measured (mean over the rocks): with the published parameter file,
     * RMS 0.0058 with the published boxes against 0.0041 with these, at the same abundance error (squared error
     * 0.137 vs 0.135); with the library fitted by Oscilla's own fitter ({@code bench fit}, 1 start), squared error
     * 0.130 and RMS 0.0039 (FCLS on the measured library: 0.129 and 0.0075). Scaling all boxes from 0 to 2x moves
     * the squared error only between 0.132 and 0.137 with the published parameters. Wider boxes lower the RMS further but not the abundance error.
     */
    public static final FlexTolerances DEFAULT = new FlexTolerances(0.02, 0.30, 0.10, 1e-4, 1e-4);

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
        return new ParameterBounds(lo, hi);
    }

    public FlexTolerances scaled(double factor) {
        return new FlexTolerances(Math.min(0.99, omega0 * factor), Math.min(0.99, strength * factor),
                Math.min(0.99, gamma * factor), Math.min(0.99, epsInf * factor), Math.min(0.99, weight * factor));
    }
}
