package dev.oscilla.unmix;

import dev.oscilla.spectrum.WavenumberWindow;
import java.util.List;

/**
 * Immutable settings of analysis-by-synthesis (joint abundances and oscillator parameters).
 *
 * @param window        wavenumber window, cm^-1
 * @param blackbody     include an ideal blackbody endmember (E = 1); a library entry named Blackbody is replaced
 *                      by it (its oscillator is an artefact of fitting a flat spectrum)
 * @param forced        endmembers exempt from the constraints (see {@link UnmixSettings})
 * @param tolerances    how far each parameter kind may flex around the library value
 * @param maxSweeps     at most this many passes over the minerals in the model
 * @param relativeTolerance stop when a sweep lowers the squared misfit by less than this fraction
 * @param minAbundance  minerals whose abundance stays below this after a sweep are not flexed (they barely
 *                      constrain the misfit and their parameters would be poorly determined)
 */
public record AbsSettings(WavenumberWindow window, boolean blackbody, List<String> forced, FlexTolerances tolerances,
                          int maxSweeps, double relativeTolerance, double minAbundance) {

    public AbsSettings {
        forced = List.copyOf(forced);
        if (maxSweeps < 0 || !(relativeTolerance >= 0) || !(minAbundance >= 0)) {
            throw new IllegalArgumentException("invalid analysis-by-synthesis settings");
        }
    }

    public static AbsSettings defaults(WavenumberWindow window) {
        return new AbsSettings(window, true, List.of(), FlexTolerances.DEFAULT, 4, 1e-3, 0.01);
    }

    public AbsSettings withTolerances(FlexTolerances value) {
        return new AbsSettings(window, blackbody, forced, value, maxSweeps, relativeTolerance, minAbundance);
    }

    public AbsSettings withMaxSweeps(int value) {
        return new AbsSettings(window, blackbody, forced, tolerances, value, relativeTolerance, minAbundance);
    }

    public AbsSettings withMinAbundance(double value) {
        return new AbsSettings(window, blackbody, forced, tolerances, maxSweeps, relativeTolerance, value);
    }

    public AbsSettings withRelativeTolerance(double value) {
        return new AbsSettings(window, blackbody, forced, tolerances, maxSweeps, value, minAbundance);
    }

    public AbsSettings withForced(List<String> value) {
        return new AbsSettings(window, blackbody, value, tolerances, maxSweeps, relativeTolerance, minAbundance);
    }

    public AbsSettings withBlackbody(boolean value) {
        return new AbsSettings(window, value, forced, tolerances, maxSweeps, relativeTolerance, minAbundance);
    }

    /** The linear (FCLS) settings used for the abundance step. */
    UnmixSettings linear() {
        return new UnmixSettings(UnmixMethod.FCLS, window, blackbody, forced, true);
    }
}
