package dev.oscilla.cli;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.unmix.LibraryMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the oscillator library that analysis-by-synthesis and inverse rendering flex. */
final class ParametricLibraries {

    private ParametricLibraries() {
    }

    /**
     * The oscillator models of {@code params}, one per entry of the measured library, in its order and with its
     * names and mineral groups: by name when every entry has a model of the same name, otherwise by
     * {@link LibraryMatcher} (InfraRender files label their models differently).
     */
    static MineralLibrary load(Path params, SpectrumSet measured, WavenumberWindow window, String method)
            throws SpectralFileException {
        if (params == null) {
            throw new UserException("--method " + method
                    + " needs --params: an oscillator library (InfraRender HDF or Oscilla JSON)");
        }
        MineralLibrary models = LibraryFiles.read(params);
        List<Mineral> byName = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            String name = measured.get(i).name();
            var found = models.find(name);
            boolean blackbody = name.equalsIgnoreCase(Mineral.BLACKBODY_NAME)
                    || measured.categories().get(i).equalsIgnoreCase(Mineral.BLACKBODY_NAME);
            if (found.isEmpty() && blackbody) {
                byName.add(Mineral.blackbody().withName(name).withCategory(measured.categories().get(i)));
                continue;
            }
            if (found.isEmpty()) {
                return LibraryMatcher.match(measured, models, window).library();
            }
            Mineral m = found.get();
            byName.add(m.category().isBlank() ? m.withCategory(measured.categories().get(i)) : m);
        }
        return models.withMinerals(byName);
    }
}
