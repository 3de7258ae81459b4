package dev.oscilla.cli;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.CsvTables;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Quantity;
import dev.oscilla.physics.RenderCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Renders one mineral of a library on an axis: emissivity, reflectance, n, k, eps1 or eps2. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Render a library mineral's spectrum (CSV: wavenumber column, value column).")
public final class ForwardCommand implements Callable<Integer> {

    @Option(names = "--library", required = true, description = "Library file (Oscilla JSON or InfraRender HDF).")
    Path library;

    @Option(names = "--mineral", required = true, description = "Mineral name (case-insensitive).")
    String mineral;

    @Option(names = "--axis", description = "LO:HI:STEP in cm^-1 (default 200:2000:2).")
    String axis;

    @Option(names = "--like", description = "Take the wavenumber axis from this spectrum file (any format the"
            + " reader takes; the reading options below apply to it).")
    Path like;

    @Mixin
    SpectrumAxisArgs likeReading;

    @Option(names = "--quantity", defaultValue = "emissivity",
            description = "emissivity, reflectance, n, k, eps1 or eps2 (default ${DEFAULT-VALUE}).")
    String quantity;

    @Option(names = "--mode", description = "Render one mode (1-based) instead of the weighted mineral average.")
    Integer mode;

    @Option(names = "--out", required = true, description = "Output CSV file.")
    Path out;

    @Override
    public Integer call() throws SpectralFileException {
        AtomicFiles.checkWritable(out);
        if (axis != null && like != null) {
            throw new UserException("give either --axis or --like, not both");
        }
        if (like == null && likeReading.anyGiven()) {
            throw new UserException("the spectrum reading options apply to the --like file only");
        }
        Quantity q = Quantity.parse(quantity);
        MineralLibrary lib = LibraryFiles.read(library);
        Mineral m = lib.require(mineral);
        double[] wavenumbers = like != null ? AxisOptions.axisOf(like, likeReading.toOptions())
                : AxisOptions.parseAxis(axis == null ? "200:2000:2" : axis);
        if (mode != null) {
            if (mode < 1 || mode > m.modes().size()) {
                throw new UserException(m.name() + " has " + m.modes().size() + " mode(s); --mode " + mode
                        + " is out of range");
            }
            m = new Mineral(m.name(), m.category(), List.of(m.modes().get(mode - 1)));
        }
        DispersionEvaluator evaluator = new DispersionEvaluator(wavenumbers);
        double[] values = new double[wavenumbers.length];
        evaluator.evaluate(m, q, values);
        RenderCheck.requireFinite(m, q, wavenumbers, values);
        CsvTables.writeColumns(out, List.of("wavenumber_cm-1", q.label()), List.of(wavenumbers, values));
        return 0;
    }
}
