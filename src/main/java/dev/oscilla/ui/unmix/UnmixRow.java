package dev.oscilla.ui.unmix;

import dev.oscilla.unmix.AbundanceScorer;
import dev.oscilla.unmix.UnmixResult;
import java.util.List;

/**
 * One spectrum's line of the results table: its result and, when the file carries known abundances, its score.
 *
 * @param result  the unmixing result
 * @param score   the score against the known abundances, or null (none known, or the spectrum is not scored)
 * @param known   the known abundances by endmember (NaN where the file knows none by that name), or null
 * @param groups  the group sums: as scored (the known-abundance columns) when scored, else by mineral group
 * @param shifts  for analysis-by-synthesis: the largest parameter shifts of each flexed mineral; empty otherwise
 */
public record UnmixRow(UnmixResult result, AbundanceScorer.Score score, double[] known, List<GroupRow> groups,
                       List<ShiftRow> shifts) {

    public String spectrum() {
        return result.spectrumName();
    }

    public double rms() {
        return result.rms();
    }

    public double blackbody() {
        return result.blackbodyFraction();
    }

    /**
     * The abundance shown for endmember {@code j}: normalised without blackbody and forced endmembers, or as solved
     * for a forced one.
     */
    public double abundance(int j) {
        return result.isForced(j) ? result.abundance(j) : result.normalized(j);
    }

    /** The one-sigma error of {@link #abundance(int)}. */
    public double error(int j) {
        return result.isForced(j) ? result.standardErrors()[j] : result.normalizedErrors()[j];
    }

    /** Abundance of the endmember named {@code name}, NaN when it is not one. */
    public double abundance(String name) {
        int j = result.endmembers().indexOf(name);
        return j < 0 ? Double.NaN : abundance(j);
    }

    public double squaredError() {
        return score == null ? Double.NaN : score.squaredError();
    }

    public double errorL1() {
        return score == null ? Double.NaN : score.errorL1();
    }

    public double precision() {
        return score == null ? Double.NaN : score.precision();
    }

    public double recall() {
        return score == null ? Double.NaN : score.recall();
    }
}
