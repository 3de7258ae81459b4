package dev.oscilla.cli;

import dev.oscilla.fit.BatchFitter;
import dev.oscilla.fit.FitResult;
import dev.oscilla.fit.FitSettings;
import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.spectrum.Blackbody;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.LibraryMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench fit}: fits every spectrum of a tab + meta set and reports per spectrum {name, rms, oscillators,
 * seconds} and a summary (DESIGN.md section 5); with {@code --reference-params} also the RMS of the given models on
 * the same channels, side by side, and the count cap defaults to each reference model's count.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fit every spectrum of a set (JSON report).")
public final class BenchFitCommand implements Callable<Integer> {

    @Option(names = "--spectra", required = true, description = "Spectra, ASU tab file.")
    Path spectra;

    @Option(names = "--meta", required = true, description = "Meta CSV (sample_name,category).")
    Path meta;

    @Option(names = "--window", defaultValue = "399.29:1998.38",
            description = "Fit window LO:HI, cm^-1 (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--reference-params", description = "Reference oscillator library (HDF or JSON) to compare with.")
    Path referenceParams;

    @Option(names = "--modes", defaultValue = "2",
            description = "Modes per mineral: 1-3, or 0 to choose by BIC (default ${DEFAULT-VALUE}, as the reference models).")
    int modes;

    @Option(names = "--max-oscillators", description = "Cap on the oscillator count (default: the reference "
            + "model's count when --reference-params is given, else none).")
    Integer maxOscillators;

    @Option(names = "--starts", defaultValue = "1",
            description = "Independent starts per spectrum (different seeds); the best by BIC is kept (default 1).")
    int starts;

    @Option(names = "--skip-blackbody", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Skip spectra named or filed as Blackbody (default ${DEFAULT-VALUE}).")
    boolean skipBlackbody;

    @Option(names = "--threads", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--json", required = true, description = "Output JSON report.")
    Path json;

    @Option(names = "--library-out", description = "Also write the fitted library (JSON).")
    Path libraryOut;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    SpectrumReadArgs read;

    @Override
    public Integer call() throws SpectralFileException {
        AtomicFiles.checkWritable(java.util.Arrays.asList(json, libraryOut));
        WavenumberWindow w = WavenumberWindow.parse(window);
        if (starts < 1) {
            throw new UserException("--starts must be >= 1, got " + starts);
        }
        SpectrumSet set = SpectrumFiles.read(spectra, read.toOptions().toBuilder().metaFile(meta).build());
        for (Spectrum s : set.spectra()) {
            s.kind().requireModelled(s.name());
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (skipBlackbody && Blackbody.isNamed(set.get(i).name(), set.categories().get(i))) {
                continue;
            }
            indices.add(i);
        }
        MineralLibrary reference = null;
        double[] referenceRms = new double[set.size()];
        if (referenceParams != null) {
            MineralLibrary models = LibraryFiles.read(referenceParams);
            reference = LibraryMatcher.match(set, models, w).library();
            for (int i : indices) {
                referenceRms[i] = rmsOf(reference.get(i), set.get(i), w);
            }
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ProgressListener progress = quiet ? ProgressListener.NONE : CliProgress.stderr("fitting");
        final MineralLibrary ref = reference;
        List<Spectrum> toFit = new ArrayList<>();
        for (int i : indices) {
            toFit.add(set.get(i));
        }
        long t0 = System.nanoTime();
        List<BatchFitter.Outcome> outcomes = BatchFitter.fitAll(toFit, k -> {
            int i = indices.get(k);
            int cap = maxOscillators != null ? maxOscillators : ref != null ? ref.get(i).oscillatorCount() : 0;
            return FitSettings.defaults().withWindow(w).withModes(modes).withMaxOscillators(cap).withStarts(starts);
        }, nThreads, progress, CancellationToken.NONE);
        FitResult[] results = new FitResult[set.size()];
        String[] errors = new String[set.size()];
        for (int k = 0; k < indices.size(); k++) {
            results[indices.get(k)] = outcomes.get(k).result();
            errors[indices.get(k)] = outcomes.get(k).error();
        }
        double total = (System.nanoTime() - t0) * 1e-9;
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Double> rmsList = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> refList = new ArrayList<>();
        int worseThanReference = 0;
        int moreOscillators = 0;
        List<Mineral> fitted = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (!indices.contains(i) && skipBlackbody) {
                fitted.add(Mineral.blackbody().withName(set.get(i).name()).withCategory(set.categories().get(i)));
            }
        }
        for (int i : indices) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", set.get(i).name());
            if (results[i] == null) {
                row.put("error", errors[i]);
                rows.add(row);
                continue;
            }
            FitResult r = results[i];
            fitted.add(r.mineral().withName(set.get(i).name()).withCategory(set.categories().get(i)));
            row.put("rms", r.rms());
            row.put("oscillators", r.oscillators());
            row.put("modes", r.mineral().modes().size());
            row.put("seconds", r.seconds());
            rmsList.add(r.rms());
            seconds.add(r.seconds());
            if (ref != null) {
                row.put("reference_rms", referenceRms[i]);
                row.put("reference_oscillators", ref.get(i).oscillatorCount());
                refList.add(referenceRms[i]);
                if (r.rms() > referenceRms[i]) {
                    worseThanReference++;
                }
                if (r.oscillators() > ref.get(i).oscillatorCount()) {
                    moreOscillators++;
                }
            }
            rows.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", rmsList.size());
        summary.put("median_rms", Statistics.median(rmsList));
        summary.put("mean_rms", Statistics.mean(rmsList));
        summary.put("median_seconds", Statistics.median(seconds));
        summary.put("total_seconds", total);
        summary.put("threads", nThreads);
        if (ref != null) {
            summary.put("reference_median_rms", Statistics.median(refList));
            summary.put("worse_than_reference", worseThanReference);
            summary.put("more_oscillators_than_reference", moreOscillators);
        }
        int failed = indices.size() - rmsList.size();
        summary.put("failed", failed);
        Map<String, Object> report = new LinkedHashMap<>(summary);
        report.put("window", w.toString());
        report.put("spectra", rows);
        JsonOutput.write(json, report);
        if (libraryOut != null) {
            dev.oscilla.io.LibraryJson.write(new MineralLibrary("fitted " + spectra.getFileName(),
                    "Fitted by Oscilla (bench fit), window " + w, fitted), libraryOut);
        }
        if (!quiet) {
            System.err.printf(Locale.ROOT, "fit: n=%d median_rms=%.5f mean_rms=%.5f median %.2f s/spectrum, "
                    + "total %.1f s on %d thread(s)%s%n", rmsList.size(), Statistics.median(rmsList),
                    Statistics.mean(rmsList), Statistics.median(seconds), total, nThreads,
                    ref == null ? "" : String.format(Locale.ROOT, "; reference median_rms=%.5f, worse than "
                            + "reference: %d, more oscillators: %d", Statistics.median(refList), worseThanReference,
                            moreOscillators));
        }
        return failed == 0 ? 0 : OscillaCli.USER_ERROR;
    }

    /** Emissivity RMS of a model against a spectrum on its usable window channels (zeros are gaps). */
    static double rmsOf(Mineral model, Spectrum s, WavenumberWindow w) {
        double[] axis = s.validAxis(w);
        double[] values = s.validValues(w);
        double[] out = new double[axis.length];
        new DispersionEvaluator(axis).evaluate(model, Quantity.EMISSIVITY, out);
        double ss = 0;
        int n = 0;
        for (int c = 0; c < axis.length; c++) {
            if (values[c] != 0.0) {
                double d = out[c] - values[c];
                ss += d * d;
                n++;
            }
        }
        return Math.sqrt(ss / n);
    }
}
