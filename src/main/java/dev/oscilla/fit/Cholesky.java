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
     * Row-oriented (Cholesky-Banachiewicz): each entry is a contiguous dot product of two rows of L.
     *
     * @return false when A is not numerically positive definite
     */
    static boolean factor(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
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
