package dev.oscilla.pipeline;

import dev.oscilla.unmix.AbundanceGroups;
import dev.oscilla.unmix.UnmixResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What an unmixed cube holds per pixel: one band per endmember (the abundances as solved, blackbody included), then
 * one band per mineral group (the sums of the abundances renormalised without the blackbody and forced endmembers,
 * {@link AbundanceGroups}). Immutable.
 *
 * @param endmembers endmember names, in the unmixer's order
 * @param categories one per endmember
 * @param blackbody  per endmember
 * @param forced     per endmember
 */
public record CubeLayout(List<String> endmembers, List<String> categories, boolean[] blackbody, boolean[] forced)
        implements Serializable {

    /** Prefix of the group bands' names ("group:feldspar"), so that they never clash with an endmember's name. */
    public static final String GROUP_PREFIX = "group:";

    public CubeLayout {
        endmembers = List.copyOf(endmembers);
        categories = List.copyOf(categories);
        blackbody = blackbody.clone();
        forced = forced.clone();
        if (categories.size() != endmembers.size() || blackbody.length != endmembers.size()
                || forced.length != endmembers.size()) {
            throw new IllegalArgumentException("one category and flag per endmember expected");
        }
    }

    /** The layout of the results of an unmixer, read from one of its results. */
    public static CubeLayout of(UnmixResult r) {
        boolean[] bb = new boolean[r.size()];
        boolean[] fo = new boolean[r.size()];
        for (int j = 0; j < r.size(); j++) {
            bb[j] = r.isBlackbody(j);
            fo[j] = r.isForced(j);
        }
        return new CubeLayout(r.endmembers(), r.categories(), bb, fo);
    }

    public AbundanceGroups groups() {
        return AbundanceGroups.of(endmembers, categories, blackbody, forced);
    }

    public int endmemberCount() {
        return endmembers.size();
    }

    /** Bands of the abundance cube: endmembers, then groups. */
    public int bands() {
        return endmembers.size() + groups().size();
    }

    /** Band names: the endmember names, then {@code group:<name>} per group. */
    public List<String> bandNames() {
        List<String> out = new ArrayList<>(endmembers);
        for (String g : groups().groups()) {
            out.add(GROUP_PREFIX + g);
        }
        return out;
    }

    /** True when band {@code b} is a group sum. */
    public boolean isGroupBand(int b) {
        return b >= endmembers.size();
    }
}
