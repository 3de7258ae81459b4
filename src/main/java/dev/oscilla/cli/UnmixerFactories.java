package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumSet;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.physics.MineralLibrary;
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
import java.util.function.Supplier;

/** Builds per-thread unmixers for a method from the command-line inputs. */
final class UnmixerFactories {

    private UnmixerFactories() {
    }

    record Prepared(Supplier<SpectrumUnmixer> factory, String description) {
    }

    static Prepared prepare(UnmixMethod method, SpectrumSet library, double[] dataAxis, WavenumberWindow window,
                            Path params, Path model, int threads, ProgressListener progress)
            throws SpectralFileException {
        UnmixSettings settings = new UnmixSettings(method.isLinear() ? method : UnmixMethod.FCLS, window, true,
                List.of(), true);
        switch (method) {
            case FCLS:
            case NNLS:
            case LS: {
                EndmemberMatrix matrix = EndmemberMatrix.fromLibrary(library, dataAxis, settings);
                Supplier<SpectrumUnmixer> f = () -> new LinearUnmixer(matrix, settings)::unmix;
                return new Prepared(f, method.label() + " on " + matrix.endmembers() + " endmembers, "
                        + matrix.channels() + " channels; " + String.join("; ", matrix.notes()));
            }
            case ABS: {
                MineralLibrary minerals = ParametricLibraries.load(params, library, window, method.label());
                AbsSettings abs = AbsSettings.defaults(window);
                AnalysisBySynthesis engine = new AnalysisBySynthesis(minerals, dataAxis, abs);
                FlexTolerances t = abs.tolerances();
                return new Prepared(engine::newUnmixer, String.format(java.util.Locale.ROOT,
                        "abs on %d minerals (%d oscillators), boxes omega0 %.3g, S %.3g, gamma %.3g, eps_inf %.3g, "
                                + "weight %.3g, at most %d sweeps", engine.endmembers(), minerals.totalOscillators(),
                        t.omega0(), t.strength(), t.gamma(), t.epsInf(), t.weight(), abs.maxSweeps()));
            }
            default:
                throw new UserException("method " + method.label() + " is not available in this build");
        }
    }
}
