package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.io.SpectrumReadOptions.DecimalMark;
import dev.oscilla.io.SpectrumReadOptions.ValueScale;
import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.SpectrumKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrumReadOptionsTest {

    @Test
    void toBuilderCopiesEverySetting() {
        SpectrumReadOptions options = SpectrumReadOptions.builder().axisUnit(AxisUnit.NANOMETRE)
                .valueScale(ValueScale.PERCENT).kind(SpectrumKind.REFLECTANCE).delimiter(';')
                .decimalMark(DecimalMark.COMMA).axisColumn("2").spectrumColumns(List.of("a", "3")).build();
        assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options.toBuilder().delimiter(',').build()).isNotEqualTo(options);
    }

    @Test
    void columnListIsCopiedSoLaterChangesDoNotLeakIn() {
        List<String> columns = new ArrayList<>(List.of("a"));
        SpectrumReadOptions options = SpectrumReadOptions.builder().spectrumColumns(columns).build();
        columns.add("b");
        assertThat(options.spectrumColumns()).containsExactly("a");
    }

    @Test
    void unknownKindMeansDetect() {
        assertThat(SpectrumReadOptions.builder().kind(SpectrumKind.UNKNOWN).build().kind()).isEmpty();
    }

    @Test
    void charactersThatAppearInNumbersCannotDelimit() {
        for (char c : new char[] {'.', '-', '+', '7', 'e', '"'}) {
            assertThatThrownBy(() -> SpectrumReadOptions.builder().delimiter(c))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot separate");
        }
    }

    @Test
    void blankColumnSelectorsAreRejected() {
        assertThatThrownBy(() -> SpectrumReadOptions.builder().spectrumColumns(List.of("a", " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
