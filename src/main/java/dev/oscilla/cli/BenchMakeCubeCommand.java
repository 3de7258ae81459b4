package dev.oscilla.cli;

import dev.oscilla.io.AsuTabReader;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.io.cube.SyntheticCubeFiles;
import dev.oscilla.io.envi.EnviLibrary;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.pipeline.SyntheticCube;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench make-cube}: writes a synthetic TES-like cube with known abundances ({@link SyntheticCube}) for
 * {@code unmix-cube} and {@code bench unmix-cube}: cube, axis file, the endmember library on the cube's bands, and
 * the true abundance maps.
 */
@Command(name = "make-cube", mixinStandardHelpOptions = true,
        description = "Write a synthetic TES-like cube with known abundance maps (cube, axis, library, truth).")
public final class BenchMakeCubeCommand implements Callable<Integer> {

    @Option(names = "--library", required = true, description = "Endmembers: measured spectra (ASU tab + "
            + "--library-meta, ENVI .sli, CSV) or an oscillator library (JSON, HDF).")
    Path library;

    @Option(names = "--library-meta", description = "Meta CSV of an ASU library tab file.")
    Path libraryMeta;

    @Option(names = "--params", description = "Oscillator models of the measured library (HDF or JSON): rendered and "
            + "band-averaged instead of the measured spectra (valid over the whole TES range).")
    Path params;

    @Option(names = "--trusted", defaultValue = ":", description = "Window LO:HI, cm^-1, where measured library "
            + "spectra are trusted; bands reaching outside are missing (default: everywhere).")
    String trusted;

    @Option(names = "--lines", defaultValue = "100", description = "Lines (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--samples", defaultValue = "100", description = "Samples per line (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise", defaultValue = "0.002", description = "Noise sigma, emissivity (default "
            + "${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--threads", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws SpectralFileException {
        if (lines < 1 || samples < 1 || (long) lines * samples > Integer.MAX_VALUE) {
            throw new UserException("--lines and --samples must be >= 1 (and their product < 2^31)");
        }
        if (!(noise >= 0)) {
            throw new UserException("--noise must be >= 0");
        }
        SpectrumSet endmembers = endmembers();
        SyntheticCube cube;
        try {
            cube = SyntheticCube.of(endmembers, new SyntheticCube.Settings(lines, samples, seed, noise));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        SyntheticCubeFiles.write(out, cube, Math.max(1, n), quiet ? ProgressListener.NONE
                : CliProgress.stderr("writing cube"), CancellationToken.NONE);
        if (!quiet) {
            System.err.printf(Locale.ROOT, "oscilla bench make-cube: %d x %d pixels, %d bands, %d endmembers in %s "
                    + "(%.1f s)%n", lines, samples, cube.channels(), cube.endmembers(), out,
                    (System.nanoTime() - t0) * 1e-9);
        }
        return 0;
    }

    private SpectrumSet endmembers() throws SpectralFileException {
        SpectrumSet measured = null;
        MineralLibrary models = null;
        if (libraryMeta != null) {
            measured = AsuTabReader.read(library, libraryMeta);
        } else if (EnviLibrary.isLibrary(library)) {
            measured = EnviLibrary.read(library);
        } else if (LibraryFiles.isLibrary(library)) {
            models = LibraryFiles.read(library);
        } else {
            measured = SpectrumFiles.read(library);
        }
        if (params != null) {
            models = UnmixerFactories.oscillatorLibrary(params, measured, WavenumberWindow.ALL);
        }
        if (models != null) {
            return SyntheticCube.renderLibrary(models.minerals());
        }
        return SyntheticCube.resampleLibrary(measured, trusted.equals(":") ? WavenumberWindow.ALL
                : WavenumberWindow.parse(trusted));
    }
}
