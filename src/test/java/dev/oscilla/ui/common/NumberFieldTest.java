package dev.oscilla.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberFieldTest {

    private final List<double[]> edits = new ArrayList<>();
    private final List<Object> keys = new ArrayList<>();

    private NumberField field(NumberField.SliderScale scale, double min, double max) {
        return new NumberField("x", v -> v > 0 ? null : "must be > 0", (v, key) -> {
            edits.add(new double[] {v});
            keys.add(key);
        }, scale, min, max);
    }

    @Test
    void showFormatsTheValueAndMovesTheSlider() {
        NumberField f = field(NumberField.SliderScale.LOG10, 1e-4, 10);
        f.show(0.0071);
        assertThat(f.textProperty().get()).isEqualTo("0.0071");
        assertThat(f.sliderPositionProperty().get()).isCloseTo(Math.log10(0.0071), within(1e-12));
        assertThat(edits).as("presenting a value is not an edit").isEmpty();
    }

    @Test
    void aValidTypedValueBecomesOneEdit() {
        NumberField f = field(NumberField.SliderScale.LINEAR, 0, 2000);
        f.show(1072);
        f.textProperty().set(" 1080.5 ");
        f.commit();
        assertThat(edits).hasSize(1);
        assertThat(edits.get(0)[0]).isEqualTo(1080.5);
        assertThat(keys.get(0)).as("typed edits are never merged").isNull();
    }

    @Test
    void invalidTextIsFlaggedAndRevertedOnCommit() {
        NumberField f = field(NumberField.SliderScale.LINEAR, 0, 2000);
        f.show(1072);
        f.textProperty().set("-3");
        assertThat(f.textValidProperty().get()).isFalse();
        assertThat(f.problemProperty().get()).contains("must be > 0");
        f.commit();
        assertThat(edits).isEmpty();
        assertThat(f.textProperty().get()).isEqualTo("1072");
        assertThat(f.textValidProperty().get()).isTrue();
        f.textProperty().set("12a");
        assertThat(f.textValidProperty().get()).isFalse();
    }

    @Test
    void committingTheShownTextChangesNothing() {
        NumberField f = field(NumberField.SliderScale.LINEAR, 0, 2000);
        f.show(1.0 / 3.0); // shown rounded to 6 digits; committing it must not round the model value
        f.commit();
        assertThat(edits).isEmpty();
    }

    @Test
    void aSliderDragCarriesOneMergeKeyPerDrag() {
        NumberField f = field(NumberField.SliderScale.LOG10, 1e-4, 10);
        f.show(0.5);
        f.adjustingProperty().set(true);
        f.sliderPositionProperty().set(Math.log10(0.6));
        f.sliderPositionProperty().set(Math.log10(0.7));
        f.adjustingProperty().set(false);
        f.sliderPositionProperty().set(Math.log10(0.8)); // a click on the track: its own step
        f.adjustingProperty().set(true);
        f.sliderPositionProperty().set(Math.log10(0.9));
        assertThat(edits).hasSize(4);
        assertThat(edits.get(1)[0]).isCloseTo(0.7, within(1e-12));
        assertThat(keys.get(0)).isNotNull().isSameAs(keys.get(1));
        assertThat(keys.get(2)).isNull();
        assertThat(keys.get(3)).isNotNull().isNotSameAs(keys.get(0));
    }

    @Test
    void aDisplayFactorShowsRhoAndEditsStayInModelUnits() {
        NumberField f = field(NumberField.SliderScale.LOG10, 1e-4, 10);
        f.show(0.67);
        f.setDisplayFactor(1 / (4 * Math.PI));
        assertThat(f.textProperty().get()).isEqualTo("0.0533169"); // 0.67 / (4 pi)
        assertThat(f.sliderMaxProperty().get()).isCloseTo(Math.log10(10 / (4 * Math.PI)), within(1e-12));
        f.textProperty().set("0.1");
        f.commit();
        assertThat(edits.get(0)[0]).isCloseTo(0.1 * 4 * Math.PI, within(1e-12));
    }

    @Test
    void aSliderPositionOutsideTheDomainSnapsBack() {
        NumberField f = new NumberField("w", v -> v >= 0 ? null : "must be >= 0", (v, k) -> edits.add(new double[] {v}),
                NumberField.SliderScale.LINEAR, -1, 1);
        f.show(0.5);
        f.sliderPositionProperty().set(-0.5);
        assertThat(edits).isEmpty();
        assertThat(f.sliderPositionProperty().get()).isEqualTo(0.5);
    }
}
