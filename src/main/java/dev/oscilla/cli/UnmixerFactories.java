package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumSet;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.EndmemberMatrix;
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
            default:
                throw new UserException("method " + method.label() + " is not available in this build");
        }
    }
}
