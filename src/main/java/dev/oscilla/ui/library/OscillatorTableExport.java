package dev.oscilla.ui.library;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.CsvTables;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a library as a flat CSV table for spreadsheets, one row per oscillator:
 * {@code mineral,category,mode,eps_inf,weight,band,omega0_cm-1,S_4pi_rho,rho,gamma,width_cm-1}. A mode without
 * bands gets one row with empty band cells; a blackbody one row with empty mode cells. Modes and bands are
 * numbered from 1. Numbers round-trip exactly (shortest repr).
 *
 * <p>Written here because {@code io} has no table writer yet (an {@code OscillatorTableCsv} is being added there);
 * once it lands this exporter should delegate to it.
 */
public final class OscillatorTableExport {

    static final List<String> HEADER = List.of("mineral", "category", "mode", "eps_inf", "weight", "band",
            "omega0_cm-1", "S_4pi_rho", "rho", "gamma", "width_cm-1");

    private OscillatorTableExport() {
    }

    public static void write(MineralLibrary library, Path file) throws SpectralFileException {
        AtomicFiles.writeText(file, w -> {
            w.write(CsvTables.headerLine(HEADER));
            w.write('\n');
            for (Mineral m : library.minerals()) {
                String prefix = CsvTables.quote(m.name()) + "," + CsvTables.quote(m.category());
                if (m.modes().isEmpty()) {
                    w.write(prefix + ",,,,,,,,,\n");
                    continue;
                }
                for (int mi = 0; mi < m.modes().size(); mi++) {
                    Mode mode = m.modes().get(mi);
                    String modeCells = prefix + "," + (mi + 1) + "," + CsvTables.format(mode.epsInf()) + ","
                            + CsvTables.format(mode.weight());
                    if (mode.oscillators().isEmpty()) {
                        w.write(modeCells + ",,,,,,\n");
                    }
                    for (int j = 0; j < mode.size(); j++) {
                        Oscillator o = mode.oscillators().get(j);
                        w.write(modeCells + "," + (j + 1) + "," + CsvTables.format(o.omega0()) + ","
                                + CsvTables.format(o.strength()) + "," + CsvTables.format(o.rho()) + ","
                                + CsvTables.format(o.gamma()) + "," + CsvTables.format(o.widthCm()) + "\n");
                    }
                }
            }
        });
    }
}
