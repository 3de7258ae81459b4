package dev.oscilla.cli;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.InputFiles;
import dev.oscilla.io.JcampDxFormat;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.OscillatorTableCsv;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFormat;
import dev.oscilla.io.SpectrumFormats;
import dev.oscilla.io.SpectrumReadOptions;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.SpectrumSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Converts between file formats, chosen by the input's content and the output's extension: a library (HDF,
 * JSON or oscillator table CSV) to JSON ({@code .json}) or to the oscillator table ({@code .csv}); spectra (any
 * format {@link SpectrumFormats} reads) to any format it writes: the spectra CSV in cm^-1 ({@code .csv}) or
 * JCAMP-DX ({@code .jdx}, {@code .dx}).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a library (HDF, JSON, oscillator CSV) to JSON (.json) or an oscillator table (.csv),"
                + " or a spectrum file (any format info reads) to a spectra CSV in cm^-1 (.csv) or JCAMP-DX (.jdx)."})
public final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input library or spectrum file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file; its extension chooses the format.")
    Path out;

    @Option(names = "--meta", paramLabel = "META",
            description = "Meta CSV of an ASU tab file (found automatically when named X_meta.csv beside X_tab.txt).")
    Path meta;

    @Option(names = "--jcamp-form", paramLabel = "FORM", defaultValue = "dif",
            description = "Ordinates of a JCAMP-DX output: dif (compressed DIF/DUP, 9 significant digits) or affn"
                    + " (plain decimals, full precision) (default ${DEFAULT-VALUE}).")
    String jcampForm;

    @Mixin
    SpectrumReadArgs read;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SpectralFileException {
        AtomicFiles.checkWritable(out);
        InputFiles.requireRegularFile(in);
        JcampDxFormat.Form form = jcampForm(jcampForm);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        PrintWriter stdout = spec.commandLine().getOut();
        SpectrumReadOptions options = read.toOptions().toBuilder().metaFile(meta).build();
        Optional<LibraryFiles.Format> format = options.format().isPresent() || meta != null ? Optional.empty()
                : LibraryFiles.format(in);
        if (format.isPresent()) {
            if (read.anyGiven()) {
                throw new UserException(in + " is an oscillator library; the spectrum reading options do not apply");
            }
            boolean toJson = name.endsWith(".json");
            if (!toJson && !name.endsWith(".csv")) {
                throw new UserException("OUT must end in .json (a library) or .csv (an oscillator table or spectra),"
                        + " got " + out.getFileName());
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
            SpectrumFormat writer = SpectrumFormats.writerFor(out).orElseThrow(() -> new UserException(
                    in + " holds spectra, which convert to " + writableExtensions() + " (.json is for libraries), not "
                            + out.getFileName()));
            SpectrumFormat reader = SpectrumFormats.detect(in, options);
            SpectrumSet set = reader.read(in, options);
            if (writer instanceof JcampDxFormat) {
                ((JcampDxFormat) writer).write(out, set.spectra(), form);
            } else {
                writer.write(out, set);
            }
            stdout.printf(Locale.ROOT, "wrote %s: %d spectra, %d channels, cm^-1%n", out, set.size(),
                    set.get(0).size());
            for (String note : set.notes()) {
                stdout.println("  - " + note);
            }
            stdout.println("  - read as " + reader.label() + ", written as " + writer.label());
            if (set.hasAbundances() || set.categories().stream().anyMatch(c -> !c.isEmpty())) {
                stdout.println("  - categories and abundances are not part of a " + (writer.id().equals("csv")
                        ? "spectra CSV" : writer.label() + " file") + " and were not written");
            }
        }
        stdout.flush();
        return 0;
    }

    private static JcampDxFormat.Form jcampForm(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "affn":
                return JcampDxFormat.Form.AFFN;
            case "dif":
            case "difdup":
            case "dif/dup":
            case "asdf":
                return JcampDxFormat.Form.DIF_DUP;
            default:
                throw new UserException("--jcamp-form must be dif or affn, got '" + text + "'");
        }
    }

    private static String writableExtensions() {
        List<String> out = new ArrayList<>();
        for (SpectrumFormat f : SpectrumFormats.writers()) {
            for (String e : f.writeExtensions()) {
                out.add("." + e);
            }
        }
        return String.join(", ", out);
    }
}
