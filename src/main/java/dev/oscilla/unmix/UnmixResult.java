package dev.oscilla.unmix;

import dev.oscilla.physics.Mineral;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The immutable outcome of unmixing one spectrum: raw abundances (blackbody included, as solved), the blackbody
 * fraction, abundances normalised without the blackbody and forced endmembers (sum 1), standard errors, group
 * sums, the measured / modelled spectra on the channels used, RMS, and for analysis-by-synthesis the flexed
 * minerals. Arrays are copied on the way in and out.
 */
public final class UnmixResult {

    private final String spectrumName;
    private final UnmixMethod method;
    private final List<String> endmembers;
    private final List<String> categories;
    private final boolean[] blackbody;
    private final boolean[] forced;
    private final double[] abundances;
    private final double[] standardErrors;
    private final double[] normalized;
    private final double[] normalizedErrors;
    private final double blackbodyFraction;
    private volatile Map<String, Double> groupSums; // computed on first use (the batch paths never ask)
    /** The channels used with the measured and modelled values; built on first use when a source was given. */
    private volatile Spectra spectra;
    private final Supplier<Spectra> spectraSource;
    private final double rms;
    private final int iterations;
    private final String stopReason;
    private final List<Mineral> flexedMinerals;
    private final List<String> notes;

    public UnmixResult(String spectrumName, UnmixMethod method, List<String> endmembers, List<String> categories,
                boolean[] blackbody, boolean[] forced, double[] abundances, double[] standardErrors, double[] axis,
                double[] measured, double[] modelled, int iterations, String stopReason,
                List<Mineral> flexedMinerals, List<String> notes) {
        this(spectrumName, method, endmembers, categories, blackbody.clone(), forced.clone(), abundances.clone(),
                standardErrors.clone(), axis.clone(), measured.clone(), modelled.clone(), iterations, stopReason,
                flexedMinerals, notes, true);
    }

    /** Keeps the arrays without copying: callers pass arrays nobody modifies afterwards (results may share them). */
    UnmixResult(String spectrumName, UnmixMethod method, List<String> endmembers, List<String> categories,
                boolean[] blackbody, boolean[] forced, double[] abundances, double[] standardErrors, double[] axis,
                double[] measured, double[] modelled, int iterations, String stopReason,
                List<Mineral> flexedMinerals, List<String> notes, boolean owned) {
        this(spectrumName, method, endmembers, categories, blackbody, forced, abundances, standardErrors,
                new Spectra(axis, measured, modelled), null, rmsOf(measured, modelled), iterations, stopReason,
                flexedMinerals, notes);
    }

    /**
     * The spectra are built by {@code spectraSource} on first use (the batch paths, which score abundances and RMS,
     * never ask; for FCLS building them was a third of the time per spectrum); {@code rms} is given.
     */
    UnmixResult(String spectrumName, UnmixMethod method, List<String> endmembers, List<String> categories,
                boolean[] blackbody, boolean[] forced, double[] abundances, double[] standardErrors,
                Supplier<Spectra> spectraSource, double rms, int iterations, String stopReason,
                List<Mineral> flexedMinerals, List<String> notes) {
        this(spectrumName, method, endmembers, categories, blackbody, forced, abundances, standardErrors, null,
                spectraSource, rms, iterations, stopReason, flexedMinerals, notes);
    }

    private UnmixResult(String spectrumName, UnmixMethod method, List<String> endmembers, List<String> categories,
                        boolean[] blackbody, boolean[] forced, double[] abundances, double[] standardErrors,
                        Spectra spectra, Supplier<Spectra> spectraSource, double rms, int iterations,
                        String stopReason, List<Mineral> flexedMinerals, List<String> notes) {
        this.spectrumName = spectrumName;
        this.method = method;
        this.endmembers = List.copyOf(endmembers);
        this.categories = List.copyOf(categories);
        this.blackbody = blackbody;
        this.forced = forced;
        this.abundances = abundances;
        this.standardErrors = standardErrors;
        this.spectra = spectra;
        this.spectraSource = spectraSource;
        this.rms = rms;
        this.iterations = iterations;
        this.stopReason = stopReason;
        this.flexedMinerals = List.copyOf(flexedMinerals);
        this.notes = List.copyOf(notes);
        int m = abundances.length;
        double bb = 0;
        double surface = 0;
        for (int j = 0; j < m; j++) {
            if (blackbody[j]) {
                bb += abundances[j];
            } else if (!forced[j]) {
                surface += abundances[j];
            }
        }
        this.blackbodyFraction = bb;
        this.normalized = new double[m];
        this.normalizedErrors = new double[m];
        for (int j = 0; j < m; j++) {
            if (!blackbody[j] && !forced[j] && surface > 0) {
                normalized[j] = abundances[j] / surface;
                // first-order: the renormalising denominator is treated as exact
                normalizedErrors[j] = standardErrors[j] / surface;
            }
        }
    }

    /** The channels used (cm^-1) with the measured and modelled values there; arrays nobody modifies. */
    record Spectra(double[] axis, double[] measured, double[] modelled) {
    }

    private static double rmsOf(double[] measured, double[] modelled) {
        double ss = 0;
        for (int c = 0; c < measured.length; c++) {
            double r = modelled[c] - measured[c];
            ss += r * r;
        }
        return measured.length == 0 ? Double.NaN : Math.sqrt(ss / measured.length);
    }

    /**
     * Builds the measured and modelled spectra now if they are built on first use (FCLS results), so that a
     * consumer on another thread (the workbench's UI thread) only reads them; returns this result.
     */
    public UnmixResult withSpectraBuilt() {
        spectra();
        return this;
    }

    private Spectra spectra() {
        Spectra s = spectra;
        if (s == null) {
            s = spectraSource.get();
            spectra = s; // a race only builds the same arrays twice
        }
        return s;
    }

    /** The same result attributed to another method (e.g. ABS warm-started by the network is IR_ABS). */
    public UnmixResult withMethod(UnmixMethod value) {
        return new UnmixResult(spectrumName, value, endmembers, categories, blackbody, forced, abundances,
                standardErrors, spectra, spectraSource, rms, iterations, stopReason, flexedMinerals, notes);
    }

    public String spectrumName() {
        return spectrumName;
    }

    public UnmixMethod method() {
        return method;
    }

    public List<String> endmembers() {
        return endmembers;
    }

    public List<String> categories() {
        return categories;
    }

    public int size() {
        return abundances.length;
    }

    public boolean isBlackbody(int j) {
        return blackbody[j];
    }

    public boolean isForced(int j) {
        return forced[j];
    }

    /** Abundances as solved (blackbody and forced endmembers included). */
    public double[] abundances() {
        return abundances.clone();
    }

    public double abundance(int j) {
        return abundances[j];
    }

    /** One-sigma standard errors of the raw abundances (0 for endmembers held at zero by the constraints). */
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** Abundances without blackbody and forced endmembers, renormalised to sum 1. */
    public double[] normalized() {
        return normalized.clone();
    }

    public double normalized(int j) {
        return normalized[j];
    }

    public double[] normalizedErrors() {
        return normalizedErrors.clone();
    }

    public double blackbodyFraction() {
        return blackbodyFraction;
    }

    /** Normalised abundances summed per mineral group (lower-case category; the name when it has none). */
    public Map<String, Double> groupSums() {
        Map<String, Double> sums = groupSums;
        if (sums == null) {
            AbundanceGroups rule = AbundanceGroups.of(endmembers, categories, blackbody, forced);
            double[] values = new double[rule.size()];
            rule.normalizedSums(abundances, values);
            Map<String, Double> groups = new LinkedHashMap<>();
            for (int g = 0; g < values.length; g++) {
                groups.put(rule.groups().get(g), values[g]);
            }
            sums = Collections.unmodifiableMap(groups);
            groupSums = sums; // a race only computes the same map twice
        }
        return sums;
    }

    /** Channels used, cm^-1. */
    public double[] axis() {
        return spectra().axis().clone();
    }

    public double[] measured() {
        return spectra().measured().clone();
    }

    public double[] modelled() {
        return spectra().modelled().clone();
    }

    /** measured - modelled on the channels used. */
    public double[] residual() {
        double[] measured = spectra().measured();
        double[] modelled = spectra().modelled();
        double[] r = new double[measured.length];
        for (int c = 0; c < r.length; c++) {
            r[c] = measured[c] - modelled[c];
        }
        return r;
    }

    /** sqrt(mean over channels of (model - measured)^2). */
    public double rms() {
        return rms;
    }

    public int iterations() {
        return iterations;
    }

    public String stopReason() {
        return stopReason;
    }

    /** For analysis-by-synthesis: each endmember's mineral as flexed to fit this spectrum; empty otherwise. */
    public List<Mineral> flexedMinerals() {
        return flexedMinerals;
    }

    public List<String> notes() {
        return notes;
    }
}
