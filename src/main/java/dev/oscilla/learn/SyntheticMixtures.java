package dev.oscilla.learn;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.unmix.FlexTolerances;
import java.util.SplittableRandom;

/**
 * Training spectra generated on the fly, each one a pure function of its seed: a random sparse areal mixture of
 * 1-6 library minerals (abundances uniform on the simplex of the chosen minerals, or Dirichlet(alpha)), each
 * mineral rendered with its parameters drawn uniformly in a jitter box around the library values, a blackbody
 * fraction, and Gaussian noise at a random signal-to-noise ratio. Optionally some mixtures are built from
 * measured library spectra instead of rendered ones (real labelled spectra of pure minerals, mixed linearly).
 *
 * <p>The signal-to-noise ratio is RMS(1 - E) / noise sigma, the spectral contrast over the noise (drawn
 * log-uniformly in [snrMin, snrMax]).
 */
public final class SyntheticMixtures {

    /**
     * How mixtures are drawn.
     *
     * @param minMinerals      fewest minerals in a mixture (>= 1)
     * @param maxMinerals      most minerals in a mixture
     * @param dirichletAlpha   concentration of the abundance distribution over the chosen minerals (1: uniform on
     *                         the simplex; smaller: more uneven mixtures)
     * @param maxBlackbody     blackbody fraction drawn uniformly in [0, maxBlackbody]
     * @param snrMin           lowest contrast-to-noise ratio
     * @param snrMax           highest contrast-to-noise ratio
     * @param jitter           box the rendered minerals' parameters are drawn in (around the library values)
     * @param measuredFraction fraction of mixtures made of measured library spectra (when available)
     */
    public record Settings(int minMinerals, int maxMinerals, double dirichletAlpha, double maxBlackbody,
                           double snrMin, double snrMax, FlexTolerances jitter, double measuredFraction) {

        public Settings {
            if (minMinerals < 1 || maxMinerals < minMinerals) {
                throw new IllegalArgumentException("minerals per mixture must satisfy 1 <= min <= max, got "
                        + minMinerals + ".." + maxMinerals);
            }
            if (!(dirichletAlpha > 0)) {
                throw new IllegalArgumentException("Dirichlet alpha must be > 0, got " + dirichletAlpha);
            }
            if (!(maxBlackbody >= 0) || maxBlackbody >= 1) {
                throw new IllegalArgumentException("blackbody fraction must be in [0, 1), got " + maxBlackbody);
            }
            if (!(snrMin > 0) || snrMax < snrMin) {
                throw new IllegalArgumentException("SNR range must satisfy 0 < min <= max, got " + snrMin + ".."
                        + snrMax);
            }
            if (!(measuredFraction >= 0) || measuredFraction > 1) {
                throw new IllegalArgumentException("measured fraction must be in [0, 1], got " + measuredFraction);
            }
            if (jitter == null) {
                throw new IllegalArgumentException("jitter tolerances are required");
            }
        }

        /**
         * 1-6 minerals uniform on the simplex, blackbody up to 0.7 (the FCLS blackbody of the feely rocks reaches
         * 0.69), contrast-to-noise 30-1000, parameters jittered in the published inverse-rendering box, rendered
         * spectra only.
         */
        public static Settings defaults() {
            return new Settings(1, 6, 1.0, 0.7, 30, 1000, EndmemberModels.PUBLISHED_IR_TOLERANCES, 0.0);
        }

        public Settings withJitter(FlexTolerances value) {
            return new Settings(minMinerals, maxMinerals, dirichletAlpha, maxBlackbody, snrMin, snrMax, value,
                    measuredFraction);
        }

        public Settings withSnr(double min, double max) {
            return new Settings(minMinerals, maxMinerals, dirichletAlpha, maxBlackbody, min, max, jitter,
                    measuredFraction);
        }

        public Settings withMinerals(int min, int max) {
            return new Settings(min, max, dirichletAlpha, maxBlackbody, snrMin, snrMax, jitter, measuredFraction);
        }

        public Settings withMeasuredFraction(double value) {
            return new Settings(minMinerals, maxMinerals, dirichletAlpha, maxBlackbody, snrMin, snrMax, jitter,
                    value);
        }

        public Settings withDirichletAlpha(double value) {
            return new Settings(minMinerals, maxMinerals, value, maxBlackbody, snrMin, snrMax, jitter,
                    measuredFraction);
        }
    }

    private final EndmemberModels models;
    private final double[] axis;
    private final Settings settings;
    private final double[][] measured;
    private final double[] jitterLower;
    private final double[] jitterUpper;
    private final int measuredCount;

    /**
     * @param measured per rendered mineral, its measured spectrum on {@code axis} (gaps filled), or null; the
     *                 array itself may be null (rendered spectra only). See {@link #measuredSpectra}.
     */
    public SyntheticMixtures(EndmemberModels models, double[] axis, Settings settings, double[][] measured) {
        this.models = models;
        this.axis = axis.clone();
        this.settings = settings;
        int n = models.size();
        this.measured = new double[n][];
        int count = 0;
        if (measured != null) {
            if (measured.length != n) {
                throw new IllegalArgumentException("one measured spectrum (or null) per rendered mineral expected");
            }
            for (int i = 0; i < n; i++) {
                if (measured[i] != null) {
                    if (measured[i].length != axis.length) {
                        throw new IllegalArgumentException("measured spectrum of " + models.name(i)
                                + " is not on the axis");
                    }
                    this.measured[i] = measured[i].clone();
                    count++;
                }
            }
        }
        this.measuredCount = count;
        this.jitterLower = new double[models.totalParameters()];
        this.jitterUpper = new double[models.totalParameters()];
        for (int i = 0; i < n; i++) {
            var box = settings.jitter().boxFor(models.mineral(i));
            System.arraycopy(box.lower(), 0, jitterLower, models.offset(i), models.parameterCount(i));
            System.arraycopy(box.upper(), 0, jitterUpper, models.offset(i), models.parameterCount(i));
        }
    }

    /**
     * The measured spectra of the rendered minerals, matched by name (case-insensitive) in {@code library},
     * resampled onto {@code axis}; channels that are missing or zero-filled there take the rendered library
     * model's value. Minerals without a measured spectrum get null.
     */
    public static double[][] measuredSpectra(EndmemberModels models, SpectrumSet library, double[] axis) {
        MixtureRenderer renderer = new MixtureRenderer(models, axis);
        double[] reference = renderer.referenceSpectraView();
        double[][] out = new double[models.size()][];
        for (int i = 0; i < models.size(); i++) {
            var found = library.find(models.name(i));
            if (found.isEmpty()) {
                continue;
            }
            Spectrum s = found.get();
            Spectrum r = s.sameAxis(axis) ? s : s.resample(axis);
            double[] v = new double[axis.length];
            for (int c = 0; c < axis.length; c++) {
                boolean ok = r.isValid(c) && r.value(c) != 0.0;
                v[c] = ok ? r.value(c) : reference[i * axis.length + c];
            }
            out[i] = v;
        }
        return out;
    }

    public EndmemberModels models() {
        return models;
    }

    public double[] axis() {
        return axis.clone();
    }

    double[] axisView() {
        return axis;
    }

    public Settings settings() {
        return settings;
    }

    /** Number of minerals with a measured spectrum. */
    public int measuredCount() {
        return measuredCount;
    }

    public Generator newGenerator() {
        return new Generator();
    }

    /** Draws mixtures; holds an evaluator and buffers, so it is confined to one thread. */
    public final class Generator {
        private final DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        private final double[] params = new double[models.totalParameters()];
        private final double[] spectrum = new double[axis.length];
        private final int[] order = new int[models.size()];

        private Generator() {
        }

        /**
         * Writes the emissivity of the mixture of {@code seed} into {@code emissivity} (one value per channel) and
         * the true abundances of the rendered minerals (sum 1, blackbody excluded) into {@code abundances};
         * returns the blackbody fraction.
         */
        public double generate(long seed, double[] emissivity, double[] abundances) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = models.size();
            int c = axis.length;
            int k = settings.minMinerals() + rnd.nextInt(settings.maxMinerals() - settings.minMinerals() + 1);
            k = Math.min(k, n);
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k entries are the chosen minerals
                int j = i + rnd.nextInt(n - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            java.util.Arrays.fill(abundances, 0, n, 0.0);
            double total = 0;
            for (int i = 0; i < k; i++) {
                double g = gamma(rnd, settings.dirichletAlpha());
                abundances[order[i]] = g;
                total += g;
            }
            boolean useMeasured = measuredCount > 0 && rnd.nextDouble() < settings.measuredFraction();
            java.util.Arrays.fill(emissivity, 0, c, 0.0);
            for (int i = 0; i < k; i++) {
                int m = order[i];
                double a = abundances[m] / total;
                abundances[m] = a;
                double[] e;
                if (useMeasured && measured[m] != null) {
                    e = measured[m];
                } else {
                    int from = models.offset(m);
                    for (int j = from; j < from + models.parameterCount(m); j++) {
                        params[j] = jitterLower[j] + (jitterUpper[j] - jitterLower[j]) * rnd.nextDouble();
                    }
                    evaluator.evaluate(models.layout(m), params, from, Quantity.EMISSIVITY, spectrum, 0, null, 0);
                    e = spectrum;
                }
                for (int ch = 0; ch < c; ch++) {
                    emissivity[ch] += a * e[ch];
                }
            }
            double blackbody = rnd.nextDouble() * settings.maxBlackbody();
            double ss = 0;
            for (int ch = 0; ch < c; ch++) {
                double v = blackbody + (1 - blackbody) * emissivity[ch];
                emissivity[ch] = v;
                ss += (1 - v) * (1 - v);
            }
            double logMin = Math.log(settings.snrMin());
            double snr = Math.exp(logMin + (Math.log(settings.snrMax()) - logMin) * rnd.nextDouble());
            double noise = Math.sqrt(ss / c) / snr;
            for (int ch = 0; ch < c; ch++) {
                emissivity[ch] += noise * rnd.nextGaussian();
            }
            return blackbody;
        }
    }

    /** A Gamma(alpha, 1) variate (Marsaglia and Tsang 2000; alpha < 1 through the u^(1/alpha) boost). */
    static double gamma(SplittableRandom rnd, double alpha) {
        if (alpha == 1.0) {
            return -Math.log(1.0 - rnd.nextDouble());
        }
        if (alpha < 1.0) {
            return gamma(rnd, alpha + 1.0) * Math.pow(1.0 - rnd.nextDouble(), 1.0 / alpha);
        }
        double d = alpha - 1.0 / 3.0;
        double cc = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = rnd.nextGaussian();
            double v = 1.0 + cc * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rnd.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
