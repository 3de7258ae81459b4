package dev.oscilla.learn;

/**
 * The inner loops of the layers. Measured on JDK 17 (C2): a loop that stores into one array while reading
 * another is vectorised only when every access uses the loop index itself (no offsets), since with offsets the
 * compiler cannot rule out that the two arrays are one and overlap; the offset form ran 3-4x slower. The layers
 * therefore stage rows in zero-offset scratch arrays ({@code System.arraycopy} is an intrinsic) and run the
 * multiply-adds here. Reductions (dot products) cannot be vectorised without reordering floating-point sums, so
 * they use four independent partial sums instead.
 */
final class Kernels {

    private Kernels() {
    }

    /** {@code y[i] += a * x[i]} for i < n. */
    static void axpy(double a, double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += a * x[i];
        }
    }

    /** {@code dst[dstOffset + i] += src[i]} for i < n (not vectorised: use it off the hot path). */
    static void addInto(double[] src, double[] dst, int dstOffset, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOffset + i] += src[i];
        }
    }

    /** Sum of {@code a[from .. from + n)}, two partial sums. */
    static double sum(double[] a, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += a[from + i];
            s1 += a[from + i + 1];
        }
        if (i < n) {
            s0 += a[from + i];
        }
        return s0 + s1;
    }

    /** Dot product of two runs, with four independent partial sums. */
    static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
