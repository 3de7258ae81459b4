package dev.oscilla.ui.fit;

import dev.oscilla.fit.FitResult;
import dev.oscilla.fit.FitSettings;
import dev.oscilla.fit.LeastSquaresResult;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished fit as the Fit view keeps it: the fitter's result, how it was asked for, and the pairs of strongly
 * correlated parameters (worked out on the fitting thread).
 *
 * @param refined      true for a re-fit from the user's model, false for an auto-fit from scratch
 * @param spectrumName the spectrum fitted
 * @param settings     the fit settings
 * @param result       the fitter's result
 * @param locked       the parameters held by the user (refine only; all false for an auto-fit)
 * @param box          the bounds the fit worked in (null when unknown)
 * @param correlations parameter pairs with |r| above {@link #STRONG_CORRELATION}, strongest first
 */
record FitOutcome(boolean refined, String spectrumName, FitSettings settings, FitResult result, boolean[] locked,
                  ParameterBounds box, List<Correlation> correlations) {

    /** |r| above which a pair of parameters is reported as strongly correlated. */
    static final double STRONG_CORRELATION = 0.95;

    /** Two parameters (flat indices) and their correlation coefficient. */
    record Correlation(int first, int second, double r) {
    }

    static FitOutcome of(boolean refined, String spectrumName, FitSettings settings, FitResult result,
                         boolean[] locked, ParameterBounds box) {
        LeastSquaresResult solve = result.solve();
        ParameterLayout layout = result.mineral().layout();
        List<Correlation> list = new ArrayList<>();
        int n = solve.parameterCount();
        if (solve.hasCovariance() && n == layout.size()) {
            for (int i = 0; i < n; i++) {
                if (!solve.isFree(i)) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    double r = solve.correlation(i, j);
                    if (solve.isFree(j) && Math.abs(r) > STRONG_CORRELATION) {
                        list.add(new Correlation(i, j, r));
                    }
                }
            }
        }
        list.sort((a, b) -> Double.compare(Math.abs(b.r()), Math.abs(a.r())));
        return new FitOutcome(refined, spectrumName, settings, result,
                locked == null ? new boolean[layout.size()] : locked.clone(), box, List.copyOf(list));
    }
}
