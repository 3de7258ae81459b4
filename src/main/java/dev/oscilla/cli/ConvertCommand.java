package dev.oscilla.cli;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.OscillatorTableCsv;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.MineralLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Converts between file formats, chosen by the input's content and the output's extension: a library (HDF,
 * JSON or oscillator table CSV) to JSON ({@code .json}) or to the oscillator table ({@code .csv}); spectra
 * (CSV/TSV/ASU tab + meta) to the spectra CSV in cm^-1 ({@code .csv}).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a library (HDF, JSON, oscillator CSV) to JSON (.json) or an oscillator table (.csv),"
                + " or a spectrum file (CSV/TSV/ASU tab + meta) to a spectra CSV in cm^-1 (.csv)."})
public final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input library or spectrum file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file; its extension (.json or .csv) chooses"
            + " the format.")
    Path out;

    @Mixin
    SpectrumReadArgs read;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SpectralFileException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean toJson = name.endsWith(".json");
        boolean toCsv = name.endsWith(".csv");
        if (!toJson && !toCsv) {
            throw new UserException("OUT must end in .json (a library) or .csv (an oscillator table or spectra), got "
                    + out.getFileName());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Optional<LibraryFiles.Format> format = LibraryFiles.format(in);
        if (format.isPresent()) {
            if (read.anyGiven()) {
                throw new UserException(in + " is an oscillator library; the spectrum reading options do not apply");
            }
            MineralLibrary library = LibraryFiles.read(in);
            if (toJson) {
                LibraryJson.write(library, out);
            } else {
                OscillatorTableCsv.write(library, out);
            }
            stdout.printf(Locale.ROOT, "wrote %s: %d minerals, %d oscillators (%s to %s)%n", out, library.size(),
                    library.totalOscillators(), format.get().label(),
                    toJson ? LibraryFiles.Format.JSON.label() : LibraryFiles.Format.OSCILLATOR_TABLE.label());
        } else {
            if (toJson) {
                throw new UserException(in + " holds spectra, which convert to .csv only (.json is for libraries)");
            }
            SpectrumSet set = SpectrumFiles.read(in, read.toOptions());
            SpectrumFiles.writeCsv(out, set);
            stdout.printf(Locale.ROOT, "wrote %s: %d spectra, %d channels, cm^-1%n", out, set.size(),
                    set.get(0).size());
            for (String note : set.notes()) {
                stdout.println("  - " + note);
            }
            if (set.hasAbundances() || set.categories().stream().anyMatch(c -> !c.isEmpty())) {
                stdout.println("  - categories and abundances are not part of a spectra CSV and were not written");
            }
        }
        stdout.flush();
        return 0;
    }
}
