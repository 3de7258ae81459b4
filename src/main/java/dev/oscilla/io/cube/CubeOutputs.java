package dev.oscilla.io.cube;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.io.envi.EnviCubeWriter;
import dev.oscilla.io.envi.EnviDataType;
import dev.oscilla.io.envi.EnviHeader;
import dev.oscilla.io.envi.EnviNames;
import dev.oscilla.pipeline.CubeLayout;
import dev.oscilla.pipeline.CubeStatistics;
import dev.oscilla.pipeline.CubeUnmixer;
import dev.oscilla.pipeline.MapRenderer;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ParallelItems;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.io.envi.EnviRegionWriter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The files an unmixed cube is written to, in one folder:
 * <ul>
 *   <li>{@code abundances.img/.hdr}: ENVI BSQ cube (float32 unless asked for float64), one band per endmember
 *       (abundances as solved, blackbody included), then one per mineral group ({@code group:<name>}, sums of the
 *       abundances renormalised without the blackbody); pixels without a result hold the {@code data ignore value}
 *       {@value #IGNORE_VALUE};</li>
 *   <li>{@code rms.img/.hdr}: the RMS of each pixel's model, same conventions;</li>
 *   <li>{@code mask.img/.hdr}: byte band, 0 = unmixed, 1 = no data in the input (never unmixed), 2 = could not be
 *       unmixed;</li>
 *   <li>{@code quicklooks/NN_<band>.png} and {@code quicklooks/rms.png}: each map with its colour bar;</li>
 *   <li>{@code summary.csv}: mean, extremes and percentiles of every band and of the RMS, pixel counts.</li>
 * </ul>
 * The cubes are written tile by tile into hidden temporary files while unmixing runs ({@link #sink()}, from any
 * thread) and only {@link #commit} puts them in place: a failed or cancelled run leaves the folder as it was.
 * Georeferencing ({@code map info}, {@code coordinate system string}, {@code projection info}) is copied from the
 * input cube's header.
 */
public final class CubeOutputs implements AutoCloseable {

    /** Written where a pixel has no result; declared as the {@code data ignore value} of the outputs. */
    public static final double IGNORE_VALUE = -9999;

    public static final String ABUNDANCES = "abundances.img";
    public static final String RMS = "rms.img";
    public static final String MASK = "mask.img";
    public static final String SUMMARY = "summary.csv";
    public static final String QUICKLOOKS = "quicklooks";

    /** Header keys of the input cube carried over to every output (georeferencing). */
    private static final List<String> CARRIED_KEYS = List.of("map info", "coordinate system string",
            "projection info", "pixel size", "x start", "y start", "geo points");

    /**
     * @param precision     FLOAT32 (the default) or FLOAT64 for the abundance and RMS cubes
     * @param quicklookSize longer side of the quicklook maps, pixels; 0 for none
     */
    public record Options(EnviDataType precision, int quicklookSize) {
        public Options {
            Objects.requireNonNull(precision, "precision");
            if (precision != EnviDataType.FLOAT32 && precision != EnviDataType.FLOAT64) {
                throw new IllegalArgumentException("outputs are float32 or float64");
            }
            if (quicklookSize < 0) {
                throw new IllegalArgumentException("quicklook size must be >= 0");
            }
        }

        /** Quicklooks of at most 1024 pixels a side: readable, and drawn in seconds for any cube. */
        public static Options defaults() {
            return new Options(EnviDataType.FLOAT32, 1024);
        }
    }

    private final Path dir;
    private final CubeLayout layout;
    private final int lines;
    private final int samples;
    private final Options options;
    private final EnviCubeWriter abundances;
    private final EnviCubeWriter rms;
    private final EnviCubeWriter mask;
    private final String description;

    private CubeOutputs(Path dir, CubeLayout layout, int lines, int samples, Options options, EnviCubeWriter abundances,
                        EnviCubeWriter rms, EnviCubeWriter mask, String description) {
        this.dir = dir;
        this.layout = layout;
        this.lines = lines;
        this.samples = samples;
        this.options = options;
        this.abundances = abundances;
        this.rms = rms;
        this.mask = mask;
        this.description = description;
    }

    /**
     * Starts the outputs in {@code dir} (created when missing). Nothing visible changes in {@code dir} before
     * {@link #commit}.
     *
     * @param description what was unmixed and how (method, library, window), for the headers and the summary
     * @param source      the input cube's header, for its georeferencing; may be null
     */
    public static CubeOutputs create(Path dir, CubeLayout layout, int lines, int samples, Options options,
                                     String description, EnviHeader source) throws SpectralFileException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SpectralFileException(dir, "exists and is not a folder");
        }
        List<String> names = new ArrayList<>();
        for (String n : layout.bandNames()) {
            names.add(EnviNames.sanitise(n, "band"));
        }
        EnviCubeWriter a = null;
        EnviCubeWriter r = null;
        EnviCubeWriter m = null;
        try {
            a = EnviCubeWriter.create(dir.resolve(ABUNDANCES), samples, lines, names.size(), options.precision(),
                    ByteOrder.LITTLE_ENDIAN, header(description + "; band values: abundances as solved (blackbody "
                            + "included), then group sums of the abundances renormalised without the blackbody",
                            names, true, source));
            r = EnviCubeWriter.create(dir.resolve(RMS), samples, lines, 1, options.precision(), ByteOrder.LITTLE_ENDIAN,
                    header(description + "; RMS of each pixel's model over the channels used", List.of("RMS"), true,
                            source));
            m = EnviCubeWriter.create(dir.resolve(MASK), samples, lines, 1, EnviDataType.UINT8,
                    ByteOrder.LITTLE_ENDIAN, header(description + "; 0 = unmixed, 1 = no data in the input (never "
                            + "unmixed), 2 = could not be unmixed", List.of("mask (0 unmixed; 1 no data; 2 failed)"),
                            false, source));
        } catch (SpectralFileException | RuntimeException e) {
            for (EnviCubeWriter w : new EnviCubeWriter[] {a, r, m}) {
                if (w != null) {
                    w.close();
                }
            }
            throw e;
        }
        return new CubeOutputs(dir, layout, lines, samples, options, a, r, m, description);
    }

    private static EnviHeader header(String description, List<String> bandNames, boolean ignoreValue,
                                     EnviHeader source) {
        EnviHeader.Builder b = EnviHeader.builder().text("description", "Oscilla unmix-cube: " + description);
        if (ignoreValue) {
            b.put("data ignore value", EnviHeaderFormat.number(IGNORE_VALUE));
        }
        b.list("band names", bandNames);
        if (source != null) {
            for (String key : CARRIED_KEYS) {
                source.entry(key).ifPresent(e -> EnviHeaderFormat.copy(b, e));
            }
        }
        return b.build();
    }

    public Path folder() {
        return dir;
    }

    /** Writes each tile's results as they come (thread-safe); a write error is thrown as an UncheckedIOException. */
    public CubeUnmixer.TileSink sink() {
        return sink(layout.bands(), abundances.regions(), rms.regions(), mask.regions());
    }

    /**
     * The staged output files, for other processes that write tiles into them ({@link #sink(int, EnviRegionWriter,
     * EnviRegionWriter, EnviRegionWriter)} over writers they open from these targets) before {@link #commit}.
     */
    public record Targets(EnviRegionWriter.Target abundances, EnviRegionWriter.Target rms,
                          EnviRegionWriter.Target mask, int bands) implements Serializable {
    }

    public Targets targets() {
        return new Targets(abundances.target(), rms.target(), mask.target(), layout.bands());
    }

    /**
     * A sink writing tiles into the three output files: abundances (NaN written as {@value #IGNORE_VALUE}), RMS, mask.
     */
    public static CubeUnmixer.TileSink sink(int bands, EnviRegionWriter abundances, EnviRegionWriter rms,
                                            EnviRegionWriter mask) {
        return (tile, result) -> {
            int n = result.pixels();
            double[] values = result.values();
            double[] band = new double[n];
            try {
                for (int b = 0; b < bands; b++) {
                    for (int p = 0; p < n; p++) {
                        double v = values[b * n + p];
                        band[p] = Double.isNaN(v) ? IGNORE_VALUE : v;
                    }
                    abundances.writeRegion(b, tile.firstLine(), tile.lineCount(), tile.firstSample(),
                            tile.sampleCount(), band, 0);
                }
                for (int p = 0; p < n; p++) {
                    double v = result.rms()[p];
                    band[p] = Double.isNaN(v) ? IGNORE_VALUE : v;
                }
                rms.writeRegion(0, tile.firstLine(), tile.lineCount(), tile.firstSample(), tile.sampleCount(), band, 0);
                for (int p = 0; p < n; p++) {
                    band[p] = result.mask()[p];
                }
                mask.writeRegion(0, tile.firstLine(), tile.lineCount(), tile.firstSample(), tile.sampleCount(), band,
                        0);
            } catch (SpectralFileException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        };
    }

    /**
     * Puts the cubes in place, then draws the quicklooks and writes the summary. Returns the files written.
     */
    public List<Path> commit(CubeStatistics statistics, int threads) throws SpectralFileException {
        abundances.commit();
        rms.commit();
        mask.commit();
        List<Path> written = new ArrayList<>(List.of(abundances.dataFile(), abundances.headerFile(), rms.dataFile(),
                rms.headerFile(), mask.dataFile(), mask.headerFile()));
        if (options.quicklookSize() > 0) {
            written.addAll(quicklooks(statistics, threads));
        }
        Path summary = dir.resolve(SUMMARY);
        CubeSummary.write(summary, statistics, layout);
        written.add(summary);
        return written;
    }

    /** One PNG per band and one of the RMS, drawn on {@code threads} threads (each reads its band from the cube). */
    private List<Path> quicklooks(CubeStatistics statistics, int threads) throws SpectralFileException {
        Path folder = dir.resolve(QUICKLOOKS);
        List<String> names = layout.bandNames();
        int bands = names.size();
        Path[] files = new Path[bands + 1];
        try (EnviCube cube = EnviCube.open(abundances.headerFile()); EnviCube rmsCube = EnviCube.open(rms.headerFile())) {
            ParallelItems.run(bands + 1, threads, "oscilla-quicklooks", "quicklooks", () -> new float[lines * samples],
                    (image, b) -> {
                        String title;
                        MapRenderer.Stretch stretch;
                        if (b < bands) {
                            cube.readChannelImage(b, image);
                            stretch = MapRenderer.abundanceStretch(statistics.quantile(b, 0.01),
                                    statistics.quantile(b, 0.99));
                            title = names.get(b) + (layout.isGroupBand(b) ? " (group sum)" : " (abundance)");
                            files[b] = folder.resolve(Quicklooks.fileName(b, names.get(b)));
                        } else {
                            rmsCube.readChannelImage(0, image);
                            double hi = statistics.rmsQuantile(0.99);
                            stretch = new MapRenderer.Stretch(0, Double.isFinite(hi) && hi > 0 ? hi : 1);
                            title = "RMS of the model";
                            files[b] = folder.resolve("rms.png");
                        }
                        try {
                            Quicklooks.write(files[b], title, image, samples, lines, stretch,
                                    MapRenderer.Palette.VIRIDIS, options.quicklookSize());
                        } catch (SpectralFileException e) {
                            throw new UncheckedIOException(new IOException(e.getMessage(), e));
                        }
                    }, ProgressListener.NONE, CancellationToken.NONE);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UncheckedIOException u && u.getCause().getCause() instanceof SpectralFileException f) {
                throw f;
            }
            throw e;
        }
        return List.of(files);
    }

    /** Abandons the outputs unless committed: their temporary files are deleted. */
    @Override
    public void close() {
        abundances.close();
        rms.close();
        mask.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CubeOutputs[%s, %d bands]", dir, layout.bands());
    }

    /** Small helpers over the header builder for values taken from another header. */
    static final class EnviHeaderFormat {
        private EnviHeaderFormat() {
        }

        static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        static void copy(EnviHeader.Builder b, EnviHeader.Entry e) {
            if (e.braced()) {
                b.text(e.key(), e.value());
            } else {
                b.put(e.key(), e.value());
            }
        }
    }
}
