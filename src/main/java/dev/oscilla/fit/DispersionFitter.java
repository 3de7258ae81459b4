package dev.oscilla.fit;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.UsableChannels;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fits a Lorentz-oscillator dispersion model to one emissivity or reflectance spectrum (DESIGN.md section 2).
 *
 * <p>Pipeline: (1) an over-complete start: oscillators seeded at the spectrum's bands (emissivity minima and
 * shoulders, reflectance maxima) plus a logarithmic grid over the window; (2) a bounded Levenberg-Marquardt
 * solve with an L1 penalty on the strengths, which drives unneeded oscillators to zero; (3) pruning of the
 * oscillators that no longer matter; (4) an unpenalised polish; (5) when a cap on the oscillator count is set,
 * greedy removal of the least useful oscillator and re-polishing; (6) with {@code modes = 0}, the one- and two-mode
 * models are compared by BIC. Locked parameters and user bounds are honoured in {@link #refine}.
 *
 * <p>Deterministic for a given seed; cancellable between solver iterations; progress is reported per phase.
 */
public final class DispersionFitter {

    /** Fewest fitted channels accepted. */
    public static final int MIN_CHANNELS = 8;

    /** Sees the model improve while a fit runs (called from the fitting thread after accepted steps). */
    @FunctionalInterface
    public interface FitObserver {
        FitObserver NONE = (model, rms) -> { };

        /** The current model (in the layout of the running phase) and its RMS on the fitted channels. */
        void improved(Mineral model, double rms);
    }

    private final FitSettings settings;
    private final FitObserver observer;
    static final boolean DEBUG = Boolean.getBoolean("oscilla.fit.debug");
    private static final long DEBUG_T0 = System.nanoTime();

    /** Diagnostic trace of the phases (-Doscilla.fit.debug=true), with elapsed seconds. */
    private static void debug(String format, Object... args) {
        System.err.printf(Locale.ROOT, "%7.2fs %s%n", (System.nanoTime() - DEBUG_T0) * 1e-9,
                String.format(Locale.ROOT, format, args));
    }

    public DispersionFitter(FitSettings settings) {
        this(settings, FitObserver.NONE);
    }

    private DispersionFitter(FitSettings settings, FitObserver observer) {
        this.settings = settings;
        this.observer = observer;
    }

    /** A fitter that reports intermediate models to {@code value} (for live plots). */
    public DispersionFitter withObserver(FitObserver value) {
        return new DispersionFitter(settings, value);
    }

    public FitSettings settings() {
        return settings;
    }

    /** The channels a fit uses, with the measured values. */
    record Data(double[] axis, double[] values, double noise) {
    }

    /**
     * The usable channels inside the window ({@link UsableChannels#isUsable}: valid, not zero-filled, physically
     * plausible; impossible values are instrument noise and left out); throws a clear error when too few remain.
     */
    Data prepare(Spectrum spectrum) {
        int n = 0;
        List<Double> measured = new ArrayList<>();
        for (int c = 0; c < spectrum.size(); c++) {
            if (usable(spectrum, c)) {
                n++;
            }
            if (spectrum.isValid(c) && spectrum.value(c) != 0.0 && settings.window().contains(spectrum.wavenumber(c))) {
                measured.add(spectrum.value(c));
            }
        }
        if (!measured.isEmpty()) {
            measured.sort(null);
            double median = measured.get(measured.size() / 2);
            if (median > 1.5) {
                throw new IllegalArgumentException("spectrum '" + spectrum.name() + "' has values around " + median
                        + ": emissivity and reflectance are fractions in [0, 1] (percent? divide by 100)");
            }
        }
        if (n < MIN_CHANNELS) {
            throw new IllegalArgumentException("spectrum '" + spectrum.name() + "' has " + n
                    + " usable channels in the window " + settings.window() + "; a fit needs at least "
                    + MIN_CHANNELS);
        }
        double[] axis = new double[n];
        double[] values = new double[n];
        int k = 0;
        for (int c = 0; c < spectrum.size(); c++) {
            if (usable(spectrum, c)) {
                axis[k] = spectrum.wavenumber(c);
                values[k] = spectrum.value(c);
                k++;
            }
        }
        return new Data(axis, values, noise(values));
    }

    /** Every other channel (the noise level is a property of the full data and is kept). */
    static Data decimate(Data data) {
        int n = (data.axis().length + 1) / 2;
        double[] axis = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            axis[i] = data.axis()[2 * i];
            values[i] = data.values()[2 * i];
        }
        return new Data(axis, values, data.noise());
    }

    private boolean usable(Spectrum s, int c) {
        return UsableChannels.isUsable(s, c) && settings.window().contains(s.wavenumber(c));
    }

    /** Noise from second differences: for white noise sigma^2 = E[(y_{i-1} - 2 y_i + y_{i+1})^2] / 6. */
    static double noise(double[] y) {
        if (y.length < 3) {
            return 1e-3;
        }
        double[] d = new double[y.length - 2];
        for (int i = 1; i < y.length - 1; i++) {
            double v = y[i - 1] - 2 * y[i] + y[i + 1];
            d[i - 1] = v * v;
        }
        Arrays.sort(d);
        // median of squares / 0.4549 is the robust mean of a chi-square(1) variable: bands do not inflate it
        double sigma2 = d[d.length / 2] / 0.4549 / 6;
        return Math.max(Math.sqrt(sigma2), 1e-5);
    }

    /** Fits from scratch. */
    public FitResult fit(Spectrum spectrum, ProgressListener progress, CancellationToken cancel) {
        long t0 = System.nanoTime();
        Data data = prepare(spectrum);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d channels, %.1f-%.1f cm^-1, noise %.2g", data.axis().length,
                data.axis()[0], data.axis()[data.axis().length - 1], data.noise()));
        int[] modeChoices = settings.modes() == 0 ? new int[] {1, 2} : new int[] {settings.modes()};
        Candidate best = null;
        int total = modeChoices.length * settings.starts();
        int done = 0;
        for (int modes : modeChoices) {
            for (int start = 0; start < settings.starts(); start++) {
                cancel.throwIfCancelled();
                final int base = done;
                final String label = modes + " mode(s), start " + (start + 1) + ": ";
                ProgressListener sub = (f, msg) -> progress.progress((base + Math.max(0, f)) / total, label + msg);
                Candidate c = fitOnce(spectrum.name(), data, modes, settings.seed() + 7919L * start, sub, cancel);
                notes.add(String.format(Locale.ROOT, "%d mode(s), start %d: %d oscillators, RMS %.5f, BIC %.1f",
                        modes, start + 1, c.mineral.oscillatorCount(), c.result.rms(), c.bic));
                if (best == null || c.bic < best.bic) {
                    best = c;
                }
                done++;
            }
        }
        progress.progress(1.0, "done");
        notes.add("kept " + best.mineral.modes().size() + " mode(s), " + best.mineral.oscillatorCount()
                + " oscillators");
        return finish(best, data, t0, notes);
    }

    /**
     * Re-fits from a given model (the user's current state): no seeding or pruning; {@code locked} (may be null)
     * fixes parameters in the mineral's flat layout; the mineral's bounds, when present, are honoured, otherwise
     * physical defaults apply.
     */
    public FitResult refine(Spectrum spectrum, Mineral start, boolean[] locked, ProgressListener progress,
                            CancellationToken cancel) {
        long t0 = System.nanoTime();
        Data data = prepare(spectrum);
        ParameterLayout layout = start.layout();
        boolean[] lock = locked == null ? new boolean[layout.size()] : locked.clone();
        double[] p = start.parameters();
        ParameterBounds bounds;
        if (start.bounds() != null) {
            // the user's bounds; a locked parameter is pinned where it is, even outside them
            double[] lo = start.bounds().lower();
            double[] hi = start.bounds().upper();
            for (int j = 0; j < p.length; j++) {
                if (lock[j]) {
                    lo[j] = Math.min(lo[j], p[j]);
                    hi[j] = Math.max(hi[j], p[j]);
                }
            }
            bounds = new ParameterBounds(lo, hi);
        } else {
            // physical defaults, widened to take in the current values: a band outside a narrow fit window keeps
            // its position instead of being pulled into the window's box
            ParameterBounds defaults = defaultBounds(layout, data);
            double[] lo = defaults.lower();
            double[] hi = defaults.upper();
            for (int j = 0; j < p.length; j++) {
                lo[j] = Math.min(lo[j], p[j]);
                hi[j] = Math.max(hi[j], p[j]);
            }
            bounds = new ParameterBounds(lo, hi);
        }
        p = bounds.clamp(p);
        lockFirstWeight(layout, lock);
        LeastSquaresResult r = solve(data, start, p, bounds, lock, null, settings.maxIterations(), 1e-8, progress,
                cancel);
        Mineral fitted = start.withParameters(r.parameters());
        List<String> notes = new ArrayList<>();
        notes.add("refined from the current model: " + r.iterations() + " iterations, " + r.stopReason().description());
        return finish(new Candidate(fitted, r, bic(r, data)), data, t0, notes);
    }

    private FitResult finish(Candidate best, Data data, long t0, List<String> notes) {
        DispersionResidual residual = new DispersionResidual(data.axis(), data.values(), best.mineral.layout(),
                settings.quantity());
        double[] fitted = new double[data.axis().length];
        residual.values(best.mineral.parameters(), fitted);
        return new FitResult(best.mineral, best.result, data.axis(), data.values(), fitted,
                (System.nanoTime() - t0) * 1e-9, notes);
    }

    private record Candidate(Mineral mineral, LeastSquaresResult result, double bic) {
    }

    /** One complete seeded fit with a fixed number of modes. */
    private Candidate fitOnce(String name, Data data, int modes, long seed, ProgressListener progress,
                              CancellationToken cancel) {
        Random rnd = new Random(seed);
        List<Double> seeds = BandSeeds.find(data.axis(), data.values(), settings.quantity(), data.noise());
        List<Oscillator> oscillators = new ArrayList<>();
        double lo = data.axis()[0];
        double hi = data.axis()[data.axis().length - 1];
        for (double w : seeds) {
            oscillators.add(new Oscillator(w, 0.05, 0.015));
        }
        // logarithmic grid, 3 % apart, from below the window (low-frequency tails reach into it) to its top
        double ratio = 1.04;
        double jitter = Math.exp(rnd.nextDouble() * Math.log(ratio));
        for (double w = 0.8 * lo * jitter; w < 1.02 * hi; w *= ratio) {
            oscillators.add(new Oscillator(w, 0.01, 0.03));
        }
        oscillators.sort(Comparator.comparingDouble(Oscillator::omega0));
        double epsInf = epsInfFromHighFrequency(data);
        Mineral mineral = new Mineral(name, "", List.of(new Mode(epsInf, 1.0, oscillators)));
        progress.progress(0.05, mineral.oscillatorCount() + " candidate oscillators");

        // phase A: L1-penalised over-complete solve with one mode
        // The over-complete phases run on every other channel (lab spectra sample bands several times over), which
        // halves their cost; pruning, elimination and the final solves use every channel.
        Data coarse = data.axis().length >= 4 * MIN_CHANNELS ? decimate(data) : data;
        double lambda = settings.sparsity() * 20 * data.noise() * data.noise() * coarse.axis().length;
        LeastSquaresResult a = solvePhase(coarse, mineral, lambda, progress, 0.05, 0.4, cancel, 100, 1e-5);
        mineral = prune(mineral.withParameters(a.parameters()), data);
        if (DEBUG) {
            debug("A: %d osc, %d it, rms %.5f %s", mineral.oscillatorCount(), a.iterations(), a.rms(), a.stopReason());
        }
        LeastSquaresResult b;
        if (modes > 1) {
            // Further crystal axes start as copies of the first, slightly detuned, sharing its weight; the
            // penalised solve then lets each axis keep only the bands it needs.
            Mode first = mineral.modes().get(0);
            List<Mode> list = new ArrayList<>();
            for (int m = 0; m < modes; m++) {
                List<Oscillator> copy = new ArrayList<>();
                for (Oscillator o : first.oscillators()) {
                    copy.add(o.withOmega0(o.omega0() * (1 + 0.005 * (m - 0.5 * (modes - 1))))
                            .withStrength(Math.max(o.strength(), 1e-3)));
                }
                list.add(new Mode(first.epsInf(), 1.0 / modes, copy));
            }
            mineral = mineral.withModes(list);
            LeastSquaresResult a2 = solvePhase(coarse, mineral, lambda, progress, 0.4, 0.55, cancel, 100, 1e-5);
            mineral = prune(mineral.withParameters(a2.parameters()), data);
            if (DEBUG) {
                debug("A2: %d osc, %d it, rms %.5f %s", mineral.oscillatorCount(), a2.iterations(), a2.rms(), a2.stopReason());
            }
        }
        progress.progress(0.55, mineral.oscillatorCount() + " oscillators after pruning");
        // phase B: polish without penalty. Over a cap it runs on the coarse channels too: the elimination that
        // follows re-polishes on every channel, and a full-channel B cost 12 % more CPU in `bench fit` for no gain
        // (mean RMS 0.00449 with it, 0.00447 without; eliminating on coarse channels as well was worse, 0.00465).
        boolean overCap = settings.maxOscillators() > 0 && mineral.oscillatorCount() > settings.maxOscillators();
        b = solvePhase(overCap ? coarse : data, mineral, 0, progress, 0.55, 0.8, cancel, 100, 1e-5);
        mineral = mineral.withParameters(b.parameters());
        if (DEBUG) {
            debug("B: %d osc, %d it, rms %.5f %s", mineral.oscillatorCount(), b.iterations(), b.rms(), b.stopReason());
        }
        // phase C: backward elimination by the Wald statistic t^2 = (S / se(S))^2 of each strength: to second order
        // it is the rise of chi^2 (in noise units) when the oscillator is removed and the others re-fitted. An
        // oscillator goes when the cap demands it, or when t^2 is below the BIC price of its three parameters,
        // 3 ln n. At most a fifth (over the cap) or a tenth (for BIC) of the oscillators go per round, then the
        // rest are re-polished.
        double bicPrice = 3 * Math.log(data.axis().length);
        double sigma2 = data.noise() * data.noise();
        boolean bicDone = false;
        boolean singleSteps = false;
        for (int round = 0; round < 200; round++) {
            cancel.throwIfCancelled();
            int count = mineral.oscillatorCount();
            double[] t2 = waldStatistics(mineral, b);
            int[] order = argsort(t2);
            int excess = settings.maxOscillators() > 0 ? count - settings.maxOscillators() : 0;
            int cheap = 0;
            while (!bicDone && cheap < order.length && t2[order[cheap]] < bicPrice) {
                cheap++;
            }
            // over the cap: remove only what the cap demands; under it: what BIC deems free (checked below)
            int remove = excess > 0 ? excess : cheap;
            if (remove <= 0 || count == 0) {
                break;
            }
            // Far over the cap, a fifth of the oscillators go per round (the cap decides the count, the rounds only
            // the order): against a tenth this took the median time of `bench fit` from 2.45 to 1.48 s at the same
            // mean RMS (0.00450 -> 0.00452; 14 minerals better, 17 worse, none beyond its reference).
            remove = Math.min(remove, singleSteps ? 1 : Math.max(1, count / (excess > 0 ? 5 : 10)));
            int[] batch = uncorrelatedBatch(mineral, b, order, remove);
            remove = batch.length;
            Mineral candidate = withoutOscillators(mineral, batch, remove);
            LeastSquaresResult polished = solvePhase(data, candidate, 0, ProgressListener.NONE, 0.8, 0.8, cancel, 40,
                    1e-5);
            double rise = (polished.chiSquare() - b.chiSquare()) / sigma2;
            if (excess <= 0 && rise > bicPrice * remove) {
                // The Wald estimate was too optimistic (correlated oscillators): keep the model; retry one at a
                // time, and stop at the first single removal that does not pay.
                if (remove > 1) {
                    singleSteps = true;
                    continue;
                }
                bicDone = true;
                break;
            }
            mineral = candidate.withParameters(polished.parameters());
            b = polished;
            if (DEBUG) {
                debug("C: %d osc, %d it, rms %.5f %s", mineral.oscillatorCount(), b.iterations(), b.rms(), b.stopReason());
            }
        }
        // phase D: swap moves at a full cap. Greedy elimination can strand the model in a poor local optimum; an
        // oscillator is added where the smoothed residual is largest (in each mode in turn; after refusals, at the
        // next-largest peaks), the model polished, the least useful oscillator removed and the rest polished again;
        // the exchange is kept only when the misfit drops (by more than 0.01 %, so rounding cannot cycle). Trying
        // the next peaks (3 per mode, 6 attempts) improved 14 of the 37 feely minerals and none got worse, at the
        // same median time (median RMS 0.00425 -> 0.00419). With the faster elimination above, 10 attempts and 4
        // peaks per mode: mean RMS 0.00452 -> 0.00449 for +0.1 s median time; 16 and 6: 0.00446 for +0.5 s (with
        // the coarse phase B: 0.00447 -> 0.00442 for +14 % CPU, kept out to hold the median time under 2 s with margin).
        if (settings.maxOscillators() > 0 && mineral.oscillatorCount() >= settings.maxOscillators()) {
            // An attempt is a pure function of the model and the mode, so once every mode has been tried on the
            // current model and refused, the remaining attempts would only repeat those refusals.
            int refusedInARow = 0;
            int modeCount = mineral.modes().size();
            for (int attempt = 0; attempt < SWAP_ATTEMPTS && refusedInARow < SWAP_RANKS * modeCount; attempt++) {
                cancel.throwIfCancelled();
                // after refusals on the current model, the next-best residual peaks get their turn
                Mineral grown = withBandAtLargestResidual(mineral, data, attempt % modeCount,
                        refusedInARow / modeCount);
                if (grown == null) {
                    break;
                }
                LeastSquaresResult g = solvePhase(data, grown, 0, ProgressListener.NONE, 0.8, 0.8, cancel, 30, 1e-5);
                grown = grown.withParameters(g.parameters());
                Mineral swapped = withoutOscillators(grown, argsort(waldStatistics(grown, g)), 1);
                LeastSquaresResult polished = solvePhase(data, swapped, 0, ProgressListener.NONE, 0.8, 0.8, cancel,
                        30, 1e-5);
                if (polished.chiSquare() < 0.9999 * b.chiSquare()) {
                    mineral = swapped.withParameters(polished.parameters());
                    b = polished;
                    refusedInARow = 0;
                    if (DEBUG) {
                        debug("D: swap %d kept, rms %.5f", attempt, b.rms());
                    }
                } else {
                    refusedInARow++;
                }
            }
        }
        mineral = sortOscillators(mineral);
        // final solve for the covariance on the sorted layout
        LeastSquaresResult fin = solvePhase(data, mineral, 0, progress, 0.8, 1.0, cancel, settings.maxIterations(),
                1e-7);
        if (DEBUG) {
            debug("F: %d osc, %d it, rms %.5f %s", mineral.oscillatorCount(), fin.iterations(), fin.rms(), fin.stopReason());
        }
        mineral = mineral.withParameters(fin.parameters());
        return new Candidate(mineral.withBounds(defaultBounds(mineral.layout(), data)), fin, bic(fin, data));
    }

    private LeastSquaresResult solvePhase(Data data, Mineral mineral, double lambda, ProgressListener progress,
                                          double from, double to, CancellationToken cancel) {
        return solvePhase(data, mineral, lambda, progress, from, to, cancel, settings.maxIterations(), 1e-7);
    }

    /**
     * One solver phase. {@code costTolerance} is the relative cost decrease per accepted step below which the phase
     * stops: the over-complete phases need only a rough optimum, the final one a tight one.
     */
    private LeastSquaresResult solvePhase(Data data, Mineral mineral, double lambda, ProgressListener progress,
                                          double from, double to, CancellationToken cancel, int maxIterations,
                                          double costTolerance) {
        ParameterLayout layout = mineral.layout();
        ParameterBounds bounds = defaultBounds(layout, data);
        double[] l1 = null;
        if (lambda > 0) {
            l1 = new double[layout.size()];
            for (int j = 0; j < l1.length; j++) {
                if (layout.kindOf(j) == ParameterKind.STRENGTH) {
                    l1[j] = lambda;
                }
            }
        }
        boolean[] lock = new boolean[layout.size()];
        lockFirstWeight(layout, lock);
        ProgressListener scaled = (f, msg) -> progress.progress(from + (to - from) * Math.max(0, f), msg);
        return solve(data, mineral, bounds.clamp(mineral.parameters()), bounds, lock, l1, maxIterations,
                costTolerance, scaled, cancel);
    }

    private LeastSquaresResult solve(Data data, Mineral template, double[] start, ParameterBounds bounds,
                                     boolean[] lock, double[] l1, int maxIterations, double costTolerance,
                                     ProgressListener progress, CancellationToken cancel) {
        ParameterLayout layout = template.layout();
        DispersionResidual residual = new DispersionResidual(data.axis(), data.values(), layout, settings.quantity());
        LeastSquaresProblem problem = LeastSquaresProblem.builder(residual).start(start)
                .bounds(bounds.lower(), bounds.upper()).locked(lock).l1(l1).build();
        LeastSquaresSettings s = LeastSquaresSettings.defaults().withMaxIterations(maxIterations)
                .withCostTolerance(costTolerance).withStepTolerance(1e-9).withGradientTolerance(1e-8);
        BoundedLevenbergMarquardt solver = new BoundedLevenbergMarquardt(s);
        return solver.solve(problem, cancel, (iteration, cost, rms, p) -> {
            if (DEBUG && iteration % 10 == 0) {
                System.err.printf("   it %d cost %.8g rms %.6f%n", iteration, cost, rms);
            }
            progress.progress(Math.min(1.0, iteration / (double) maxIterations),
                String.format(Locale.ROOT, "iteration %d, RMS %.5f", iteration, rms));
            if (observer != FitObserver.NONE) {
                observer.improved(template.withParameters(p), rms);
            }
        });
    }

    /**
     * Physical bounds: omega0 within [0.5 lo, 1.5 hi] of the fitted range, S in [0, 20], gamma in [1e-4, 1],
     * eps_inf in [1, 20], weights in [0.01, 1].
     */
    static ParameterBounds defaultBounds(ParameterLayout layout, Data data) {
        return defaultBounds(layout, data.axis()[0], data.axis()[data.axis().length - 1]);
    }

    /**
     * The physical bounds above for a fit of the channels from {@code lo} to {@code hi} cm^-1: what {@link #refine}
     * honours for a model that carries no bounds of its own.
     */
    public static ParameterBounds defaultBounds(ParameterLayout layout, double lo, double hi) {
        double[] l = new double[layout.size()];
        double[] u = new double[layout.size()];
        for (int j = 0; j < l.length; j++) {
            switch (layout.kindOf(j)) {
                case EPS_INF:
                    l[j] = 1.0;
                    u[j] = 20.0;
                    break;
                case WEIGHT:
                    l[j] = 0.01;
                    u[j] = 1.0;
                    break;
                case OMEGA0:
                    l[j] = 0.5 * lo;
                    u[j] = 1.5 * hi;
                    break;
                case STRENGTH:
                    l[j] = 0.0;
                    u[j] = 20.0;
                    break;
                default:
                    l[j] = 1e-4;
                    u[j] = 1.0;
                    break;
            }
        }
        return new ParameterBounds(l, u);
    }

    /** With several modes only the weight ratios matter: the first weight is held to remove the degeneracy. */
    private static void lockFirstWeight(ParameterLayout layout, boolean[] lock) {
        if (layout.modeCount() > 0) {
            lock[layout.weightIndex(0)] = true;
        }
        if (layout.modeCount() == 1) {
            lock[layout.weightIndex(0)] = true;
        }
    }

    /** eps_inf from the emissivity well above the bands: R = 1 - E, sqrt(eps) = (1 + sqrt R) / (1 - sqrt R). */
    private double epsInfFromHighFrequency(Data data) {
        int n = data.values().length;
        int k = Math.max(1, n / 20);
        double mean = 0;
        for (int c = n - k; c < n; c++) {
            mean += data.values()[c];
        }
        mean /= k;
        double r = settings.quantity() == Quantity.REFLECTANCE ? mean : 1 - mean;
        r = Math.min(0.3, Math.max(0.01, r));
        double s = (1 + Math.sqrt(r)) / (1 - Math.sqrt(r));
        return Math.min(8, Math.max(1.5, s * s));
    }

    /**
     * Removes oscillators whose strength reached zero or whose removal changes the model by less than a tenth of
     * the noise anywhere in the window.
     */
    Mineral prune(Mineral mineral, Data data) {
        double threshold = 0.1 * data.noise();
        DispersionResidual residual = new DispersionResidual(data.axis(), data.values(), mineral.layout(),
                settings.quantity());
        double[] full = new double[data.axis().length];
        residual.values(mineral.parameters(), full);
        List<Mode> out = new ArrayList<>();
        for (int m = 0; m < mineral.modes().size(); m++) {
            Mode mode = mineral.modes().get(m);
            List<Oscillator> kept = new ArrayList<>();
            for (int j = 0; j < mode.size(); j++) {
                Oscillator o = mode.oscillators().get(j);
                if (o.strength() <= 1e-9) {
                    continue;
                }
                if (maxChangeWithout(mineral, m, j, data, full) < threshold) {
                    continue;
                }
                kept.add(o);
            }
            out.add(mode.withOscillators(kept));
        }
        return mineral.withModes(out);
    }

    /** max |model - model without oscillator j of mode m| over the channels. */
    private double maxChangeWithout(Mineral mineral, int mode, int j, Data data, double[] full) {
        double[] p = mineral.parameters();
        p[mineral.layout().index(mode, j, ParameterKind.STRENGTH)] = 0;
        DispersionResidual residual = new DispersionResidual(data.axis(), data.values(), mineral.layout(),
                settings.quantity());
        double[] without = new double[full.length];
        residual.values(p, without);
        double max = 0;
        for (int c = 0; c < full.length; c++) {
            max = Math.max(max, Math.abs(full[c] - without[c]));
        }
        return max;
    }

    /** Swap moves tried at a full cap. */
    private static final int SWAP_ATTEMPTS = 10;
    /** Residual peaks tried per mode before the swap moves give up on a model. */
    private static final int SWAP_RANKS = 4;

    /** The model with one more oscillator in {@code mode}, at the largest smoothed residual; null if none stands out. */
    private Mineral withBandAtLargestResidual(Mineral mineral, Data data, int mode, int rank) {
        DispersionResidual residual = new DispersionResidual(data.axis(), data.values(), mineral.layout(),
                settings.quantity());
        double[] r = new double[data.axis().length];
        residual.evaluate(mineral.parameters(), r, null);
        int n = r.length;
        double[] smooth = new double[n];
        for (int c = 0; c < n; c++) {
            double sum = 0;
            int k = 0;
            for (int i = Math.max(0, c - 3); i <= Math.min(n - 1, c + 3); i++) {
                sum += r[i];
                k++;
            }
            smooth[c] = Math.abs(sum / k);
        }
        // the rank-th largest peak of the smoothed residual, each peak at least 8 channels from the larger ones
        int[] taken = new int[rank];
        int best = -1;
        double bestValue = 0;
        for (int t = 0; t <= rank; t++) {
            best = -1;
            bestValue = 0;
            for (int c = 0; c < n; c++) {
                boolean near = false;
                for (int q = 0; q < t; q++) {
                    near |= Math.abs(c - taken[q]) < 8;
                }
                if (!near && smooth[c] > bestValue) {
                    bestValue = smooth[c];
                    best = c;
                }
            }
            if (best < 0) {
                return null;
            }
            if (t < rank) {
                taken[t] = best;
            }
        }
        if (bestValue < 2 * data.noise()) {
            return null;
        }
        List<Mode> modes = new ArrayList<>(mineral.modes());
        Mode target = modes.get(mode);
        List<Oscillator> list = new ArrayList<>(target.oscillators());
        list.add(new Oscillator(data.axis()[best], 0.02, 0.01));
        modes.set(mode, target.withOscillators(list));
        return mineral.withModes(modes);
    }

    /**
     * (S / se(S))^2 of every oscillator (mode order, then oscillator order) from a solve on the same layout; zero
     * for strengths held at zero or without a standard error.
     */
    static double[] waldStatistics(Mineral mineral, LeastSquaresResult solve) {
        ParameterLayout layout = mineral.layout();
        double[] out = new double[layout.totalOscillators()];
        int k = 0;
        for (int m = 0; m < layout.modeCount(); m++) {
            for (int j = 0; j < layout.oscillatorCount(m); j++) {
                int idx = layout.index(m, j, ParameterKind.STRENGTH);
                double strength = solve.parameter(idx);
                double se = solve.standardError(idx);
                out[k++] = strength <= 1e-12 || !(se > 0) ? 0.0 : (strength / se) * (strength / se);
            }
        }
        return out;
    }

    /**
     * Up to {@code size} oscillators from {@code order}, skipping any whose strength correlates (|r| > 0.5) with
     * one already chosen: two correlated oscillators can each be dropped alone (the other takes over) but not both.
     */
    private static int[] uncorrelatedBatch(Mineral mineral, LeastSquaresResult solve, int[] order, int size) {
        ParameterLayout layout = mineral.layout();
        int[] strengthIndex = new int[layout.totalOscillators()];
        int k = 0;
        for (int m = 0; m < layout.modeCount(); m++) {
            for (int j = 0; j < layout.oscillatorCount(m); j++) {
                strengthIndex[k++] = layout.index(m, j, ParameterKind.STRENGTH);
            }
        }
        int[] chosen = new int[size];
        int n = 0;
        for (int i = 0; i < order.length && n < size; i++) {
            boolean ok = true;
            for (int c = 0; c < n && ok; c++) {
                double r = solve.correlation(strengthIndex[order[i]], strengthIndex[chosen[c]]);
                ok = !(Math.abs(r) > 0.5);
            }
            if (ok) {
                chosen[n++] = order[i];
            }
        }
        return Arrays.copyOf(chosen, n);
    }

    private static int[] argsort(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> values[i]));
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** The mineral without the first {@code count} oscillators of {@code order} (flat oscillator indices). */
    private static Mineral withoutOscillators(Mineral mineral, int[] order, int count) {
        boolean[] drop = new boolean[mineral.oscillatorCount()];
        for (int i = 0; i < Math.min(count, order.length); i++) {
            drop[order[i]] = true;
        }
        List<Mode> out = new ArrayList<>();
        int k = 0;
        for (Mode mode : mineral.modes()) {
            List<Oscillator> kept = new ArrayList<>();
            for (Oscillator o : mode.oscillators()) {
                if (!drop[k++]) {
                    kept.add(o);
                }
            }
            out.add(mode.withOscillators(kept));
        }
        return mineral.withModes(out);
    }

    private static Mineral sortOscillators(Mineral mineral) {
        List<Mode> out = new ArrayList<>();
        for (Mode mode : mineral.modes()) {
            List<Oscillator> list = new ArrayList<>(mode.oscillators());
            list.sort(Comparator.comparingDouble(Oscillator::omega0));
            out.add(mode.withOscillators(list));
        }
        return mineral.withModes(out);
    }

    /** Bayesian information criterion n ln(RSS / n) + k ln n with k the free parameters. */
    private static double bic(LeastSquaresResult r, Data data) {
        int n = data.axis().length;
        double rss = r.rms() * r.rms() * n;
        int k = 0;
        for (int j = 0; j < r.parameterCount(); j++) {
            k++;
        }
        return n * Math.log(Math.max(rss, 1e-300) / n) + k * Math.log(n);
    }
}
