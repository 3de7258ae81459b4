package dev.oscilla.learn;

import dev.oscilla.physics.Mineral;
import dev.oscilla.unmix.AbsSettings;
import dev.oscilla.unmix.AnalysisBySynthesis;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixMethod;
import java.util.function.Supplier;

/**
 * Method {@code ir+abs}: a trained network's prediction guides analysis-by-synthesis on the network's library. Its
 * abundances act as a Gaussian prior on the abundance step (so the first abundances, the minerals flexed and their
 * order come from the network, and the joint fit refines the network's answer instead of discarding it); the
 * parameters start from the library. Shared by the command line and the workbench.
 *
 * <p>Why not also start the parameters from the network's prediction: measured on the 60 development rocks (feely
 * parameters, the network of the inverse-rendering issue, 2 sweeps, median over rocks of the fastest of 6 runs, one
 * core), starting every mineral from its predicted parameters gave squared error 0.1094, RMS 0.0045, 17.3 ms; only
 * the minerals predicted at 5 % or more, 0.1112, 0.0046, 15.6 ms; the library parameters, 0.1093, 0.0047, 14.8 ms.
 * The predicted parameters buy no accuracy, and a start away from the library needs every mineral re-rendered and
 * the Gram matrix rebuilt.
 */
public final class NetworkGuidedAbs {

    /**
     * Weight of the network's abundances as a prior, per channel of squared emissivity misfit. Tuned on the 60
     * development rocks of the feely data (830 channels, where the weight is 0.3): squared error 0.136 without the
     * prior, 0.115 at 0.1, 0.110 at 0.3, 0.111 at 1, 0.114 at 3, 0.117 at 10.
     */
    public static final double PRIOR_PER_CHANNEL = 0.3 / 830;

    /**
     * Sweeps over the minerals. Guided by the prediction, fewer sweeps than plain analysis-by-synthesis (4) are
     * needed. Measured as above (times include the network's prediction, 1.4 ms): 4 sweeps squared error 0.110, RMS
     * 0.0041, 25.0 ms; 3 sweeps 0.110, 0.0043, 19.6 ms; 2 sweeps 0.109, 0.0047, 14.8 ms; 1 sweep 0.109, RMS 0.0056
     * (over the 0.005 goal), 6.7 ms. Plain abs, 4 sweeps: 0.135, 0.0041, 17.1 ms. Two sweeps keep the RMS under 0.005
     * and make ir+abs both more accurate and faster than abs.
     */
    public static final int SWEEPS = 2;

    private NetworkGuidedAbs() {
    }

    /** The settings ir+abs uses: {@code abs} with {@link #SWEEPS} sweeps. */
    public static AbsSettings settings(AbsSettings abs) {
        return abs.withMaxSweeps(SWEEPS);
    }

    /**
     * Per-thread unmixers of method ir+abs for spectra on {@code dataAxis}.
     *
     * @param abs window, blackbody, forced endmembers and tolerances; the sweep count is {@link #SWEEPS}
     */
    public static Supplier<SpectrumUnmixer> factory(InverseRenderModel network, double[] dataAxis, AbsSettings abs) {
        AnalysisBySynthesis engine = new AnalysisBySynthesis(network.library(), dataAxis, settings(abs));
        double priorWeight = PRIOR_PER_CHANNEL * engine.channels();
        return () -> {
            InverseRenderPredictor predictor = network.newPredictor();
            AnalysisBySynthesis.Unmixer unmixer = engine.newUnmixer();
            return spectrum -> {
                Prediction prediction = predictor.predict(spectrum);
                int m = engine.endmembers();
                double[] prior = new double[m];
                for (int i = 0; i < m; i++) {
                    Mineral target = engine.minerals().get(i);
                    if (target.isBlackbody()) {
                        prior[i] = prediction.blackbodyFraction();
                    } else {
                        int j = prediction.endmembers().indexOf(target.name());
                        prior[i] = j >= 0 ? prediction.abundance(j) : 0;
                    }
                }
                return unmixer.unmix(spectrum, null, prior, priorWeight).withMethod(UnmixMethod.IR_ABS);
            };
        };
    }
}
