package dev.oscilla.fit;

/**
 * In-place Cholesky factorisation and solve of small dense symmetric positive-definite systems, allocation-free,
 * for the damped Gauss-Newton steps solved many times per fit (EJML's solver allocates per call; this kernel
 * reuses the caller's arrays).
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Overwrites the lower triangle of {@code a} (row-major n x n, leading dimension n) with L, A = L L'.
     * Row-oriented (Cholesky-Banachiewicz): each entry is a contiguous dot product of two rows of L, summed in order.
     *
     * <p>Four rows are computed together: their entries left of the diagonal block share the loads of row j and
     * form four independent chains (one chain waits on the add latency at every step; measured 1.6-2x faster at
     * n = 150-300). Every entry is still the same sequential sum, so the factor is bit for bit the one of the plain
     * row-by-row loop (the fits that depend on it do not change).
     *
     * @return false when A is not numerically positive definite
     */
    static boolean factor(double[] a, int n) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            int r0 = i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int j = 0; j < i; j++) {
                int rj = j * n;
                double s0 = a[r0 + j];
                double s1 = a[r1 + j];
                double s2 = a[r2 + j];
                double s3 = a[r3 + j];
                for (int k = 0; k < j; k++) {
                    double l = a[rj + k];
                    s0 -= a[r0 + k] * l;
                    s1 -= a[r1 + k] * l;
                    s2 -= a[r2 + k] * l;
                    s3 -= a[r3 + k] * l;
                }
                double d = a[rj + j];
                a[r0 + j] = s0 / d;
                a[r1 + j] = s1 / d;
                a[r2 + j] = s2 / d;
                a[r3 + j] = s3 / d;
            }
            // the 4 x 4 diagonal block, row by row as the plain loop would
            for (int row = i; row < i + 4; row++) {
                if (!factorRow(a, n, row, i)) {
                    return false;
                }
            }
        }
        for (; i < n; i++) {
            if (!factorRow(a, n, i, 0)) {
                return false;
            }
        }
        return true;
    }

    /** Entries (i, j) for from <= j <= i of row i, given every entry left of them. */
    private static boolean factorRow(double[] a, int n, int i, int from) {
        int ri = i * n;
        for (int j = from; j <= i; j++) {
            int rj = j * n;
            double sum = a[ri + j];
            for (int k = 0; k < j; k++) {
                sum -= a[ri + k] * a[rj + k];
            }
            if (i == j) {
                if (!(sum > 0) || !Double.isFinite(sum)) {
                    return false;
                }
                a[ri + i] = Math.sqrt(sum);
            } else {
                a[ri + j] = sum / a[rj + j];
            }
        }
        return true;
    }

    /** Solves L L' x = b with the factor from {@link #factor}; b and x may be the same array. */
    static void solve(double[] l, int n, double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[ri + k] * x[k];
            }
            x[i] = sum / l[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * x[k];
            }
            x[i] = sum / l[i * n + i];
        }
    }
}
