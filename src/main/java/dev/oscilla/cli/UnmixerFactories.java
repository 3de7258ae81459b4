package dev.oscilla.cli;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumSet;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.EndmemberMatrix;
import dev.oscilla.unmix.LibraryMatcher;
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
            case IR:
                return inverseRendering(params, model, library, window);
            default:
                throw new UserException("method " + method.label() + " is not available in this build");
        }
    }

    /**
     * Method IR: the trained network of {@code model} bound to the oscillator library {@code params} (see
     * {@link #oscillatorLibrary}). The network reads the axis it was trained on; a different {@code window} is noted
     * in the description, not applied.
     *
     * @param spectralLibrary measured library giving names and categories to an HDF parameter file; may be null for
     *                        a JSON library whose minerals carry them
     */
    static Prepared inverseRendering(Path params, Path model, SpectrumSet spectralLibrary, WavenumberWindow window)
            throws SpectralFileException {
        if (params == null || model == null) {
            throw new UserException("method ir needs --params (the oscillator library) and --model (the trained "
                    + "network)");
        }
        MineralLibrary library = oscillatorLibrary(params, spectralLibrary, window);
        InverseRenderModel network = InverseRenderModel.read(model, library);
        String description = network.describe();
        if (!window.equals(network.window())) {
            description += "; the network reads its training window " + network.window() + " (--window " + window
                    + " not applied)";
        }
        return new Prepared(network::newUnmixer, description);
    }

    /**
     * Reads an oscillator library (HDF, JSON or oscillator table). An InfraRender HDF file carries truncated
     * sample labels and no mineral groups, so when a measured spectral library is given its models are paired
     * with the library's entries ({@link LibraryMatcher}) and take their names and categories; other formats are
     * used as they are.
     */
    static MineralLibrary oscillatorLibrary(Path params, SpectrumSet spectralLibrary, WavenumberWindow window)
            throws SpectralFileException {
        MineralLibrary library = LibraryFiles.read(params);
        boolean hdf = LibraryFiles.format(params).orElse(null) == LibraryFiles.Format.INFRARENDER_HDF;
        if (hdf && spectralLibrary != null) {
            return LibraryMatcher.match(spectralLibrary, library, window).library();
        }
        return library;
    }
}
