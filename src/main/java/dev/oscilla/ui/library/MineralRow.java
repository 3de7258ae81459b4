package dev.oscilla.ui.library;

import dev.oscilla.physics.Mineral;

/**
 * One line of the library table.
 *
 * @param name        mineral name
 * @param category    mineral group
 * @param modes       number of modes (crystal axes)
 * @param oscillators number of bands over all modes
 * @param source      where the parameters come from
 */
public record MineralRow(String name, String category, int modes, int oscillators, String source) {

    static MineralRow of(Mineral m) {
        return new MineralRow(m.name(), m.category(), m.modes().size(), m.oscillatorCount(), m.source());
    }
}
