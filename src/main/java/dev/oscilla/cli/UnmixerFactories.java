package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumSet;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.learn.NetworkGuidedAbs;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.AbsSettings;
import dev.oscilla.unmix.AnalysisBySynthesis;
import dev.oscilla.unmix.EndmemberMatrix;
import dev.oscilla.unmix.FlexTolerances;
import dev.oscilla.unmix.LibraryMatcher;
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
            case IR:
                return inverseRendering(in.params(), in.model(), in.measured(), in.window(), in.oscillators());
            case IR_ABS:
                return inverseRenderingThenAbs(in, dataAxis);
            default:
                throw new UserException("method " + method.label() + " is not available in this build");
        }
    }

    /**
     * Method IR: the trained network of {@code model} bound to its oscillator library. The network reads the axis
     * it was trained on; a different {@code window} is noted in the description, not applied.
     *
     * @param spectralLibrary measured library giving names and categories to an HDF parameter file; may be null for
     *                        a JSON library whose minerals carry them
     * @param oscillators     the oscillator library when the user gave one directly (then {@code params} may be null)
     */
    static Prepared inverseRendering(Path params, Path model, SpectrumSet spectralLibrary, WavenumberWindow window,
                                     MineralLibrary oscillators) throws SpectralFileException {
        InverseRenderModel network = network(params, model, spectralLibrary, window, oscillators, "ir");
        String description = network.describe();
        if (!window.equals(network.window())) {
            description += "; the network reads its training window " + network.window() + " (--window " + window
                    + " not applied)";
        }
        return new Prepared(network::newUnmixer, description);
    }

    private static InverseRenderModel network(Path params, Path model, SpectrumSet spectralLibrary,
                                              WavenumberWindow window, MineralLibrary oscillators, String method)
            throws SpectralFileException {
        if ((params == null && oscillators == null) || model == null) {
            throw new UserException("method " + method + " needs --params (the oscillator library) and --model (the "
                    + "trained network)");
        }
        MineralLibrary library = oscillators != null ? oscillators
                : oscillatorLibrary(params, spectralLibrary, window);
        return InverseRenderModel.read(model, library);
    }

    /** Method IR+ABS ({@link NetworkGuidedAbs}): the network's prediction warm-starts analysis-by-synthesis. */
    static Prepared inverseRenderingThenAbs(Inputs in, double[] dataAxis) throws SpectralFileException {
        InverseRenderModel network = network(in.params(), in.model(), in.measured(), in.window(), in.oscillators(),
                "ir+abs");
        AbsSettings abs = AbsSettings.defaults(in.window()).withBlackbody(in.blackbody()).withForced(in.forced());
        return new Prepared(NetworkGuidedAbs.factory(network, dataAxis, abs), "ir+abs: " + network.describe()
                + "; then abs at most " + NetworkGuidedAbs.settings(abs).maxSweeps() + " sweeps from the prediction");
    }

    /**
     * Reads an oscillator library (HDF, JSON or oscillator table). An InfraRender HDF file carries truncated
     * sample labels and no mineral groups, so when a measured spectral library is given its models are paired
     * with the library's entries ({@link LibraryMatcher}) and take their names and categories; other formats are
     * used as they are, except that a mineral without a category takes the one of the measured entry of its name.
     */
    static MineralLibrary oscillatorLibrary(Path params, SpectrumSet spectralLibrary, WavenumberWindow window)
            throws SpectralFileException {
        MineralLibrary library = LibraryFiles.read(params);
        boolean hdf = LibraryFiles.format(params).orElse(null) == LibraryFiles.Format.INFRARENDER_HDF;
        if (hdf && spectralLibrary != null) {
            return LibraryMatcher.match(spectralLibrary, library, window).library();
        }
        if (spectralLibrary == null) {
            return library;
        }
        List<Mineral> out = new java.util.ArrayList<>();
        for (Mineral m : library.minerals()) {
            int i = spectralLibrary.spectra().stream().map(s -> s.name()).collect(java.util.stream.Collectors.toList())
                    .indexOf(m.name());
            out.add(m.category().isBlank() && i >= 0 ? m.withCategory(spectralLibrary.categories().get(i)) : m);
        }
        return library.withMinerals(out);
    }

    /** The oscillator models to flex: the library itself, or --params paired with the measured spectra. */
    static MineralLibrary oscillatorLibrary(Inputs in, UnmixMethod method) throws SpectralFileException {
        if (in.oscillators() != null) {
            return in.oscillators();
        }
        if (in.params() == null) {
            throw new UserException("--method " + method.label()
                    + " needs --params: an oscillator library (InfraRender HDF or Oscilla JSON)");
        }
        return oscillatorLibrary(in.params(), in.measured(), in.window());
    }

}
