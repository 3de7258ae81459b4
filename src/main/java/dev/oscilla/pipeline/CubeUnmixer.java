package dev.oscilla.pipeline;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ParallelItems;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.AbundanceGroups;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unmixes an image cube pixel by pixel, tile by tile: the cube is cut into tiles of whole lines (or, for very wide
 * cubes, pieces of one line) of at most {@value #MAX_TILE_PIXELS} pixels; each worker thread reads a tile, unmixes
 * its pixels with its own unmixer from {@link UnmixerFactory} (so every method works per pixel; the linear ones
 * through their allocation-free {@link SpectrumUnmixer#unmixValues}), and hands the results to a sink that writes
 * them. Memory is one tile's input and output per worker, whatever the cube size. No file I/O here: the front end
 * gives the reader and the sink.
 *
 * <p>A pixel has no data when every channel in the window is missing (NaN, the ignore value) or zero: it is never
 * unmixed and its results are NaN with mask {@link #NO_DATA}. A pixel with data that cannot be unmixed (too few valid
 * channels, a solver failure, a non-finite result) gets mask {@link #FAILED}.
 */
public final class CubeUnmixer {

    /** Mask value of an unmixed pixel. */
    public static final byte UNMIXED = 0;
    /** Mask value of a pixel without data (never unmixed). */
    public static final byte NO_DATA = 1;
    /** Mask value of a pixel with data that could not be unmixed. */
    public static final byte FAILED = 2;

    /**
     * Upper bound of a tile, pixels: 16,384 pixels of 73 channels is 9.6 MB of input per worker; larger tiles
     * gained nothing measurable (the per-tile overhead is a few mappings and writes).
     */
    static final int MAX_TILE_PIXELS = 16_384;
    /** Upper bound of a tile's input values (32 MB of doubles), for cubes with hundreds of channels. */
    static final int MAX_TILE_VALUES = 4 << 20;
    /** Tiles per worker at least (when the cube is big enough): load balance at the end and regular progress. */
    static final int TILES_PER_WORKER = 8;
    /** Pixels probed for the endmember layout before giving up. */
    static final int PROBE_PIXELS = 64;

    /**
     * Reads a rectangle of the cube: pixel p = (line - firstLine) x sampleCount + (sample - firstSample) holds its
     * channels (the unmixing axis, ascending) at out[p x channels, (p + 1) x channels), NaN where missing.
     */
    @FunctionalInterface
    public interface RegionReader {
        void read(int firstLine, int lineCount, int firstSample, int sampleCount, double[] out);
    }

    /** Receives each finished tile once, from the worker threads (concurrently). */
    @FunctionalInterface
    public interface TileSink {
        void accept(Tile tile, TileResult result);
    }

    /** A rectangle of the cube. */
    public record Tile(int index, int firstLine, int lineCount, int firstSample, int sampleCount)
            implements java.io.Serializable {
        public int pixels() {
            return lineCount * sampleCount;
        }
    }

    /**
     * The results of one tile, valid only during {@link TileSink#accept} (the worker reuses the arrays).
     *
     * @param values band-major: band b of pixel p at values[b x pixels + p] (NaN where not unmixed)
     * @param rms    per pixel (NaN where not unmixed)
     * @param mask   per pixel: {@link #UNMIXED}, {@link #NO_DATA} or {@link #FAILED}
     * @param pixels pixels of the tile (the arrays may be longer)
     */
    public record TileResult(double[] values, double[] rms, byte[] mask, int pixels) {
    }

    /**
     * The cube's size and unmixing axis.
     *
     * @param lines   lines
     * @param samples pixels per line
     * @param axis    the channels the reader gives, cm^-1 ascending
     */
    public record Geometry(int lines, int samples, double[] axis) {
        public Geometry {
            if (lines < 1 || samples < 1 || axis.length < 1) {
                throw new IllegalArgumentException("a cube has at least one line, sample and channel");
            }
            axis = axis.clone();
        }

        public long pixels() {
            return (long) lines * samples;
        }
    }

    private final UnmixRequest request;
    private final Geometry geometry;
    private final UnmixerFactory.Prepared prepared;
    private final CubeLayout layout;
    private final boolean[] inWindow;

    private CubeUnmixer(UnmixRequest request, Geometry geometry, UnmixerFactory.Prepared prepared, CubeLayout layout) {
        this.request = request;
        this.geometry = geometry;
        this.prepared = prepared;
        this.layout = layout;
        this.inWindow = windowChannels(geometry.axis(), request);
    }

    /**
     * Prepares {@code request} for the cube's axis ({@link UnmixerFactory#prepare}) and learns the endmember layout
     * by unmixing the first pixels that have data.
     *
     * @throws IllegalArgumentException when the method cannot be prepared, no pixel has data in the window, or none
     *                                  of the first {@value #PROBE_PIXELS} pixels with data can be unmixed (the
     *                                  message says why)
     */
    public static CubeUnmixer prepare(UnmixRequest request, Geometry geometry, RegionReader reader,
                                      CancellationToken cancel) {
        UnmixerFactory.Prepared prepared = UnmixerFactory.prepare(request, geometry.axis());
        boolean[] window = windowChannels(geometry.axis(), request);
        SpectrumUnmixer unmixer = prepared.factory().get();
        int channels = geometry.axis().length;
        double[] line = new double[geometry.samples() * channels];
        double[] pixel = new double[channels];
        int probed = 0;
        String lastFailure = null;
        for (int l = 0; l < geometry.lines() && probed < PROBE_PIXELS; l++) {
            cancel.throwIfCancelled();
            reader.read(l, 1, 0, geometry.samples(), line);
            for (int s = 0; s < geometry.samples() && probed < PROBE_PIXELS; s++) {
                if (!hasData(line, s * channels, window)) {
                    continue;
                }
                probed++;
                System.arraycopy(line, s * channels, pixel, 0, channels);
                try {
                    UnmixResult r = unmixer.unmix(new Spectrum("probe", SpectrumKind.UNKNOWN, geometry.axis(), pixel));
                    return new CubeUnmixer(request, geometry, prepared, CubeLayout.of(r));
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    lastFailure = String.format(Locale.ROOT, "line %d, sample %d: %s", l + 1, s + 1, message(e));
                }
            }
        }
        if (probed == 0) {
            throw new IllegalArgumentException("no pixel of the cube has data in the window " + request.window()
                    + " (every value missing or zero)");
        }
        throw new IllegalArgumentException("none of the first " + probed + " pixels with data could be unmixed; "
                + lastFailure);
    }

    /** Channels of {@code axis} inside the request's window. */
    public static boolean[] windowChannels(double[] axis, UnmixRequest request) {
        boolean[] in = new boolean[axis.length];
        for (int c = 0; c < axis.length; c++) {
            in[c] = request.window().contains(axis[c]);
        }
        return in;
    }

    /** True when some channel in the window holds a finite non-zero value. */
    static boolean hasData(double[] values, int offset, boolean[] inWindow) {
        for (int c = 0; c < inWindow.length; c++) {
            double v = values[offset + c];
            if (inWindow[c] && v != 0 && Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    public CubeLayout layout() {
        return layout;
    }

    public Geometry geometry() {
        return geometry;
    }

    public UnmixRequest request() {
        return request;
    }

    /** Method, endmembers and channels, from {@link UnmixerFactory}. */
    public String description() {
        return prepared.description();
    }

    /** A new unmixer of the prepared method (one per thread): for unmixing single pixels in full. */
    public SpectrumUnmixer newUnmixer() {
        return prepared.factory().get();
    }

    /** The tiles of the cube for {@code workers} workers, in line order. */
    public List<Tile> tiles(int workers) {
        return plan(geometry, workers);
    }

    /** Cuts a cube into tiles: whole-line blocks, or pieces of single lines when a line alone is too large. */
    public static List<Tile> plan(Geometry geometry, int workers) {
        long total = geometry.pixels();
        int channels = geometry.axis().length;
        long cap = Math.min(MAX_TILE_PIXELS, Math.max(1, MAX_TILE_VALUES / channels));
        long balanced = (total + (long) Math.max(1, workers) * TILES_PER_WORKER - 1)
                / ((long) Math.max(1, workers) * TILES_PER_WORKER);
        int target = (int) Math.max(1, Math.min(cap, balanced));
        List<Tile> tiles = new ArrayList<>();
        int samples = geometry.samples();
        if (samples <= target) {
            int linesPerTile = Math.max(1, target / samples);
            for (int l = 0; l < geometry.lines(); l += linesPerTile) {
                tiles.add(new Tile(tiles.size(), l, Math.min(linesPerTile, geometry.lines() - l), 0, samples));
            }
        } else {
            for (int l = 0; l < geometry.lines(); l++) {
                for (int s = 0; s < samples; s += target) {
                    tiles.add(new Tile(tiles.size(), l, 1, s, Math.min(target, samples - s)));
                }
            }
        }
        return tiles;
    }

    /** A worker: one unmixer and the buffers of one tile. Confined to one thread. */
    public Worker newWorker(int capacityPixels) {
        return new Worker(prepared.factory().get(), layout, geometry.axis(), inWindow, capacityPixels);
    }

    /**
     * Unmixes the whole cube on {@code threads} threads and returns the statistics.
     *
     * @throws CancellationException when cancelled (the sink has then received some tiles, not all)
     */
    public CubeStatistics run(RegionReader reader, TileSink sink, int threads, ProgressListener progress,
                              CancellationToken cancel) {
        List<Tile> tiles = tiles(threads);
        int capacity = tiles.stream().mapToInt(Tile::pixels).max().orElse(1);
        List<CubeStatistics> perWorker = java.util.Collections.synchronizedList(new ArrayList<>());
        long total = geometry.pixels();
        AtomicLong done = new AtomicLong();
        ParallelItems.run(tiles.size(), threads, "oscilla-cube", "tiles", () -> {
            Worker w = newWorker(capacity);
            perWorker.add(w.statistics());
            return w;
        }, (worker, i) -> {
            Tile t = tiles.get(i);
            worker.process(t, reader, sink, cancel);
            synchronized (done) { // one report at a time, so that the counts a listener sees only grow
                long d = done.addAndGet(t.pixels());
                progress.progress(d / (double) total, String.format(Locale.ROOT, "%,d of %,d pixels", d, total));
            }
        }, ProgressListener.NONE, cancel);
        CubeStatistics all = new CubeStatistics(layout.bandNames());
        for (CubeStatistics s : perWorker) {
            all.merge(s);
        }
        return all;
    }

    /**
     * The per-thread state of unmixing tiles: an unmixer, the tile buffers and running statistics. Public so that a
     * distributed job (one worker per partition) runs exactly the same per-pixel code.
     */
    public static final class Worker {
        private final SpectrumUnmixer unmixer;
        private final double[] axis;
        private final boolean[] inWindow;
        private final int channels;
        private final int endmembers;
        private final int bands;
        private final AbundanceGroups groups;
        private final double[] input;
        private final double[] pixel;
        private final double[] abundances;
        private final double[] groupSums;
        private final double[] values;
        private final double[] rms;
        private final byte[] mask;
        private final int capacity;
        private final CubeStatistics statistics;

        /**
         * @param unmixer        a new unmixer of the prepared method, for this worker only
         * @param inWindow       per channel of {@code axis}: inside the unmixing window
         * @param capacityPixels the largest tile this worker will process
         */
        public Worker(SpectrumUnmixer unmixer, CubeLayout layout, double[] axis, boolean[] inWindow,
                      int capacityPixels) {
            this.unmixer = unmixer;
            this.axis = axis.clone();
            this.inWindow = inWindow.clone();
            this.channels = axis.length;
            this.endmembers = layout.endmemberCount();
            this.groups = layout.groups();
            this.bands = endmembers + groups.size();
            this.capacity = capacityPixels;
            this.input = new double[capacityPixels * channels];
            this.pixel = new double[channels];
            this.abundances = new double[endmembers];
            this.groupSums = new double[groups.size()];
            this.values = new double[capacityPixels * bands];
            this.rms = new double[capacityPixels];
            this.mask = new byte[capacityPixels];
            this.statistics = new CubeStatistics(layout.bandNames());
        }

        /** The statistics of every tile this worker processed. */
        public CubeStatistics statistics() {
            return statistics;
        }

        /** Reads, unmixes and hands over one tile. */
        public void process(Tile tile, RegionReader reader, TileSink sink, CancellationToken cancel) {
            int n = tile.pixels();
            if (n > capacity) {
                throw new IllegalArgumentException("tile of " + n + " pixels exceeds the worker's " + capacity);
            }
            reader.read(tile.firstLine(), tile.lineCount(), tile.firstSample(), tile.sampleCount(), input);
            for (int p = 0; p < n; p++) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("cancelled");
                }
                unmixPixel(tile, p, n);
            }
            sink.accept(tile, new TileResult(values, rms, mask, n));
        }

        private void unmixPixel(Tile tile, int p, int n) {
            int o = p * channels;
            if (!hasData(input, o, inWindow)) {
                noResult(p, n, NO_DATA);
                statistics.addNoData();
                return;
            }
            System.arraycopy(input, o, pixel, 0, channels);
            double r;
            String failure = null;
            try {
                r = unmixer.unmixValues(axis, pixel, abundances);
                if (!Double.isFinite(r)) {
                    failure = "the model's RMS is " + r;
                }
                for (int j = 0; j < endmembers && failure == null; j++) {
                    if (!Double.isFinite(abundances[j])) {
                        failure = "abundance " + (j + 1) + " is " + abundances[j];
                    }
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                r = Double.NaN;
                failure = message(e);
            }
            if (failure != null) {
                noResult(p, n, FAILED);
                int line = tile.firstLine() + p / tile.sampleCount();
                int sample = tile.firstSample() + p % tile.sampleCount();
                statistics.addFailed(String.format(Locale.ROOT, "line %d, sample %d: %s", line + 1, sample + 1,
                        failure));
                return;
            }
            groups.normalizedSums(abundances, groupSums);
            for (int j = 0; j < endmembers; j++) {
                values[j * n + p] = abundances[j];
            }
            for (int g = 0; g < groupSums.length; g++) {
                values[(endmembers + g) * n + p] = groupSums[g];
            }
            rms[p] = r;
            mask[p] = UNMIXED;
            statistics.addUnmixed(values, p, n, r);
        }

        private void noResult(int p, int n, byte why) {
            for (int b = 0; b < bands; b++) {
                values[b * n + p] = Double.NaN;
            }
            rms[p] = Double.NaN;
            mask[p] = why;
        }
    }

    @Override
    public String toString() {
        return "CubeUnmixer[" + geometry.lines() + " x " + geometry.samples() + " x " + geometry.axis().length + ", "
                + prepared.description() + "]";
    }

    /** Band values of pixel p of a result (for tests and single-pixel readouts). */
    static double[] pixelValues(TileResult r, int p, int bands) {
        double[] out = new double[bands];
        for (int b = 0; b < bands; b++) {
            out[b] = r.values()[b * r.pixels() + p];
        }
        return out;
    }
}
