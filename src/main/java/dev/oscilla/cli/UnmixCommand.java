package dev.oscilla.cli;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.CsvTables;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.io.UnmixReports;
import dev.oscilla.pipeline.UnmixerFactory;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.AbundanceScorer;
import dev.oscilla.unmix.BatchUnmixer;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Unmixes spectra against a library: measured library spectra (ASU tab + meta, CSV) or an oscillator library
 * (Oscilla JSON, InfraRender HDF, oscillator CSV), with FCLS, NNLS, LS, analysis-by-synthesis or the trained
 * network. Writes one CSV row per spectrum, optionally a JSON report and the modelled spectra.
 */
@Command(name = "unmix", mixinStandardHelpOptions = true,
        description = "Unmix spectra (abundances, blackbody, group sums, errors, RMS).")
public final class UnmixCommand implements Callable<Integer> {

    @Option(names = "--library", required = true,
            description = "Library: spectra (ASU tab+meta, CSV) or an oscillator library (JSON, HDF, oscillator CSV).")
    Path library;

    @Option(names = "--library-meta", description = "Meta CSV of an ASU library tab file (found automatically "
            + "when named X_meta.csv beside X_tab.txt).")
    Path libraryMeta;

    @Option(names = "--params", description = "Oscillator library paired with measured library spectra (abs, ir).")
    Path params;

    @Option(names = "--model", description = "Trained network (ir, ir+abs).")
    Path model;

    @Option(names = "--method", defaultValue = "fcls", description = "fcls, nnls, ls, abs, ir or ir+abs "
            + "(default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--window", description = "Wavenumber window LO:HI in cm^-1 (default: the whole common axis).")
    String window;

    @Option(names = "--no-blackbody", description = "Do not add a blackbody endmember (and drop the library's).")
    boolean noBlackbody;

    @Option(names = "--forced", split = ",", description = "Endmembers exempt from the constraints (e.g. atmosphere).")
    List<String> forced = new ArrayList<>();

    @Option(names = "--threads", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--out", required = true, description = "Results CSV (one row per spectrum).")
    Path out;

    @Option(names = "--json", description = "Also write a JSON report with every result in full.")
    Path json;

    @Option(names = "--spectra-out", description = "Also write measured and modelled spectra (CSV).")
    Path spectraOut;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    SpectrumReadArgs read;

    @Parameters(arity = "1..*", paramLabel = "SPECTRA", description = "Spectrum files to unmix.")
    List<Path> spectraFiles;

    @Override
    public Integer call() throws SpectralFileException {
        // every output is checked before any input is read, and nothing is written before every input is valid
        AtomicFiles.checkWritable(java.util.Arrays.asList(out, json, spectraOut));
        UnmixMethod m = UnmixMethod.parse(method);
        WavenumberWindow w = window == null ? WavenumberWindow.ALL : WavenumberWindow.parse(window);
        SpectrumSet measured = null;
        MineralLibrary oscillators = null;
        if (libraryMeta != null) {
            measured = SpectrumFiles.read(library, read.toOptions().toBuilder().metaFile(libraryMeta).build());
        } else if (LibraryFiles.isLibrary(library)) {
            oscillators = LibraryFiles.read(library);
        } else {
            measured = SpectrumFiles.read(library, read.toOptions());
        }
        if (measured != null) {
            for (Spectrum s : measured.spectra()) {
                s.kind().requireModelled(s.name());
            }
        }
        List<Spectrum> spectra = new ArrayList<>();
        List<double[]> truth = new ArrayList<>();
        List<String> truthColumns = null;
        boolean allLabelled = true;
        for (Path f : spectraFiles) {
            SpectrumSet set = SpectrumFiles.read(f, read.toOptions());
            for (int i = 0; i < set.size(); i++) {
                set.get(i).kind().requireModelled(set.get(i).name());
                spectra.add(set.get(i));
                if (set.hasAbundances()) {
                    truth.add(set.abundances(i).orElseThrow());
                    if (truthColumns == null) {
                        truthColumns = set.abundanceColumns();
                    } else if (!truthColumns.equals(set.abundanceColumns())) {
                        allLabelled = false;
                    }
                } else {
                    allLabelled = false;
                }
            }
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        UnmixerFactories.Inputs inputs = new UnmixerFactories.Inputs(measured, oscillators, w, !noBlackbody, forced,
                params, model);
        // spectra are grouped by axis: each axis gets its own endmember matrix
        Map<String, List<Integer>> byAxis = new LinkedHashMap<>();
        for (int i = 0; i < spectra.size(); i++) {
            byAxis.computeIfAbsent(axisKey(spectra.get(i).axis()), k -> new ArrayList<>()).add(i);
        }
        UnmixResult[] results = new UnmixResult[spectra.size()];
        List<String> failures = new ArrayList<>();
        String description = "";
        for (List<Integer> group : byAxis.values()) {
            List<Spectrum> batch = new ArrayList<>();
            for (int i : group) {
                batch.add(spectra.get(i));
            }
            UnmixerFactory.Prepared prepared = UnmixerFactories.prepare(m, inputs, batch.get(0).axis());
            description = prepared.description();
            ProgressListener progress = quiet ? ProgressListener.NONE
                    : CliProgress.stderr("unmixing (" + m.label() + ")");
            List<BatchUnmixer.Outcome> outcomes = BatchUnmixer.run(batch, prepared.factory(), nThreads, progress,
                    CancellationToken.NONE);
            for (int k = 0; k < group.size(); k++) {
                BatchUnmixer.Outcome o = outcomes.get(k);
                String overflow = o.ok() ? nonFinite(o.result()) : null;
                if (o.ok() && overflow == null) {
                    results[group.get(k)] = o.result();
                } else if (o.ok()) {
                    failures.add(o.spectrum().name() + ": " + overflow);
                } else {
                    failures.add(o.spectrum().name() + ": " + o.error());
                }
            }
        }
        List<UnmixResult> ok = new ArrayList<>();
        for (UnmixResult r : results) {
            if (r != null) {
                ok.add(r);
            }
        }
        if (ok.isEmpty()) {
            throw new UserException("no spectrum could be unmixed: " + String.join("; ", failures));
        }
        UnmixReports.writeCsv(out, ok);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("method", m.label());
        report.put("settings", description);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UnmixResult r : ok) {
            rows.add(UnmixReports.toMap(r, false));
        }
        report.put("results", rows);
        report.put("failures", failures);
        if (allLabelled && truthColumns != null && failures.isEmpty()) {
            AbundanceScorer scorer = new AbundanceScorer(truthColumns);
            List<AbundanceScorer.Score> scores = new ArrayList<>();
            for (int i = 0; i < ok.size(); i++) {
                scores.add(scorer.score(ok.get(i), truth.get(i)));
            }
            AbundanceScorer.Summary s = AbundanceScorer.Summary.of(scores);
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("n", s.n());
            score.put("squared_error", s.squaredError());
            score.put("error_L1", s.errorL1());
            score.put("precision", s.precision());
            score.put("recall", s.recall());
            score.put("rms", s.rms());
            report.put("scores", score);
            if (!quiet) {
                System.err.printf(Locale.ROOT, "known abundances: squared_error %.4f, error_L1 %.3f, precision %.3f, "
                        + "recall %.3f, rms %.4f over %d spectra%n", s.squaredError(), s.errorL1(), s.precision(),
                        s.recall(), s.rms(), s.n());
            }
        }
        if (json != null) {
            JsonOutput.write(json, report);
        }
        if (spectraOut != null) {
            writeSpectra(spectraOut, ok);
        }
        for (String f : failures) {
            System.err.println("oscilla unmix: could not unmix " + f);
        }
        return failures.isEmpty() ? 0 : OscillaCli.USER_ERROR;
    }

    /**
     * What is not finite in a result (an input value so large that the residual overflows, say), or null when every
     * number is finite; such a result is reported as a failure, never written.
     */
    static String nonFinite(UnmixResult r) {
        if (!Double.isFinite(r.rms())) {
            return "the residual is not finite (RMS " + r.rms() + "); the spectrum's values are too large to unmix";
        }
        for (int j = 0; j < r.size(); j++) {
            if (!Double.isFinite(r.abundance(j)) || !Double.isFinite(r.normalized(j))) {
                return "the abundance of '" + r.endmembers().get(j) + "' is not finite";
            }
            if (Double.isInfinite(r.standardErrors()[j]) || Double.isInfinite(r.normalizedErrors()[j])) {
                return "the standard error of '" + r.endmembers().get(j) + "' is not finite";
            }
        }
        for (double v : r.modelled()) {
            if (!Double.isFinite(v)) {
                return "the modelled spectrum is not finite";
            }
        }
        return null;
    }

    private static String axisKey(double[] axis) {
        return axis.length + ":" + Arrays.hashCode(axis);
    }

    /** wavenumber, then measured/modelled/residual per spectrum, on the first result's channels. */
    private static void writeSpectra(Path file, List<UnmixResult> results) throws SpectralFileException {
        List<String> header = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        double[] axis = results.get(0).axis();
        header.add("wavenumber_cm-1");
        columns.add(axis);
        for (UnmixResult r : results) {
            if (!Arrays.equals(r.axis(), axis)) {
                continue; // a different channel set: written only in the JSON report
            }
            header.add(r.spectrumName() + " measured");
            columns.add(r.measured());
            header.add(r.spectrumName() + " modelled");
            columns.add(r.modelled());
            header.add(r.spectrumName() + " residual");
            columns.add(r.residual());
        }
        CsvTables.writeColumns(file, header, columns);
    }
}
