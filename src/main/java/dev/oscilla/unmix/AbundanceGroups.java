package dev.oscilla.unmix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rule that turns abundances into mineral-group sums (davinci {@code sma}'s convention): the blackbody and
 * forced endmembers are left out, the other abundances are renormalised to sum 1 (each divided by their sum, the
 * "surface" fraction) and added per group; an endmember's group is its category in lower case, or its name when it
 * has none. {@link UnmixResult#groupSums()} and the per-pixel cube path both use it. Immutable.
 */
public final class AbundanceGroups {

    private final List<String> groups;
    private final int[] groupOf;      // per endmember; -1 for blackbody and forced endmembers

    private AbundanceGroups(List<String> groups, int[] groupOf) {
        this.groups = List.copyOf(groups);
        this.groupOf = groupOf;
    }

    /** The groups of endmembers with these names, categories and flags (groups in order of first appearance). */
    public static AbundanceGroups of(List<String> names, List<String> categories, boolean[] blackbody,
                                     boolean[] forced) {
        int m = names.size();
        List<String> groups = new ArrayList<>();
        int[] groupOf = new int[m];
        for (int j = 0; j < m; j++) {
            if (blackbody[j] || forced[j]) {
                groupOf[j] = -1;
                continue;
            }
            String key = key(names.get(j), categories.get(j));
            int g = groups.indexOf(key);
            if (g < 0) {
                g = groups.size();
                groups.add(key);
            }
            groupOf[j] = g;
        }
        return new AbundanceGroups(groups, groupOf);
    }

    /** The group of an endmember: its category in lower case, or its name (lower case) when it has none. */
    public static String key(String name, String category) {
        String key = category == null || category.isBlank() ? name : category;
        return key.toLowerCase(Locale.ROOT);
    }

    /** Group names, in order of first appearance among the endmembers. */
    public List<String> groups() {
        return groups;
    }

    public int size() {
        return groups.size();
    }

    /** Endmembers these groups were built for. */
    public int endmembers() {
        return groupOf.length;
    }

    /**
     * The normalised group sums of one spectrum's raw abundances into {@code out} (one per group): each surface
     * abundance divided by the surface sum, added per group in endmember order; all zero when the surface sum is not
     * positive. Allocation-free.
     */
    public void normalizedSums(double[] abundances, double[] out) {
        double surface = 0;
        for (int j = 0; j < groupOf.length; j++) {
            if (groupOf[j] >= 0) {
                surface += abundances[j];
            }
        }
        java.util.Arrays.fill(out, 0, groups.size(), 0.0);
        if (!(surface > 0)) {
            return;
        }
        for (int j = 0; j < groupOf.length; j++) {
            if (groupOf[j] >= 0) {
                out[groupOf[j]] += abundances[j] / surface;
            }
        }
    }
}
