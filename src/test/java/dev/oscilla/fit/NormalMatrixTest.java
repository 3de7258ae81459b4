package dev.oscilla.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalMatrixTest {

    @Test
    void equalsTheNaiveProductForEveryShape() {
        Random rnd = new Random(2);
        for (int p = 1; p <= 11; p++) {
            for (int n : new int[] {1, 3, 17}) {
                int stride = n + 2;
                int offset = 5;
                double[] jt = new double[offset + p * stride];
                for (int i = 0; i < jt.length; i++) {
                    jt[i] = rnd.nextGaussian();
                }
                double[] h = new double[p * p];
                NormalMatrix.gram(jt, offset, stride, p, n, h);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        double s = 0;
                        for (int c = 0; c < n; c++) {
                            s += jt[offset + a * stride + c] * jt[offset + b * stride + c];
                        }
                        assertThat(h[a * p + b]).as("p=%d n=%d (%d,%d)", p, n, a, b).isCloseTo(s, offset(1e-12));
                    }
                }
            }
        }
    }
}
