package dev.oscilla.cli;

import dev.oscilla.io.AsuTabReader;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.io.cube.CubeOutputs;
import dev.oscilla.io.envi.AxisFile;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.io.envi.EnviLibrary;
import dev.oscilla.io.envi.EnviWavelengthUnit;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.pipeline.CubeLayout;
import dev.oscilla.pipeline.CubeStatistics;
import dev.oscilla.pipeline.CubeUnmixer;
import dev.oscilla.pipeline.UnmixRequest;
import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.UnmixMethod;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One run of cube unmixing from the command line's inputs: opens the cube (with its axis), reads the library,
 * prepares the method ({@link CubeUnmixer}), unmixes every tile on every core into {@link CubeOutputs}. Shared by
 * {@code unmix-cube} and {@code bench unmix-cube}. Inputs are all read and validated before the output folder is
 * touched.
 */
public final class CubeJob {

    /**
     * What the user named.
     *
     * @param xUnit unit of the cube's header wavelengths or of the axis file when they do not say; may be null
     */
    public record Inputs(Path cube, Path axis, AxisUnit xUnit, Path library, Path libraryMeta, Path params, Path model,
                  UnmixMethod method, WavenumberWindow window, boolean blackbody, List<String> forced) {
    }

    /**
     * @param statistics  per-band statistics and pixel counts
     * @param layout      the bands written
     * @param description method, endmembers, channels
     * @param written     files written
     * @param seconds     wall time of the whole run (reading, unmixing, writing), s
     * @param cpuSeconds  CPU time of the process over the run (all threads, JIT and GC included), s
     * @param channels    channels unmixed (the cube's good bands)
     */
    public record Result(CubeStatistics statistics, CubeLayout layout, String description, List<Path> written,
                  double seconds, double cpuSeconds, int channels) {
    }

    private CubeJob() {
    }

    /**
     * A cube opened and its method prepared, before any output is touched: the cube (with its axis), the channels
     * unmixed (its good bands), the request and the {@link CubeUnmixer}. Close it to release the cube.
     */
    public static final class Plan implements AutoCloseable {
        private final EnviCube cube;
        private final int[] good;
        private final double[] axis;
        private final UnmixRequest request;
        private final CubeUnmixer unmixer;
        private final String description;

        private Plan(EnviCube cube, int[] good, double[] axis, UnmixRequest request, CubeUnmixer unmixer,
                     String description) {
            this.cube = cube;
            this.good = good;
            this.axis = axis;
            this.request = request;
            this.unmixer = unmixer;
            this.description = description;
        }

        public EnviCube cube() {
            return cube;
        }

        /** The channels unmixed (the cube's good bands), ascending wavenumber. */
        public int[] channels() {
            return good.clone();
        }

        /** Their wavenumbers, cm^-1. */
        public double[] axis() {
            return axis.clone();
        }

        /** The cube's wavenumber of every band, in file order (to reopen the cube elsewhere with the same axis). */
        public double[] bandWavenumbers() {
            double[] all = cube.axis();
            double[] out = new double[cube.bands()];
            for (int c = 0; c < all.length; c++) {
                out[cube.band(c)] = all[c];
            }
            return out;
        }

        public UnmixRequest request() {
            return request;
        }

        public CubeUnmixer unmixer() {
            return unmixer;
        }

        /** Method, endmembers, channels, cube and window, for headers and logs. */
        public String description() {
            return description;
        }

        /** Reads the unmixed channels of a region of the cube. */
        public CubeUnmixer.RegionReader reader() {
            return (fl, lc, fs, sc, values) -> cube.readRegion(fl, lc, fs, sc, good, values);
        }

        @Override
        public void close() {
            cube.close();
        }
    }

    /** Opens the cube, reads the library and prepares the method; user errors are {@link UserException}s. */
    public static Plan plan(Inputs in, CancellationToken cancel) throws SpectralFileException {
        EnviWavelengthUnit unit = in.xUnit() == null ? null : EnviWavelengthUnit.of(in.xUnit());
        EnviCube.OpenOptions open = in.axis() != null
                ? EnviCube.OpenOptions.axis(AxisFile.read(in.axis(), unit), in.axis().getFileName().toString())
                : new EnviCube.OpenOptions(null, null, unit);
        EnviCube cube = EnviCube.open(in.cube(), open);
        try {
            if (!cube.hasSpectralAxis()) {
                throw new UserException(in.cube().getFileName() + " has no wavelengths in its header; give the band "
                        + "centres with --axis FILE (one value per band, a header line naming the unit)");
            }
            int[] good = cube.goodChannels();
            if (good.length == 0) {
                throw new UserException(in.cube().getFileName() + ": every band is marked bad (bbl)");
            }
            double[] all = cube.axis();
            double[] axis = new double[good.length];
            for (int c = 0; c < good.length; c++) {
                axis[c] = all[good[c]];
            }
            UnmixRequest request = request(in);
            CubeUnmixer.Geometry geometry = new CubeUnmixer.Geometry(cube.lines(), cube.samples(), axis);
            CubeUnmixer.RegionReader reader = (fl, lc, fs, sc, values) -> cube.readRegion(fl, lc, fs, sc, good,
                    values);
            CubeUnmixer unmixer;
            try {
                unmixer = CubeUnmixer.prepare(request, geometry, reader, cancel);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            String description = unmixer.description() + "; cube " + in.cube().getFileName() + " ("
                    + cube.lines() + " x " + cube.samples() + " pixels, " + good.length + " channels, window "
                    + in.window() + ")";
            return new Plan(cube, good, axis, request, unmixer, description);
        } catch (SpectralFileException | RuntimeException e) {
            cube.close();
            throw e;
        }
    }

    /** Reads the library files the user named into the request of the method. */
    public static UnmixRequest request(Inputs in) throws SpectralFileException {
        return UnmixerFactories.request(in.method(), libraryInputs(in));
    }

    public static Result run(Inputs in, Path out, CubeOutputs.Options options, int threads, ProgressListener progress,
                      CancellationToken cancel) throws SpectralFileException {
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        checkOutputFolder(out);
        try (Plan plan = plan(in, cancel)) {
            CubeUnmixer unmixer = plan.unmixer();
            EnviCube cube = plan.cube();
            CubeStatistics statistics;
            List<Path> written;
            try (CubeOutputs outputs = CubeOutputs.create(out, unmixer.layout(), cube.lines(), cube.samples(), options,
                    plan.description(), cube.header())) {
                try {
                    statistics = unmixer.run(plan.reader(), outputs.sink(), threads, progress, cancel);
                } catch (IllegalStateException e) {
                    // a worker's write error: report the file problem, not the worker
                    if (e.getCause() instanceof UncheckedIOException u) {
                        throw u;
                    }
                    throw e;
                }
                written = outputs.commit(statistics, threads);
            }
            return new Result(statistics, unmixer.layout(), plan.description(), written,
                    (System.nanoTime() - t0) * 1e-9, (processCpuNanos() - cpu0) * 1e-9, plan.channels().length);
        }
    }

    /** The output folder may exist (outputs are replaced) but must not be a file. */
    public static void checkOutputFolder(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out " + out + " exists and is not a folder");
        }
    }

    private static UnmixerFactories.Inputs libraryInputs(Inputs in) throws SpectralFileException {
        SpectrumSet measured = null;
        MineralLibrary oscillators = null;
        if (in.libraryMeta() != null) {
            measured = AsuTabReader.read(in.library(), in.libraryMeta());
        } else if (EnviLibrary.isLibrary(in.library())) {
            measured = EnviLibrary.read(in.library());
        } else if (LibraryFiles.isLibrary(in.library())) {
            oscillators = LibraryFiles.read(in.library());
        } else {
            measured = SpectrumFiles.read(in.library());
        }
        return new UnmixerFactories.Inputs(measured, oscillators, in.window(), in.blackbody(), in.forced(),
                in.params(), in.model());
    }

    /** CPU time of this process (every thread), ns; 0 when the platform does not say. */
    public static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** One line for stderr: pixels, time, failures. */
    public static String summaryLine(Result r) {
        CubeStatistics s = r.statistics();
        return String.format(Locale.ROOT, "unmixed %,d of %,d pixels (%,d without data, %,d failed) in %.1f s "
                        + "(%.1f CPU-s), median RMS %.4g", s.unmixed(), s.pixels(), s.noData(), s.failed(), r.seconds(),
                r.cpuSeconds(), s.rmsQuantile(0.5));
    }
}
