package dev.oscilla.pipeline;

import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.BandResampler;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.spectrum.WavenumberWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic thermal-emission image cube with known abundances, for testing and benchmarking cube unmixing: the
 * endmembers are a library resampled onto a TES-like instrument grid (band centres 232.7794 + 10.5809 k cm^-1 for
 * k = 0..26 and 56..101, the CO2 band left out; each band the mean over +-5.29 cm^-1), every pixel a linear mixture
 * of them with smooth abundance maps, plus Gaussian noise; some pixels have no data (NaN, the ignore value, all
 * zero) and some have one missing channel. Each pixel is a pure function of its position and the seed, so a cube of
 * any size is generated tile by tile, in parallel, without holding it.
 *
 * <p>Abundance maps: each mineral j has a smooth field f_j (three plane waves of 0.5-2.5 cycles across the image,
 * random directions and phases, unit variance) and takes part where f_j exceeds {@value #PRESENCE_THRESHOLD}
 * (about a quarter of the image for each), with weight (f_j - threshold)^2, so it fades in and out continuously; the
 * weights of a pixel are normalised to its surface fraction 1 - b, with the blackbody fraction b a smooth field in
 * [0.05, 0.30]. Where no field reaches the threshold it is lowered to {@value #FALLBACK_MARGIN} below the strongest,
 * so that some mineral is always present and every map stays continuous.
 */
public final class SyntheticCube {

    /** TES-like band centres: first centre and spacing, cm^-1. */
    public static final double FIRST_CENTRE = 232.7794;
    public static final double SPACING = 10.5809;
    /** Half the width of each band, cm^-1 (a box-car response as wide as the spacing). */
    public static final double HALF_WIDTH = 5.29;
    /** Band numbers k kept: 0..26 and 56..101 (27..55, 518-815 cm^-1, is the atmospheric CO2 band). */
    private static final int[][] BAND_RANGES = {{0, 26}, {56, 101}};
    /** The value written for pixels of the ignore-value kind; declared in the cube's header. */
    public static final double IGNORE_VALUE = -9999;
    /** Grid step of oscillator models rendered before band-averaging, cm^-1 (bands are 10.58 cm^-1 wide). */
    static final double RENDER_STEP = 0.05;
    /** A mineral takes part where its field exceeds this (f_j has unit variance: about 27 % of the image). */
    static final double PRESENCE_THRESHOLD = 0.6;
    private static final int WAVES = 3;
    /** Where no mineral reaches the threshold, the threshold is this far below the strongest field. */
    static final double FALLBACK_MARGIN = 0.3;

    /** What a pixel holds. */
    public enum PixelKind {
        /** A mixture with every channel. */
        DATA,
        /** A mixture with one channel missing (NaN): still to be unmixed. */
        DATA_ONE_CHANNEL_MISSING,
        /** Every channel NaN. */
        NAN,
        /** Every channel the ignore value. */
        IGNORE,
        /** Every channel zero. */
        ZERO;

        public boolean hasData() {
            return this == DATA || this == DATA_ONE_CHANNEL_MISSING;
        }
    }

    /**
     * @param lines   image lines
     * @param samples pixels per line
     * @param seed    random seed of the maps, the noise and the no-data pixels
     * @param noise   standard deviation of the Gaussian noise, emissivity units
     */
    public record Settings(int lines, int samples, long seed, double noise) {
        public Settings {
            if (lines < 1 || samples < 1) {
                throw new IllegalArgumentException("a cube has at least one line and sample");
            }
            if (!(noise >= 0)) {
                throw new IllegalArgumentException("noise must be >= 0");
            }
        }

        /** Noise sigma 0.002 (a good thermal-emission spectrometer), seed 1. */
        public static Settings of(int lines, int samples) {
            return new Settings(lines, samples, 1, 0.002);
        }
    }

    private final Settings settings;
    private final SpectrumSet library;     // on the TES axis, blackbody included
    private final double[] axis;
    private final double[][] columns;      // [endmember][channel]; NaN where the library is missing
    private final int blackbody;
    private final boolean[] channelMissing; // a library spectrum is missing there: NaN in every pixel
    private final double[][][] waves;      // [endmember][wave] = {kx, ky, phase}
    private final double[] blackbodyWave;  // {kx, ky, phase}

    private SyntheticCube(Settings settings, SpectrumSet library, int blackbody) {
        this.settings = settings;
        this.library = library;
        this.axis = library.get(0).axis();
        this.blackbody = blackbody;
        int m = library.size();
        columns = new double[m][];
        for (int j = 0; j < m; j++) {
            Spectrum s = library.get(j);
            double[] v = s.values();
            for (int c = 0; c < v.length; c++) {
                if (!s.isValid(c)) {
                    v[c] = Double.NaN;
                }
            }
            columns[j] = v;
        }
        channelMissing = new boolean[axis.length];
        for (double[] col : columns) {
            for (int c = 0; c < col.length; c++) {
                channelMissing[c] |= Double.isNaN(col[c]);
            }
        }
        SplittableRandom r = new SplittableRandom(settings.seed());
        waves = new double[m][WAVES][];
        for (int j = 0; j < m; j++) {
            for (int w = 0; w < WAVES; w++) {
                waves[j][w] = wave(r);
            }
        }
        blackbodyWave = wave(r);
    }

    /** A plane wave of 0.5-2.5 cycles across the image, random direction and phase: {kx, ky, phase} in radians. */
    private static double[] wave(SplittableRandom r) {
        double cycles = 0.5 + 2 * r.nextDouble();
        double direction = 2 * Math.PI * r.nextDouble();
        return new double[] {2 * Math.PI * cycles * Math.cos(direction), 2 * Math.PI * cycles * Math.sin(direction),
            2 * Math.PI * r.nextDouble()};
    }

    /** The TES-like band centres, cm^-1 ascending (73 bands). */
    public static double[] tesAxis() {
        int n = 0;
        for (int[] range : BAND_RANGES) {
            n += range[1] - range[0] + 1;
        }
        double[] out = new double[n];
        int i = 0;
        for (int[] range : BAND_RANGES) {
            for (int k = range[0]; k <= range[1]; k++) {
                out[i++] = FIRST_CENTRE + SPACING * k;
            }
        }
        return out;
    }

    /**
     * Measured library spectra resampled onto the TES-like bands ({@link BandResampler}); channels outside
     * {@code trusted} (e.g. instrument noise at the ends of a lab spectrum) are masked first, so bands that reach
     * there are missing. A blackbody (emissivity 1) is added when the library has none.
     */
    public static SpectrumSet resampleLibrary(SpectrumSet measured, WavenumberWindow trusted) {
        double[] centres = tesAxis();
        List<Spectrum> out = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Spectrum s = measured.get(i);
            boolean[] keep = new boolean[s.size()];
            for (int c = 0; c < keep.length; c++) {
                keep[c] = trusted.contains(s.wavenumber(c)) && s.value(c) != 0.0;
            }
            Spectrum r = isBlackbody(s.name(), measured.categories().get(i)) ? flat(s.name(), centres)
                    : BandResampler.resample(s.withMask(keep), centres, HALF_WIDTH);
            out.add(r.withKind(SpectrumKind.EMISSIVITY));
            categories.add(measured.categories().get(i));
        }
        return withBlackbody(out, categories);
    }

    /**
     * Oscillator models rendered on a fine grid ({@value #RENDER_STEP} cm^-1) and averaged over the TES-like bands; a
     * blackbody is added when the models have none.
     */
    public static SpectrumSet renderLibrary(List<Mineral> minerals) {
        double[] centres = tesAxis();
        double lo = centres[0] - HALF_WIDTH - RENDER_STEP;
        double hi = centres[centres.length - 1] + HALF_WIDTH + RENDER_STEP;
        int n = (int) Math.ceil((hi - lo) / RENDER_STEP) + 1;
        double[] fine = new double[n];
        for (int i = 0; i < n; i++) {
            fine[i] = lo + i * RENDER_STEP;
        }
        DispersionEvaluator evaluator = new DispersionEvaluator(fine);
        List<Spectrum> out = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        double[] values = new double[n];
        for (Mineral m : minerals) {
            Spectrum r;
            if (m.isBlackbody() || isBlackbody(m.name(), m.category())) {
                r = flat(m.name(), centres);
            } else {
                evaluator.evaluate(m, Quantity.EMISSIVITY, values);
                r = BandResampler.resample(new Spectrum(m.name(), SpectrumKind.EMISSIVITY, fine, values), centres,
                        HALF_WIDTH);
            }
            out.add(r);
            categories.add(m.category());
        }
        return withBlackbody(out, categories);
    }

    private static SpectrumSet withBlackbody(List<Spectrum> spectra, List<String> categories) {
        boolean has = false;
        for (int i = 0; i < spectra.size(); i++) {
            has |= isBlackbody(spectra.get(i).name(), categories.get(i));
        }
        if (!has) {
            spectra.add(flat(Mineral.BLACKBODY_NAME, tesAxis()));
            categories.add(Mineral.BLACKBODY_NAME);
        }
        return new SpectrumSet(spectra, categories, List.of(), List.of());
    }

    private static Spectrum flat(String name, double[] axis) {
        double[] ones = new double[axis.length];
        Arrays.fill(ones, 1.0);
        return new Spectrum(name, SpectrumKind.EMISSIVITY, axis, ones);
    }

    private static boolean isBlackbody(String name, String category) {
        return name.replace(" ", "").equalsIgnoreCase("blackbody")
                || (category != null && category.replace(" ", "").equalsIgnoreCase("blackbody"));
    }

    /**
     * A cube over {@code library}, which must be on the TES-like axis and hold a blackbody (as
     * {@link #resampleLibrary} and {@link #renderLibrary} make it).
     */
    public static SyntheticCube of(SpectrumSet library, Settings settings) {
        if (!library.get(0).sameAxis(tesAxis())) {
            throw new IllegalArgumentException("the library is not on the TES-like axis");
        }
        int bb = -1;
        for (int i = 0; i < library.size(); i++) {
            if (isBlackbody(library.get(i).name(), library.categories().get(i))) {
                bb = i;
            }
        }
        if (bb < 0) {
            throw new IllegalArgumentException("the library has no blackbody");
        }
        return new SyntheticCube(settings, library, bb);
    }

    public Settings settings() {
        return settings;
    }

    /** The endmembers on the TES-like axis (blackbody included), in the order of the truth abundances. */
    public SpectrumSet library() {
        return library;
    }

    public double[] axis() {
        return axis.clone();
    }

    public int channels() {
        return axis.length;
    }

    public int endmembers() {
        return columns.length;
    }

    /** What pixel (line, sample) holds: a few no-data pixels scattered by the seed, and one no-data rectangle. */
    public PixelKind kind(int line, int sample) {
        int lines = settings.lines();
        int samples = settings.samples();
        if (line >= lines / 8 && line < lines / 8 + Math.max(1, lines / 16) && sample >= samples / 2
                && sample < samples / 2 + Math.max(1, samples / 10)) {
            return PixelKind.NAN; // a data gap, as along an orbit track
        }
        long p = (long) line * samples + sample + settings.seed();
        if (p % 997 == 5) {
            return PixelKind.NAN;
        }
        if (p % 1009 == 17) {
            return PixelKind.IGNORE;
        }
        if (p % 1013 == 29) {
            return PixelKind.ZERO;
        }
        if (p % 211 == 7) {
            return PixelKind.DATA_ONE_CHANNEL_MISSING;
        }
        return PixelKind.DATA;
    }

    /**
     * One pixel: its spectrum (one value per channel of {@link #axis()}) into {@code spectrum} and its true
     * abundances (one per endmember of {@link #library()}; NaN for pixels without data) into {@code truth}.
     */
    public PixelKind pixel(int line, int sample, double[] spectrum, double[] truth) {
        PixelKind kind = kind(line, sample);
        int n = axis.length;
        int m = columns.length;
        if (!kind.hasData()) {
            double v = kind == PixelKind.NAN ? Double.NaN : kind == PixelKind.IGNORE ? IGNORE_VALUE : 0.0;
            Arrays.fill(spectrum, 0, n, v);
            Arrays.fill(truth, 0, m, Double.NaN);
            return kind;
        }
        abundances(line, sample, truth);
        Arrays.fill(spectrum, 0, n, 0.0);
        for (int j = 0; j < m; j++) {
            double x = truth[j];
            if (x != 0) {
                double[] col = columns[j];
                for (int c = 0; c < n; c++) {
                    if (!channelMissing[c]) {
                        spectrum[c] += x * col[c];
                    }
                }
            }
        }
        SplittableRandom r = new SplittableRandom(mix(settings.seed(), (long) line * settings.samples() + sample));
        for (int c = 0; c < n; c++) {
            spectrum[c] = channelMissing[c] ? Double.NaN : spectrum[c] + settings.noise() * r.nextGaussian();
        }
        if (kind == PixelKind.DATA_ONE_CHANNEL_MISSING) {
            spectrum[(int) (((long) line * 31 + sample) % n)] = Double.NaN;
        }
        return kind;
    }

    /** The true abundances of a pixel (whatever its kind), blackbody included, summing to 1. */
    public void abundances(int line, int sample, double[] out) {
        double u = (sample + 0.5) / settings.samples();
        double v = (line + 0.5) / settings.lines();
        int m = columns.length;
        double b = 0.175 + 0.125 * Math.cos(blackbodyWave[0] * u + blackbodyWave[1] * v + blackbodyWave[2]);
        double strongest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (j == blackbody) {
                out[j] = 0;
                continue;
            }
            double f = 0;
            for (double[] w : waves[j]) {
                f += Math.cos(w[0] * u + w[1] * v + w[2]);
            }
            f *= Math.sqrt(2.0 / WAVES); // a sum of cosines with random phases has variance 1/2 each
            out[j] = f;
            strongest = Math.max(strongest, f);
        }
        // where no field reaches the threshold, it drops to just below the strongest one, so that a mineral is
        // always present and the maps stay continuous where the strongest mineral changes
        double threshold = Math.min(PRESENCE_THRESHOLD, strongest - FALLBACK_MARGIN);
        double sum = 0;
        for (int j = 0; j < m; j++) {
            if (j != blackbody) {
                double excess = out[j] - threshold;
                out[j] = excess > 0 ? excess * excess : 0;
                sum += out[j];
            }
        }
        for (int j = 0; j < m; j++) {
            if (j != blackbody) {
                out[j] = (1 - b) * out[j] / sum;
            }
        }
        out[blackbody] = b;
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
