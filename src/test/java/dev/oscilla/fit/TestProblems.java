package dev.oscilla.fit;


/**
 * Classic least-squares test functions with published minima (Moré, Garbow and Hillstrom, "Testing Unconstrained
 * Optimization Software", ACM TOMS 7, 1981), defined by their formulas and analytic Jacobians.
 */
final class TestProblems {

    private TestProblems() {
    }

    /** A residual model from a lambda filling residual and (optional) column-major Jacobian. */
    static ResidualModel model(int m, int n, Evaluation f) {
        return new ResidualModel() {
            @Override
            public int residualCount() {
                return m;
            }

            @Override
            public int parameterCount() {
                return n;
            }

            @Override
            public void evaluate(double[] p, double[] r, double[] j) {
                f.evaluate(p, r, j);
            }
        };
    }

    interface Evaluation {
        void evaluate(double[] p, double[] r, double[] j);
    }

    /** Rosenbrock (MGH 1): r = (10 (x2 - x1^2), 1 - x1); minimum 0 at (1, 1); start (-1.2, 1). */
    static ResidualModel rosenbrock() {
        return model(2, 2, (p, r, j) -> {
            r[0] = 10 * (p[1] - p[0] * p[0]);
            r[1] = 1 - p[0];
            if (j != null) {
                j[0] = -20 * p[0]; // dr0/dx1
                j[1] = -1;         // dr1/dx1
                j[2] = 10;         // dr0/dx2
                j[3] = 0;          // dr1/dx2
            }
        });
    }

    /** Helical valley (MGH 7): minimum 0 at (1, 0, 0); start (-1, 0, 0). */
    static ResidualModel helicalValley() {
        return model(3, 3, (p, r, j) -> {
            double x1 = p[0];
            double x2 = p[1];
            double theta = Math.atan2(x2, x1) / (2 * Math.PI);
            double rad = Math.hypot(x1, x2);
            r[0] = 10 * (p[2] - 10 * theta);
            r[1] = 10 * (rad - 1);
            r[2] = p[2];
            if (j != null) {
                double q = x1 * x1 + x2 * x2;
                double dThetaDx1 = -x2 / (2 * Math.PI * q);
                double dThetaDx2 = x1 / (2 * Math.PI * q);
                j[0] = -100 * dThetaDx1;
                j[1] = 10 * x1 / rad;
                j[2] = 0;
                j[3] = -100 * dThetaDx2;
                j[4] = 10 * x2 / rad;
                j[5] = 0;
                j[6] = 10;
                j[7] = 0;
                j[8] = 1;
            }
        });
    }

    /** Powell singular (MGH 13): minimum 0 at the origin (singular Jacobian there); start (3, -1, 0, 1). */
    static ResidualModel powellSingular() {
        return model(4, 4, (p, r, j) -> {
            double s5 = Math.sqrt(5);
            double s10 = Math.sqrt(10);
            r[0] = p[0] + 10 * p[1];
            r[1] = s5 * (p[2] - p[3]);
            r[2] = (p[1] - 2 * p[2]) * (p[1] - 2 * p[2]);
            r[3] = s10 * (p[0] - p[3]) * (p[0] - p[3]);
            if (j != null) {
                java.util.Arrays.fill(j, 0);
                j[0] = 1;
                j[3] = 2 * s10 * (p[0] - p[3]);
                j[4] = 10;
                j[6] = 2 * (p[1] - 2 * p[2]);
                j[9] = s5;
                j[10] = -4 * (p[1] - 2 * p[2]);
                j[13] = -s5;
                j[15] = -2 * s10 * (p[0] - p[3]);
            }
        });
    }

    /** Box three-dimensional (MGH 12), m = 10: minimum 0 at (1, 10, 1); start (0, 10, 20). */
    static ResidualModel box3d() {
        int m = 10;
        return model(m, 3, (p, r, j) -> {
            for (int i = 0; i < m; i++) {
                double t = 0.1 * (i + 1);
                r[i] = Math.exp(-t * p[0]) - Math.exp(-t * p[1]) - p[2] * (Math.exp(-t) - Math.exp(-10 * t));
                if (j != null) {
                    j[i] = -t * Math.exp(-t * p[0]);
                    j[m + i] = t * Math.exp(-t * p[1]);
                    j[2 * m + i] = -(Math.exp(-t) - Math.exp(-10 * t));
                }
            }
        });
    }

    /** Brown badly scaled (MGH 4): minimum 0 at (1e6, 2e-6); start (1, 1). */
    static ResidualModel brownBadlyScaled() {
        return model(3, 2, (p, r, j) -> {
            r[0] = p[0] - 1e6;
            r[1] = p[1] - 2e-6;
            r[2] = p[0] * p[1] - 2;
            if (j != null) {
                j[0] = 1;
                j[1] = 0;
                j[2] = p[1];
                j[3] = 0;
                j[4] = 1;
                j[5] = p[0];
            }
        });
    }

    /**
     * Meyer (MGH 10): a notoriously ill-conditioned exponential fit; minimum sum of squares 87.9458 at about
     * (0.0056096, 6181.35, 345.224); start (0.02, 4000, 250).
     */
    static ResidualModel meyer() {
        double[] y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820,
            3307, 2872};
        int m = y.length;
        return model(m, 3, (p, r, j) -> {
            for (int i = 0; i < m; i++) {
                double t = 45 + 5 * (i + 1);
                double d = t + p[2];
                double e = Math.exp(p[1] / d);
                r[i] = p[0] * e - y[i];
                if (j != null) {
                    j[i] = e;
                    j[m + i] = p[0] * e / d;
                    j[2 * m + i] = -p[0] * e * p[1] / (d * d);
                }
            }
        });
    }

}
