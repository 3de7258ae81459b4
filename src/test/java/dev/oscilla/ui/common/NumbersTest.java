package dev.oscilla.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void formatsWithSignificantDigitsAndNoTrailingZeros() {
        assertThat(Numbers.format(1072.0, 6)).isEqualTo("1072");
        assertThat(Numbers.format(0.0071, 6)).isEqualTo("0.0071");
        assertThat(Numbers.format(2.0 / 3.0, 4)).isEqualTo("0.6667");
        assertThat(Numbers.format(1.5e-8, 3)).isEqualTo("1.50e-08");
        assertThat(Numbers.format(Double.NaN, 3)).isEmpty();
    }

    @Test
    void parsesPlainNumbersOnly() {
        assertThat(Numbers.parse(" 1e-3 ").getAsDouble()).isEqualTo(0.001);
        assertThat(Numbers.parse(".5").getAsDouble()).isEqualTo(0.5);
        assertThat(Numbers.parse("1,5")).isEmpty();
        assertThat(Numbers.parse("NaN")).isEmpty();
        assertThat(Numbers.parse("1e999")).isEmpty();
        assertThat(Numbers.parse("")).isEmpty();
    }
}
