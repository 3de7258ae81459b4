package dev.oscilla.unmix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores predicted abundances against known ones, in the convention of {@code data/README.md}: endmember
 * abundances are summed per truth column (an endmember maps to the column named like the endmember itself, else
 * like its category, case-insensitively; so "Obsidian", filed under garnet, still lands in "obsidian"), with the
 * blackbody removed and the rest renormalised to sum 1. Per spectrum: squared error and L1 error over the truth
 * columns, presence (abundance > threshold) precision and recall, and the RMS of the model fit.
 */
public final class AbundanceScorer {

    /** Presence threshold of the published evaluation (abundance > 0.05). */
    public static final double DEFAULT_PRESENCE = 0.05;

    private final List<String> truthColumns;
    private final double presence;

    public AbundanceScorer(List<String> truthColumns, double presenceThreshold) {
        this.truthColumns = List.copyOf(truthColumns);
        this.presence = presenceThreshold;
    }

    public AbundanceScorer(List<String> truthColumns) {
        this(truthColumns, DEFAULT_PRESENCE);
    }

    public List<String> truthColumns() {
        return truthColumns;
    }

    /** The truth column an endmember maps to, or -1. */
    public int columnOf(String endmember, String category) {
        String n = normalise(endmember);
        for (int g = 0; g < truthColumns.size(); g++) {
            if (normalise(truthColumns.get(g)).equals(n)) {
                return g;
            }
        }
        String c = normalise(category == null ? "" : category);
        for (int g = 0; g < truthColumns.size(); g++) {
            if (normalise(truthColumns.get(g)).equals(c)) {
                return g;
            }
        }
        return -1;
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** Predicted abundance per truth column (normalised without blackbody and forced endmembers). */
    public double[] predictedGroups(UnmixResult result) {
        double[] groups = new double[truthColumns.size()];
        for (int j = 0; j < result.size(); j++) {
            if (result.isBlackbody(j) || result.isForced(j)) {
                continue;
            }
            int g = columnOf(result.endmembers().get(j), result.categories().get(j));
            if (g >= 0) {
                groups[g] += result.normalized(j);
            }
        }
        return groups;
    }

    /** Per-spectrum score. */
    public Score score(UnmixResult result, double[] truth) {
        if (truth.length != truthColumns.size()) {
            throw new IllegalArgumentException("truth has " + truth.length + " columns, expected " + truthColumns.size());
        }
        double[] predicted = predictedGroups(result);
        double se = 0;
        double l1 = 0;
        int predictedPresent = 0;
        int truePresent = 0;
        int both = 0;
        for (int g = 0; g < truth.length; g++) {
            double d = predicted[g] - truth[g];
            se += d * d;
            l1 += Math.abs(d);
            boolean p = predicted[g] > presence;
            boolean t = truth[g] > presence;
            if (p) {
                predictedPresent++;
            }
            if (t) {
                truePresent++;
            }
            if (p && t) {
                both++;
            }
        }
        // As the published evaluation: 0 when nothing is predicted (or nothing is present).
        double precision = predictedPresent == 0 ? 0 : both / (double) predictedPresent;
        double recall = truePresent == 0 ? 0 : both / (double) truePresent;
        return new Score(result.spectrumName(), se, l1, precision, recall, result.rms(), predicted);
    }

    /** One spectrum's score. */
    public record Score(String name, double squaredError, double errorL1, double precision, double recall,
                        double rms, double[] predictedGroups) {
    }

    /** Means over spectra. */
    public record Summary(int n, double squaredError, double errorL1, double precision, double recall, double rms) {

        public static Summary of(List<Score> scores) {
            int n = scores.size();
            double se = 0;
            double l1 = 0;
            double p = 0;
            double r = 0;
            double rms = 0;
            for (Score s : scores) {
                se += s.squaredError();
                l1 += s.errorL1();
                p += s.precision();
                r += s.recall();
                rms += s.rms();
            }
            return n == 0 ? new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                    : new Summary(n, se / n, l1 / n, p / n, r / n, rms / n);
        }
    }

    /** Endmembers that map to no truth column (their abundance is scored nowhere). */
    public List<String> unmapped(UnmixResult result) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < result.size(); j++) {
            if (!result.isBlackbody(j) && !result.isForced(j)
                    && columnOf(result.endmembers().get(j), result.categories().get(j)) < 0) {
                out.add(result.endmembers().get(j));
            }
        }
        return out;
    }
}
