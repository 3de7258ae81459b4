package dev.oscilla.cli;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Says what a file holds: spectra (with what the reader detected and converted) or an oscillator library. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe a spectrum file (CSV/TSV/ASU tab + meta) or an oscillator library (JSON, HDF,"
                + " oscillator table CSV)."})
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to describe.")
    Path file;

    @Mixin
    SpectrumReadArgs read;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SpectralFileException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<LibraryFiles.Format> format = LibraryFiles.format(file);
        if (format.isPresent()) {
            if (read.anyGiven()) {
                throw new UserException(file + " is an oscillator library; the spectrum reading options do not apply");
            }
            describe(out, LibraryFiles.read(file), format.get());
        } else {
            describe(out, SpectrumFiles.read(file, read.toOptions()));
        }
        out.flush();
        return 0;
    }

    private void describe(PrintWriter out, SpectrumSet set) {
        Spectrum first = set.get(0);
        out.printf(Locale.ROOT, "%s: %d spectr%s (%s), %d channels, %s-%s cm^-1%n", file.getFileName(), set.size(),
                set.size() == 1 ? "um" : "a", kinds(set), first.size(), number(first.minWavenumber()),
                number(first.maxWavenumber()));
        int maskedSpectra = 0;
        int maskedChannels = 0;
        for (Spectrum s : set.spectra()) {
            int masked = s.size() - s.validCount();
            maskedChannels += masked;
            maskedSpectra += masked > 0 ? 1 : 0;
        }
        out.println("masked channels: " + (maskedChannels == 0 ? "none"
                : maskedChannels + " in " + maskedSpectra + " spectr" + (maskedSpectra == 1 ? "um" : "a")));
        if (set.hasAbundances()) {
            out.println("abundance columns (" + set.abundanceColumns().size() + "): "
                    + String.join(", ", set.abundanceColumns()));
        } else {
            out.println("abundance columns: none");
        }
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (String c : set.categories()) {
            if (!c.isEmpty()) {
                categories.merge(c, 1, Integer::sum);
            }
        }
        if (!categories.isEmpty()) {
            List<String> parts = new ArrayList<>();
            categories.forEach((name, count) -> parts.add(name + " (" + count + ")"));
            out.println("categories: " + String.join(", ", parts));
        }
        out.println("reader notes:");
        for (String note : set.notes()) {
            out.println("  - " + note);
        }
        out.println("spectra:");
        for (int i = 0; i < set.size(); i++) {
            Spectrum s = set.get(i);
            String category = set.categories().get(i);
            out.printf(Locale.ROOT, "  %3d  %s%s  (%d of %d channels valid)%n", i + 1, s.name(),
                    category.isEmpty() ? "" : " [" + category + "]", s.validCount(), s.size());
        }
    }

    private static String kinds(SpectrumSet set) {
        Map<SpectrumKind, Integer> counts = new LinkedHashMap<>();
        for (Spectrum s : set.spectra()) {
            counts.merge(s.kind(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add((counts.size() > 1 ? count + " " : "")
                + kind.name().toLowerCase(Locale.ROOT)));
        return String.join(", ", parts);
    }

    private void describe(PrintWriter out, MineralLibrary library, LibraryFiles.Format format) {
        out.printf(Locale.ROOT, "%s: oscillator library \"%s\" (%s), %d mineral%s, %d oscillators%n",
                file.getFileName(), library.name(), format.label(), library.size(), library.size() == 1 ? "" : "s",
                library.totalOscillators());
        if (!library.description().isEmpty()) {
            out.println("description: " + library.description());
        }
        Map<String, Integer> categories = new LinkedHashMap<>();
        int bounded = 0;
        for (Mineral m : library.minerals()) {
            if (!m.category().isEmpty()) {
                categories.merge(m.category(), 1, Integer::sum);
            }
            bounded += m.bounds() != null ? 1 : 0;
        }
        List<String> parts = new ArrayList<>();
        categories.forEach((name, count) -> parts.add(name + " (" + count + ")"));
        out.println("categories: " + (parts.isEmpty() ? "none" : String.join(", ", parts)));
        out.println("bounds: " + (bounded == 0 ? "none" : bounded + " of " + library.size() + " minerals"));
        out.println("minerals:");
        int width = 7;
        for (Mineral m : library.minerals()) {
            width = Math.max(width, m.name().length());
        }
        out.printf(Locale.ROOT, "  %-" + width + "s  %5s  %11s  %6s  %s%n", "name", "modes", "oscillators", "bounds",
                "category");
        for (Mineral m : library.minerals()) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %5d  %11d  %6s  %s%n", m.name(), m.modes().size(),
                    m.oscillatorCount(), m.bounds() != null ? "yes" : "no", m.category());
        }
    }

    /** A wavenumber for display: up to 6 significant digits. */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "") : s;
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
