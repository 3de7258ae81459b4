package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fitted model filed as the blackbody is the blackbody endmember, but its oscillators are still data to keep. */
class BlackbodyModelTableTest {

    @Test
    void aModelNamedBlackbodyKeepsItsOscillatorsInTheTable(@TempDir Path dir) throws Exception {
        Mineral model = new Mineral("Blackbody", "Blackbody", List.of(new Mode(1.9, 1.0,
                List.of(new Oscillator(600, 0.002, 0.3), new Oscillator(1100, 0.001, 0.2)))), null, "fitted");
        assertThat(model.isBlackbody()).isTrue();
        Path file = dir.resolve("lib.csv");
        OscillatorTableCsv.write(new MineralLibrary("L", "", List.of(model)), file);
        Mineral back = OscillatorTableCsv.read(file).require("Blackbody");
        assertThat(back.oscillatorCount()).isEqualTo(2);
        assertThat(back.parameters()).containsExactly(model.parameters());
    }
}
