package dev.oscilla.cli;

import dev.oscilla.spectrum.Blackbody;
import dev.oscilla.fit.BatchFitter;
import dev.oscilla.fit.FitResult;
import dev.oscilla.fit.FitSettings;
import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Fits every spectrum of a set in parallel and writes the models as one oscillator library. */
@Command(name = "fit-library", mixinStandardHelpOptions = true,
        description = "Fit every spectrum of a tab+meta set (or CSV) and write an oscillator library.")
public final class FitLibraryCommand implements Callable<Integer> {

    @Option(names = "--spectra", required = true, description = "Spectra (ASU tab file or CSV).")
    Path spectra;

    @Option(names = "--meta", description = "Meta CSV (sample_name,category) of an ASU tab file.")
    Path meta;

    @Option(names = "--window", description = "Fit window LO:HI in cm^-1 (default: the usable range, without the "
            + "noisy ends of the instrument's range).")
    String window;

    @Option(names = "--modes", defaultValue = "0", description = "1-3, or 0 to choose by BIC (default).")
    int modes;

    @Option(names = "--max-oscillators", defaultValue = "0", description = "Cap per mineral (0: none).")
    int maxOscillators;

    @Option(names = "--starts", defaultValue = "1",
            description = "Independent starts per spectrum (different seeds); the best by BIC is kept (default 1).")
    int starts;

    @Option(names = "--threads", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--name", description = "Library name (default: the spectra file's name).")
    String name;

    @Option(names = "--out", required = true, description = "Output library (Oscilla JSON).")
    Path out;

    @Option(names = "--quiet", description = "No progress or table on stderr.")
    boolean quiet;

    @Mixin
    SpectrumReadArgs read;

    @Override
    public Integer call() throws SpectralFileException {
        AtomicFiles.checkWritable(out);
        SpectrumSet set = SpectrumFiles.read(spectra, read.toOptions().toBuilder().metaFile(meta).build());
        for (Spectrum s : set.spectra()) {
            s.kind().requireModelled(s.name());
        }
        WavenumberWindow w = window == null ? FitCommand.defaultWindow(set, quiet) : WavenumberWindow.parse(window);
        if (starts < 1) {
            throw new UserException("--starts must be >= 1, got " + starts);
        }
        FitSettings settings = FitSettings.defaults().withWindow(w).withModes(modes).withMaxOscillators(maxOscillators)
                .withStarts(starts);
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ProgressListener progress = quiet ? ProgressListener.NONE : CliProgress.stderr("fitting library");
        // the blackbody needs no model: it is the flat E = 1 endmember
        List<Integer> indices = new ArrayList<>();
        List<Spectrum> toFit = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (!Blackbody.isNamed(set.get(i).name(), set.categories().get(i))) {
                indices.add(i);
                toFit.add(set.get(i));
            }
        }
        List<BatchFitter.Outcome> outcomes = BatchFitter.fitAll(toFit, k -> settings, nThreads, progress,
                CancellationToken.NONE);
        FitResult[] results = new FitResult[set.size()];
        String[] errors = new String[set.size()];
        for (int k = 0; k < indices.size(); k++) {
            results[indices.get(k)] = outcomes.get(k).result();
            errors[indices.get(k)] = outcomes.get(k).error();
        }
        List<Mineral> minerals = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-28s %9s %5s %5s %8s%n", "spectrum",
                "RMS", "osc", "modes", "seconds"));
        int failed = 0;
        for (int i = 0; i < set.size(); i++) {
            String n = set.get(i).name();
            if (Blackbody.isNamed(n, set.categories().get(i))) {
                minerals.add(Mineral.blackbody().withCategory(set.categories().get(i)));
                continue;
            }
            if (results[i] == null) {
                failed++;
                table.append(String.format(Locale.ROOT, "%-28s failed: %s%n", n, errors[i]));
                continue;
            }
            FitResult r = results[i];
            String source = String.format(Locale.ROOT, "Fitted by Oscilla to '%s' (%s), window %s: RMS %.5f", n,
                    spectra.getFileName(), w, r.rms());
            minerals.add(r.mineral().withName(n).withCategory(set.categories().get(i)).withSource(source));
            table.append(String.format(Locale.ROOT, "%-28s %9.5f %5d %5d %8.2f%n", n, r.rms(), r.oscillators(),
                    r.mineral().modes().size(), r.seconds()));
        }
        LibraryJson.write(new MineralLibrary(name != null ? name : spectra.getFileName().toString(),
                "Fitted by Oscilla from " + spectra.getFileName() + ", window " + w, minerals), out);
        if (!quiet) {
            System.err.print(table);
        }
        return failed == 0 ? 0 : OscillaCli.USER_ERROR;
    }
}
