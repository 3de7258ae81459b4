package dev.oscilla.cli;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.InputFiles;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFormat;
import dev.oscilla.io.SpectrumFormats;
import dev.oscilla.io.SpectrumReadOptions;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Says what a file holds: spectra (format, quantity, range, what the reader detected and converted) or an
 * oscillator library; {@code --json} writes the same as a report whose keys are a stable contract (DESIGN.md
 * section 5): {@code {"spectra": [{name, channels, min_wavenumber, max_wavenumber, quantity, max_value, ...}]}} in
 * cm^-1 and fractions.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe a spectrum file (JCAMP-DX, ASTER/ECOSTRESS, USGS, RELAB, RRUFF, ASU tab + meta,"
                + " CSV/TSV) or an oscillator library (JSON, HDF, oscillator table CSV)."})
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to describe.")
    Path file;

    @Option(names = "--meta", paramLabel = "META",
            description = "Meta CSV of an ASU tab file (found automatically when named X_meta.csv beside X_tab.txt).")
    Path meta;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the description as JSON.")
    Path json;

    @Mixin
    SpectrumReadArgs read;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SpectralFileException {
        if (json != null) {
            AtomicFiles.checkWritable(json);
        }
        InputFiles.requireRegularFile(file);
        PrintWriter out = spec.commandLine().getOut();
        SpectrumReadOptions options = read.toOptions().toBuilder().metaFile(meta).build();
        Optional<LibraryFiles.Format> format = options.format().isPresent() || meta != null ? Optional.empty()
                : LibraryFiles.format(file);
        if (format.isPresent()) {
            if (read.anyGiven()) {
                throw new UserException(file + " is an oscillator library; the spectrum reading options do not apply");
            }
            MineralLibrary library = LibraryFiles.read(file);
            describe(out, library, format.get());
            if (json != null) {
                JsonOutput.write(json, libraryReport(library, format.get()));
            }
        } else {
            SpectrumFormat reader = SpectrumFormats.detect(file, options);
            SpectrumSet set = reader.read(file, options);
            describe(out, set, reader);
            if (json != null) {
                JsonOutput.write(json, spectraReport(set, reader));
            }
        }
        out.flush();
        return 0;
    }

    private void describe(PrintWriter out, SpectrumSet set, SpectrumFormat reader) {
        Spectrum first = set.get(0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean sameSize = true;
        for (Spectrum s : set.spectra()) {
            lo = Math.min(lo, s.minWavenumber());
            hi = Math.max(hi, s.maxWavenumber());
            sameSize &= s.size() == first.size();
        }
        out.printf(Locale.ROOT, "%s: %d spectr%s (%s), %s channels, %s-%s cm^-1%n", file.getFileName(), set.size(),
                set.size() == 1 ? "um" : "a", kinds(set), sameSize ? String.valueOf(first.size()) : "varying",
                number(lo), number(hi));
        out.println("format: " + reader.label());
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

    /** The JSON report of spectra: keys of DESIGN.md section 5, in cm^-1 and fractions. */
    private Map<String, Object> spectraReport(SpectrumSet set, SpectrumFormat reader) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", file.getFileName().toString());
        report.put("format", reader.id());
        List<Map<String, Object>> spectra = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Spectrum s = set.get(i);
            double max = Double.NaN;
            double min = Double.NaN;
            for (int c = 0; c < s.size(); c++) {
                if (s.isValid(c)) {
                    max = Double.isNaN(max) ? s.value(c) : Math.max(max, s.value(c));
                    min = Double.isNaN(min) ? s.value(c) : Math.min(min, s.value(c));
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("channels", s.size());
            m.put("min_wavenumber", s.minWavenumber());
            m.put("max_wavenumber", s.maxWavenumber());
            m.put("quantity", s.kind().label());
            m.put("max_value", max);
            m.put("min_value", min);
            m.put("valid_channels", s.validCount());
            m.put("category", set.categories().get(i));
            spectra.add(m);
        }
        report.put("spectra", spectra);
        report.put("abundance_columns", set.abundanceColumns());
        report.put("notes", set.notes());
        return report;
    }

    private Map<String, Object> libraryReport(MineralLibrary library, LibraryFiles.Format format) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", file.getFileName().toString());
        report.put("format", format.label());
        report.put("library", library.name());
        List<Map<String, Object>> minerals = new ArrayList<>();
        for (Mineral m : library.minerals()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.name());
            e.put("category", m.category());
            e.put("modes", m.modes().size());
            e.put("oscillators", m.oscillatorCount());
            e.put("bounds", m.bounds() != null);
            minerals.add(e);
        }
        report.put("minerals", minerals);
        report.put("spectra", List.of());
        return report;
    }

    private static String kinds(SpectrumSet set) {
        Map<SpectrumKind, Integer> counts = new LinkedHashMap<>();
        for (Spectrum s : set.spectra()) {
            counts.merge(s.kind(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add((counts.size() > 1 ? count + " " : "") + kind.label()));
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
