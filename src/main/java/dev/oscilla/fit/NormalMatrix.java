package dev.oscilla.fit;

/**
 * The normal matrix H = J'J of a Jacobian stored with one contiguous run per parameter (J transposed,
 * row-major p x n, which is exactly the column-major Jacobian the forward model writes).
 *
 * <p>This is the dominant cost of a Gauss-Newton iteration (p^2 n / 2 multiply-adds). The kernel computes the
 * upper triangle in 2 x 4 register blocks (eight independent accumulators per pass over the channels, six loads
 * for eight multiply-adds) and mirrors it; on the development machine it runs several times faster than a plain
 * dot-product loop.
 */
public final class NormalMatrix {

    private NormalMatrix() {
    }

    /**
     * h[a * p + b] = sum_c jt[oa + c] * jt[ob + c] for all a, b < p, with oa = offset + a * stride.
     *
     * @param jt     the rows (one per parameter), each of length n
     * @param offset index of row 0's first element
     * @param stride distance between consecutive rows (>= n)
     * @param p      number of rows
     * @param n      row length (channels)
     * @param h      output, p x p row-major
     */
    public static void gram(double[] jt, int offset, int stride, int p, int n, double[] h) {
        int a = 0;
        for (; a + 1 < p; a += 2) {
            int r0 = offset + a * stride;
            int r1 = r0 + stride;
            int b = a;
            for (; b + 3 < p; b += 4) {
                int q0 = offset + b * stride;
                int q1 = q0 + stride;
                int q2 = q1 + stride;
                int q3 = q2 + stride;
                double s00 = 0;
                double s01 = 0;
                double s02 = 0;
                double s03 = 0;
                double s10 = 0;
                double s11 = 0;
                double s12 = 0;
                double s13 = 0;
                for (int c = 0; c < n; c++) {
                    double x0 = jt[r0 + c];
                    double x1 = jt[r1 + c];
                    double y0 = jt[q0 + c];
                    double y1 = jt[q1 + c];
                    double y2 = jt[q2 + c];
                    double y3 = jt[q3 + c];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s02 += x0 * y2;
                    s03 += x0 * y3;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s12 += x1 * y2;
                    s13 += x1 * y3;
                }
                h[a * p + b] = s00;
                h[a * p + b + 1] = s01;
                h[a * p + b + 2] = s02;
                h[a * p + b + 3] = s03;
                h[(a + 1) * p + b] = s10;
                h[(a + 1) * p + b + 1] = s11;
                h[(a + 1) * p + b + 2] = s12;
                h[(a + 1) * p + b + 3] = s13;
            }
            for (; b < p; b++) {
                int q = offset + b * stride;
                double s0 = 0;
                double s1 = 0;
                for (int c = 0; c < n; c++) {
                    double y = jt[q + c];
                    s0 += jt[r0 + c] * y;
                    s1 += jt[r1 + c] * y;
                }
                h[a * p + b] = s0;
                h[(a + 1) * p + b] = s1;
            }
        }
        for (; a < p; a++) {
            int r0 = offset + a * stride;
            for (int b = a; b < p; b++) {
                int q = offset + b * stride;
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += jt[r0 + c] * jt[q + c];
                }
                h[a * p + b] = s;
            }
        }
        // mirror the upper triangle (the blocks above also filled h[(a+1)*p + a], which is the mirrored value)
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                h[i * p + j] = h[j * p + i];
            }
        }
    }
}
