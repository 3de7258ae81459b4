package dev.oscilla.cli;

import dev.oscilla.io.InverseRenderModelFile;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.pipeline.UnmixRequest;
import dev.oscilla.pipeline.UnmixerFactory;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.unmix.LibraryMatcher;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Path;
import java.util.List;

/** Reads the files a method needs from the command-line inputs and prepares it ({@link UnmixerFactory}). */
final class UnmixerFactories {

    private UnmixerFactories() {
    }

    /**
     * What the user gave as the library: measured spectra (ASU tab + meta, CSV) and/or an oscillator library.
     * {@code params} is an oscillator library file that pairs with the measured spectra (abs, ir, ir+abs).
     */
    record Inputs(SpectrumSet measured, MineralLibrary oscillators, WavenumberWindow window, boolean blackbody,
                  List<String> forced, Path params, Path model) {
    }

    static UnmixerFactory.Prepared prepare(UnmixMethod method, SpectrumSet library, double[] dataAxis,
                                           WavenumberWindow window, Path params, Path model)
            throws SpectralFileException {
        return prepare(method, new Inputs(library, null, window, true, List.of(), params, model), dataAxis);
    }

    /** Reads what {@code method} needs from the files the user named, then prepares it ({@link UnmixerFactory}). */
    static UnmixerFactory.Prepared prepare(UnmixMethod method, Inputs in, double[] dataAxis)
            throws SpectralFileException {
        UnmixRequest request = request(method, in);
        try {
            return UnmixerFactory.prepare(request, dataAxis);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** Reads what {@code method} needs from the files the user named (oscillator library, network) into a request. */
    static UnmixRequest request(UnmixMethod method, Inputs in) throws SpectralFileException {
        UnmixRequest request = new UnmixRequest(method, in.measured(),
                in.oscillators() == null ? null : in.oscillators().minerals(), null, in.window(), in.blackbody(),
                in.forced());
        switch (method) {
            case ABS:
                request = new UnmixRequest(method, in.measured(), oscillatorLibrary(in, method).minerals(), null,
                        in.window(), in.blackbody(), in.forced());
                break;
            case IR:
            case IR_ABS:
                request = request.withNetwork(network(in.params(), in.model(), in.measured(), in.window(),
                        in.oscillators(), method.label()));
                break;
            default:
                break;
        }
        return request;
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
        return InverseRenderModelFile.read(model, library);
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
