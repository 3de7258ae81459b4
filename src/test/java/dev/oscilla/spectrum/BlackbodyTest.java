package dev.oscilla.spectrum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlackbodyTest {

    @Test
    void namesAndGroupsOfTheBlackbodyAreRecognisedWhateverTheirSpelling() {
        assertThat(Blackbody.isNamed("Blackbody", "")).isTrue();
        assertThat(Blackbody.isNamed("black body", null)).isTrue();
        assertThat(Blackbody.isNamed("BB-1", "Black-Body")).isTrue();
        assertThat(Blackbody.isNamed("Quartz", "silica")).isFalse();
        assertThat(Blackbody.isNamed("Blackbody glass", "glass")).as("only the whole name").isFalse();
    }

    @Test
    void aMineralIsTheBlackbodyWithoutModesOrWhenNamedSo() {
        Mineral flat = new Mineral("Flat", "", List.of());
        Mode mode = new Mode(2.0, 1.0, List.of(new Oscillator(1000, 0.01, 0.1)));
        Mineral namedModel = new Mineral("Blackbody", "blackbody", List.of(mode));
        Mineral quartz = new Mineral("Quartz", "silica", List.of(mode));
        assertThat(flat.isBlackbody()).isTrue();
        assertThat(namedModel.isBlackbody()).as("a near-flat fitted model filed as the blackbody").isTrue();
        assertThat(quartz.isBlackbody()).isFalse();
        assertThat(Mineral.blackbody().isBlackbody()).isTrue();
    }
}
