package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumSet;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.AbsSettings;
import dev.oscilla.unmix.AnalysisBySynthesis;
import dev.oscilla.unmix.EndmemberMatrix;
import dev.oscilla.unmix.FlexTolerances;
import dev.oscilla.unmix.LinearUnmixer;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Builds per-thread unmixers for a method from the command-line inputs. */
final class UnmixerFactories {

    private UnmixerFactories() {
    }

    record Prepared(Supplier<SpectrumUnmixer> factory, String description) {
    }

    /**
     * What the user gave as the library: measured spectra (ASU tab + meta, CSV) and/or an oscillator library.
     * {@code params} is an oscillator library file that pairs with the measured spectra (abs, ir, ir+abs).
     */
    record Inputs(SpectrumSet measured, MineralLibrary oscillators, WavenumberWindow window, boolean blackbody,
                  List<String> forced, Path params, Path model) {
    }

    static Prepared prepare(UnmixMethod method, SpectrumSet library, double[] dataAxis, WavenumberWindow window,
                            Path params, Path model, int threads, ProgressListener progress)
            throws SpectralFileException {
        return prepare(method, new Inputs(library, null, window, true, List.of(), params, model), dataAxis, threads,
                progress);
    }

    static Prepared prepare(UnmixMethod method, Inputs in, double[] dataAxis, int threads, ProgressListener progress)
            throws SpectralFileException {
        UnmixSettings settings = new UnmixSettings(method.isLinear() ? method : UnmixMethod.FCLS, in.window(),
                in.blackbody(), in.forced(), true);
        switch (method) {
            case FCLS:
            case NNLS:
            case LS: {
                EndmemberMatrix matrix = in.measured() != null
                        ? EndmemberMatrix.fromLibrary(in.measured(), dataAxis, settings)
                        : EndmemberMatrix.fromMinerals(in.oscillators().minerals(), dataAxis, settings);
                Supplier<SpectrumUnmixer> f = () -> new LinearUnmixer(matrix, settings)::unmix;
                return new Prepared(f, method.label() + " on " + matrix.endmembers() + " endmembers ("
                        + (in.measured() != null ? "measured spectra" : "rendered oscillator models") + "), "
                        + matrix.channels() + " channels" + (matrix.notes().isEmpty() ? ""
                        : "; " + String.join("; ", matrix.notes())));
            }
            case ABS: {
                MineralLibrary minerals = oscillatorLibrary(in, method);
                AbsSettings abs = AbsSettings.defaults(in.window()).withBlackbody(in.blackbody())
                        .withForced(in.forced());
                AnalysisBySynthesis engine = new AnalysisBySynthesis(minerals, dataAxis, abs);
                FlexTolerances t = abs.tolerances();
                return new Prepared(engine::newUnmixer, String.format(Locale.ROOT,
                        "abs on %d minerals (%d oscillators), boxes omega0 %.3g, S %.3g, gamma %.3g, eps_inf %.3g, "
                                + "weight %.3g, at most %d sweeps", engine.endmembers(), minerals.totalOscillators(),
                        t.omega0(), t.strength(), t.gamma(), t.epsInf(), t.weight(), abs.maxSweeps()));
            }
            default:
                throw new UserException("method " + method.label() + " is not available in this build");
        }
    }

    /** The oscillator models to flex: the library itself, or --params paired with the measured spectra. */
    static MineralLibrary oscillatorLibrary(Inputs in, UnmixMethod method) throws SpectralFileException {
        if (in.oscillators() != null) {
            return in.oscillators();
        }
        return ParametricLibraries.load(in.params(), in.measured(), in.window(), method.label());
    }

}
