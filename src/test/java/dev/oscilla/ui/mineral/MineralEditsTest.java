package dev.oscilla.ui.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.ui.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class MineralEditsTest {

    private final Mineral two = Fixtures.smallLibrary().require("Twomode");

    /** Lower bound of a parameter identified by (mode, oscillator, kind), so alignment is checked by meaning. */
    private static double lower(Mineral m, int mode, int osc, ParameterKind kind) {
        return m.bounds().lower(m.layout().index(mode, osc, kind));
    }

    @Test
    void removingABandRemovesItsBoundsOnly() {
        Mineral out = MineralEdits.removeOscillator(two, 0, 0);
        assertThat(out.modes().get(0).oscillators()).containsExactly(new Oscillator(500, 0.8, 0.02));
        assertThat(out.bounds().size()).isEqualTo(out.layout().size());
        assertThat(lower(out, 0, 0, ParameterKind.OMEGA0)).isEqualTo(lower(two, 0, 1, ParameterKind.OMEGA0));
        assertThat(lower(out, 1, 0, ParameterKind.GAMMA)).isEqualTo(lower(two, 1, 0, ParameterKind.GAMMA));
        assertThat(lower(out, 1, 0, ParameterKind.EPS_INF)).isEqualTo(lower(two, 1, 0, ParameterKind.EPS_INF));
    }

    @Test
    void duplicatingABandCopiesItAndItsBounds() {
        Mineral out = MineralEdits.duplicateOscillator(two, 0, 0);
        assertThat(out.modes().get(0).oscillators()).hasSize(3);
        assertThat(out.modes().get(0).oscillators().get(1)).isEqualTo(two.modes().get(0).oscillators().get(0));
        for (ParameterKind k : List.of(ParameterKind.OMEGA0, ParameterKind.STRENGTH, ParameterKind.GAMMA)) {
            assertThat(lower(out, 0, 1, k)).isEqualTo(lower(two, 0, 0, k));
            assertThat(lower(out, 0, 2, k)).isEqualTo(lower(two, 0, 1, k));
        }
        assertThat(lower(out, 1, 0, ParameterKind.OMEGA0)).isEqualTo(lower(two, 1, 0, ParameterKind.OMEGA0));
    }

    @Test
    void aNewBandAndANewModeGetOpenBounds() {
        Mineral added = MineralEdits.addOscillator(two, 0, new Oscillator(700, 0.1, 0.05));
        assertThat(added.modes().get(0).oscillators().get(2).omega0()).isEqualTo(700);
        assertThat(lower(added, 0, 2, ParameterKind.OMEGA0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lower(added, 1, 0, ParameterKind.WEIGHT)).isEqualTo(lower(two, 1, 0, ParameterKind.WEIGHT));

        Mineral moded = MineralEdits.addMode(two, new Mode(2.0, 0.5, List.of(new Oscillator(600, 0.2, 0.02))));
        assertThat(moded.modes()).hasSize(3);
        assertThat(lower(moded, 2, 0, ParameterKind.OMEGA0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(moded.bounds().size()).isEqualTo(two.bounds().size() + ParameterLayout.MODE_HEADER + 3);
    }

    @Test
    void removingAModeRemovesItsWholeBlock() {
        Mineral out = MineralEdits.removeMode(two, 0);
        assertThat(out.modes()).hasSize(1);
        assertThat(out.modes().get(0).epsInf()).isEqualTo(2.5);
        assertThat(lower(out, 0, 0, ParameterKind.OMEGA0)).isEqualTo(lower(two, 1, 0, ParameterKind.OMEGA0));
    }

    @Test
    void editsOfAMineralWithoutBoundsStayUnbounded() {
        Mineral one = Fixtures.smallLibrary().require("Onemode");
        assertThat(MineralEdits.duplicateOscillator(one, 0, 0).bounds()).isNull();
        assertThat(MineralEdits.withParameter(one, 2, 1234).modes().get(0).oscillators().get(0).omega0())
                .isEqualTo(1234);
        Mineral blank = MineralEdits.blank("B");
        assertThat(blank.modes()).hasSize(1);
        assertThat(blank.oscillatorCount()).isZero();
    }
}
