package dev.oscilla.pipeline;

import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.learn.NetworkGuidedAbs;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.unmix.AbsSettings;
import dev.oscilla.unmix.AnalysisBySynthesis;
import dev.oscilla.unmix.EndmemberMatrix;
import dev.oscilla.unmix.FlexTolerances;
import dev.oscilla.unmix.LinearUnmixer;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixSettings;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one place that turns a method into unmixers: the command line, the workbench and the cube unmixer all call
 * {@link #prepare}. The heavy shared state (the endmember matrix with its Gram factorisation, the rendered
 * minerals of analysis-by-synthesis, the network) is built once; the supplier hands out one cheap unmixer per
 * thread.
 */
public final class UnmixerFactory {

    private UnmixerFactory() {
    }

    /**
     * Per-thread unmixers and a one-line description of what they do.
     *
     * @param factory     a new unmixer per call (unmixers hold workspaces and are not thread-safe)
     * @param description method, endmembers and channels, for logs and the status line
     */
    public record Prepared(Supplier<SpectrumUnmixer> factory, String description) {
    }

    /**
     * Prepares {@code request} for spectra on {@code dataAxis} (cm^-1, ascending).
     *
     * @throws IllegalArgumentException when the request lacks what its method needs (the message says what)
     */
    public static Prepared prepare(UnmixRequest request, double[] dataAxis) {
        switch (request.method()) {
            case FCLS:
            case NNLS:
            case LS:
                return linear(request, dataAxis);
            case ABS:
                return abs(request, dataAxis);
            case IR:
                return inverseRendering(request);
            case IR_ABS:
                return inverseRenderingThenAbs(request, dataAxis);
            default:
                throw new IllegalArgumentException("method " + request.method().label() + " is not available");
        }
    }

    /** The settings of the linear methods for this request (also the abundance step of the others). */
    public static UnmixSettings linearSettings(UnmixRequest request) {
        return new UnmixSettings(request.method().isLinear() ? request.method() : dev.oscilla.unmix.UnmixMethod.FCLS,
                request.window(), request.blackbody(), request.forced(), true);
    }

    /** The analysis-by-synthesis settings for this request (window, blackbody, forced endmembers, defaults). */
    public static AbsSettings absSettings(UnmixRequest request) {
        return AbsSettings.defaults(request.window()).withBlackbody(request.blackbody())
                .withForced(request.forced());
    }

    private static Prepared linear(UnmixRequest request, double[] dataAxis) {
        UnmixSettings settings = linearSettings(request);
        EndmemberMatrix matrix;
        if (request.measured() != null) {
            matrix = EndmemberMatrix.fromLibrary(request.measured(), dataAxis, settings);
        } else if (request.minerals() != null) {
            matrix = EndmemberMatrix.fromMinerals(request.minerals(), dataAxis, settings);
        } else {
            throw new IllegalArgumentException("method " + request.method().label()
                    + " needs endmembers: measured spectra or oscillator models");
        }
        // the unmixer itself, not a method reference: image cubes use its allocation-free unmixValues
        Supplier<SpectrumUnmixer> f = () -> new LinearUnmixer(matrix, settings);
        return new Prepared(f, request.method().label() + " on " + matrix.endmembers() + " endmembers ("
                + (request.measured() != null ? "measured spectra" : "rendered oscillator models") + "), "
                + matrix.channels() + " channels" + (matrix.notes().isEmpty() ? ""
                : "; " + String.join("; ", matrix.notes())));
    }

    private static Prepared abs(UnmixRequest request, double[] dataAxis) {
        List<Mineral> minerals = request.minerals();
        if (minerals == null || minerals.isEmpty()) {
            throw new IllegalArgumentException("method abs needs oscillator models of the endmembers (an oscillator "
                    + "library: InfraRender HDF or Oscilla JSON)");
        }
        MineralLibrary library = new MineralLibrary("endmembers", "", minerals);
        AbsSettings abs = absSettings(request);
        AnalysisBySynthesis engine = new AnalysisBySynthesis(library, dataAxis, abs);
        FlexTolerances t = abs.tolerances();
        return new Prepared(engine::newUnmixer, String.format(Locale.ROOT,
                "abs on %d minerals (%d oscillators), boxes omega0 %.3g, S %.3g, gamma %.3g, eps_inf %.3g, "
                        + "weight %.3g, at most %d sweeps", engine.endmembers(), library.totalOscillators(),
                t.omega0(), t.strength(), t.gamma(), t.epsInf(), t.weight(), abs.maxSweeps()));
    }

    /**
     * Method IR: the trained network's prediction. The network reads the axis it was trained on; a different window
     * is noted in the description, not applied.
     */
    private static Prepared inverseRendering(UnmixRequest request) {
        InverseRenderModel network = requireNetwork(request);
        String description = network.describe();
        if (!request.window().equals(network.window())) {
            description += "; the network reads its training window " + network.window() + " (window "
                    + request.window() + " not applied)";
        }
        return new Prepared(network::newUnmixer, description);
    }

    /** Method IR+ABS ({@link NetworkGuidedAbs}): the network's prediction warm-starts analysis-by-synthesis. */
    private static Prepared inverseRenderingThenAbs(UnmixRequest request, double[] dataAxis) {
        InverseRenderModel network = requireNetwork(request);
        AbsSettings abs = absSettings(request);
        return new Prepared(NetworkGuidedAbs.factory(network, dataAxis, abs), "ir+abs: " + network.describe()
                + "; then abs at most " + NetworkGuidedAbs.settings(abs).maxSweeps() + " sweeps from the prediction");
    }

    private static InverseRenderModel requireNetwork(UnmixRequest request) {
        if (request.network() == null) {
            throw new IllegalArgumentException("method " + request.method().label()
                    + " needs a trained network (and the oscillator library it was trained for)");
        }
        return request.network();
    }
}
