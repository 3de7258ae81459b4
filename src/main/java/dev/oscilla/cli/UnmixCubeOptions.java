package dev.oscilla.cli;

import dev.oscilla.io.cube.CubeOutputs;
import dev.oscilla.io.envi.EnviDataType;
import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code unmix-cube}, shared with {@code bench unmix-cube}. */
public final class UnmixCubeOptions {

    @Option(names = "--cube", required = true, paramLabel = "X.hdr",
            description = "ENVI cube: its header (or its data file, with the header beside it).")
    Path cube;

    @Option(names = "--axis", paramLabel = "AXIS.csv", description = "Band centres when the cube's header has no "
            + "wavelengths: one value per band, in band order, after a header line naming the unit (e.g. "
            + "wavenumber_cm-1).")
    Path axis;

    @Option(names = "--x-unit", paramLabel = "UNIT", description = "Unit of the header's wavelengths or of the axis "
            + "file when they do not say: cm-1, um or nm.")
    String xUnit;

    @Option(names = "--library", required = true, description = "Endmembers: spectra (ENVI .sli, ASU tab+meta, CSV) "
            + "or an oscillator library (JSON, HDF).")
    Path library;

    @Option(names = "--library-meta", description = "Meta CSV of an ASU library tab file.")
    Path libraryMeta;

    @Option(names = "--params", description = "Oscillator library paired with measured library spectra (abs, ir).")
    Path params;

    @Option(names = "--model", description = "Trained network (ir, ir+abs).")
    Path model;

    @Option(names = "--method", defaultValue = "fcls", description = "fcls, nnls, ls, abs, ir or ir+abs "
            + "(default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--window", description = "Wavenumber window LO:HI in cm^-1 (default: every channel).")
    String window;

    @Option(names = "--no-blackbody", description = "Do not add a blackbody endmember (and drop the library's).")
    boolean noBlackbody;

    @Option(names = "--forced", split = ",", description = "Endmembers exempt from the constraints (e.g. atmosphere).")
    List<String> forced = new ArrayList<>();

    @Option(names = "--threads", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--precision", defaultValue = "float32", description = "float32 (default) or float64 for the "
            + "abundance and RMS cubes.")
    String precision;

    @Option(names = "--quicklook-size", defaultValue = "1024", description = "Longer side of the quicklook PNGs, "
            + "pixels; 0 for none (default ${DEFAULT-VALUE}).")
    int quicklookSize;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    /** The output folder. */
    public Path out() {
        return out;
    }

    /** The method as the user wrote it. */
    public String method() {
        return method;
    }

    /** True when no progress is wanted on stderr. */
    public boolean quiet() {
        return quiet;
    }

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    public CubeJob.Inputs inputs() {
        UnmixMethod m = UnmixMethod.parse(method);
        WavenumberWindow w = window == null ? WavenumberWindow.ALL : WavenumberWindow.parse(window);
        AxisUnit unit = xUnit == null ? null : AxisUnit.parse(xUnit);
        return new CubeJob.Inputs(cube, axis, unit, library, libraryMeta, params, model, m, w, !noBlackbody, forced);
    }

    public CubeOutputs.Options outputOptions() {
        EnviDataType type;
        switch (precision.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "float32":
                type = EnviDataType.FLOAT32;
                break;
            case "float64":
                type = EnviDataType.FLOAT64;
                break;
            default:
                throw new UserException("--precision must be float32 or float64, not '" + precision + "'");
        }
        if (quicklookSize < 0) {
            throw new UserException("--quicklook-size must be >= 0");
        }
        return new CubeOutputs.Options(type, quicklookSize);
    }

    public int threads() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new UserException("--threads must be >= 1");
        }
        return n;
    }
}
