package dev.oscilla.io.cube;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.CsvTables;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.pipeline.CubeLayout;
import dev.oscilla.pipeline.CubeStatistics;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV summary of an unmixed cube: one row per band (kind {@code endmember} or {@code group}) and one for the
 * RMS, with the mean over the unmixed pixels, the extremes and the 5th, 25th, 50th, 75th and 95th percentiles
 * (abundances to 0.001, RMS to 0.5 %), then one row per pixel count ({@code pixels}: total, unmixed, no data,
 * failed). Columns: {@code kind,name,mean,min,p05,p25,median,p75,p95,max,pixels}.
 */
public final class CubeSummary {

    public static final List<String> COLUMNS = List.of("kind", "name", "mean", "min", "p05", "p25", "median", "p75",
            "p95", "max", "pixels");
    private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

    private CubeSummary() {
    }

    public static void write(Path file, CubeStatistics s, CubeLayout layout)
            throws SpectralFileException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", COLUMNS)).append('\n');
        List<String> names = layout.bandNames();
        for (int b = 0; b < names.size(); b++) {
            sb.append(layout.isGroupBand(b) ? "group" : "endmember").append(',')
                    .append(CsvTables.quote(layout.isGroupBand(b)
                            ? names.get(b).substring(CubeLayout.GROUP_PREFIX.length()) : names.get(b)))
                    .append(',').append(CsvTables.format(s.mean(b))).append(',').append(CsvTables.format(s.min(b)));
            for (double q : QUANTILES) {
                sb.append(',').append(CsvTables.format(s.quantile(b, q)));
            }
            sb.append(',').append(CsvTables.format(s.max(b))).append(',').append(s.unmixed()).append('\n');
        }
        sb.append("rms,RMS,").append(CsvTables.format(s.rmsMean())).append(',').append(CsvTables.format(s.rmsQuantile(0)));
        for (double q : QUANTILES) {
            sb.append(',').append(CsvTables.format(s.rmsQuantile(q)));
        }
        sb.append(',').append(CsvTables.format(s.rmsMax())).append(',').append(s.unmixed()).append('\n');
        row(sb, "total", s.pixels());
        row(sb, "unmixed", s.unmixed());
        row(sb, "no data", s.noData());
        row(sb, "failed", s.failed());
        AtomicFiles.writeString(file, sb.toString());
    }

    private static void row(StringBuilder sb, String name, long count) {
        sb.append("pixels,").append(name).append(",,,,,,,,,").append(count).append('\n');
    }
}
