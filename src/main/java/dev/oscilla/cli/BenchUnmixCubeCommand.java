package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.pipeline.CubeStatistics;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench unmix-cube}: runs {@code unmix-cube} and reports its speed (wall and CPU time per spectrum) and, with
 * {@code --truth}, its accuracy: per-band RMSE of the abundance maps against the true maps, and whether every pixel
 * without data stayed without a result.
 */
@Command(name = "unmix-cube", mixinStandardHelpOptions = true,
        description = "Time unmix-cube and score its maps against true abundance maps (JSON report).")
public final class BenchUnmixCubeCommand implements Callable<Integer> {

    @Mixin
    UnmixCubeOptions options;

    @Option(names = "--truth", paramLabel = "TRUTH.hdr", description = "True abundance maps (ENVI, one band per "
            + "endmember named as the endmember, -9999 or NaN where a pixel has no data).")
    Path truth;

    @Option(names = "--json", required = true, description = "Output JSON report.")
    Path json;

    @Override
    public Integer call() throws SpectralFileException {
        UnmixCubeOptions c = options;
        int threads = c.threads();
        CubeJob.Result r = CubeJob.run(c.inputs(), c.out, c.outputOptions(), threads, c.quiet ? ProgressListener.NONE
                : CliProgress.stderr("unmixing cube (" + c.method + ")"), CancellationToken.NONE);
        CubeStatistics s = r.statistics();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("method", c.method);
        report.put("settings", r.description());
        report.put("pixels", s.pixels());
        report.put("unmixed", s.unmixed());
        report.put("no_data", s.noData());
        report.put("failed", s.failed());
        report.put("channels", r.channels());
        report.put("endmembers", r.layout().endmemberCount());
        report.put("threads", threads);
        report.put("total_seconds", r.seconds());
        report.put("cpu_seconds", r.cpuSeconds());
        report.put("spectra_per_second", s.pixels() / r.seconds());
        report.put("cpu_microseconds_per_spectrum", 1e6 * r.cpuSeconds() / Math.max(1, s.pixels()));
        report.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        report.put("median_rms", s.rmsQuantile(0.5));
        if (truth != null) {
            report.put("truth", score(r, c.out));
        }
        JsonOutput.write(json, report);
        if (!c.quiet) {
            System.err.println("oscilla bench unmix-cube: " + CubeJob.summaryLine(r));
        }
        return 0;
    }

    /** RMSE per endmember over the pixels the truth has data for; no-data agreement. */
    private Map<String, Object> score(CubeJob.Result r, Path out) throws SpectralFileException {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> perBand = new LinkedHashMap<>();
        try (EnviCube t = EnviCube.open(truth); EnviCube a = EnviCube.open(out.resolve("abundances.hdr"))) {
            if (t.lines() != a.lines() || t.samples() != a.samples()) {
                throw new UserException("--truth is " + t.lines() + " x " + t.samples() + ", the cube "
                        + a.lines() + " x " + a.samples());
            }
            int pixels = t.lines() * t.samples();
            float[] tv = new float[pixels];
            float[] av = new float[pixels];
            List<String> names = a.bandNames();
            double worst = 0;
            double sumSq = 0;
            long count = 0;
            long noDataMismatch = 0;
            long truthNoData = -1;
            for (int b = 0; b < t.bands(); b++) {
                String name = t.bandNames().get(b);
                int ab = names.indexOf(name);
                if (ab < 0) {
                    throw new UserException("the truth's band '" + name + "' is not among the unmixed bands " + names);
                }
                t.readChannelImage(t.channel(b), tv);
                a.readChannelImage(a.channel(ab), av);
                double ss = 0;
                long n = 0;
                double maxErr = 0;
                long nd = 0;
                for (int p = 0; p < pixels; p++) {
                    boolean tn = Float.isNaN(tv[p]);
                    boolean an = Float.isNaN(av[p]);
                    if (tn) {
                        nd++;
                        if (!an) {
                            noDataMismatch++;
                        }
                        continue;
                    }
                    if (an) {
                        continue; // failed pixels: counted by unmix-cube
                    }
                    double e = av[p] - tv[p];
                    ss += e * e;
                    n++;
                    maxErr = Math.max(maxErr, Math.abs(e));
                }
                truthNoData = nd;
                double rmse = Math.sqrt(ss / Math.max(1, n));
                worst = Math.max(worst, rmse);
                sumSq += ss;
                count += n;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rmse", rmse);
                row.put("max_abs_error", maxErr);
                perBand.put(name, row);
            }
            result.put("rmse_all", Math.sqrt(sumSq / Math.max(1, count)));
            result.put("rmse_worst_band", worst);
            result.put("truth_no_data_pixels", truthNoData);
            result.put("no_data_pixels_with_a_result", noDataMismatch);
            result.put("no_data_preserved", noDataMismatch == 0 && truthNoData == r.statistics().noData());
            result.put("bands", perBand);
            if (!options.quiet) {
                System.err.printf(Locale.ROOT, "oscilla bench unmix-cube: abundance RMSE %.4f over all bands, worst "
                        + "band %.4f; no-data pixels %d (truth %d), %d with a result%n", Math.sqrt(sumSq / Math.max(1,
                        count)), worst, r.statistics().noData(), truthNoData, noDataMismatch);
            }
        }
        return result;
    }
}
