package dev.oscilla.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place Cholesky factor: L L' reproduces A, the factor is the textbook row-by-row one bit for bit. */
class CholeskyTest {

    /** A random symmetric positive-definite matrix B'B + I, n x n. */
    private static double[] spd(int n, long seed) {
        Random r = new Random(seed);
        int m = n + 3;
        double[] b = new double[m * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < m; k++) {
                    s += b[k * n + i] * b[k * n + j];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    /** Cholesky-Banachiewicz written out entry by entry (the order every entry's sum must keep). */
    private static void rowByRow(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = i == j ? Math.sqrt(sum) : sum / a[j * n + j];
            }
        }
    }

    @Test
    void theFactorReproducesTheMatrixAndEqualsTheRowByRowFactorBitForBit() {
        for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 37, 101}) {
            double[] a = spd(n, n);
            double[] fast = a.clone();
            double[] plain = a.clone();
            assertThat(Cholesky.factor(fast, n)).isTrue();
            rowByRow(plain, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertThat(Double.doubleToLongBits(fast[i * n + j])).as("n=%d L[%d][%d]", n, i, j)
                            .isEqualTo(Double.doubleToLongBits(plain[i * n + j]));
                    double s = 0;
                    for (int k = 0; k <= j; k++) {
                        s += fast[i * n + k] * fast[j * n + k];
                    }
                    assertThat(s).isCloseTo(a[i * n + j], org.assertj.core.api.Assertions.within(1e-9 * n));
                }
            }
        }
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteIsRefused() {
        for (int n : new int[] {3, 6, 11}) {
            double[] a = spd(n, 7);
            a[(n - 1) * n + (n - 1)] = -1; // the last pivot turns negative
            assertThat(Cholesky.factor(a, n)).as("n=%d", n).isFalse();
            double[] b = spd(n, 8);
            b[0] = Double.NaN;
            assertThat(Cholesky.factor(b, n)).as("n=%d NaN", n).isFalse();
        }
    }
}
