package dev.oscilla.io.cube;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.envi.AxisFile;
import dev.oscilla.io.envi.EnviCubeWriter;
import dev.oscilla.io.envi.EnviDataType;
import dev.oscilla.io.envi.EnviHeader;
import dev.oscilla.io.envi.EnviLibrary;
import dev.oscilla.io.envi.EnviNames;
import dev.oscilla.pipeline.SyntheticCube;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ParallelItems;
import dev.oscilla.task.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SyntheticCube} as the files a user would have: {@code cube.img/.hdr} laid out like a global
 * thermal-emission map (big-endian float32 BSQ, no wavelengths in the header, {@code data ignore value} -9999),
 * {@code axis.csv} (its band centres in cm^-1), {@code library.sli/.hdr} (the endmembers on the same bands, with
 * their groups) and {@code truth.img/.hdr} (the true abundance of each endmember per pixel, float32, band names =
 * endmember names, -9999 where a pixel has no data). Generated line block by line block on several threads.
 */
public final class SyntheticCubeFiles {

    public static final String CUBE = "cube.img";
    public static final String AXIS = "axis.csv";
    public static final String LIBRARY = "library.sli";
    public static final String TRUTH = "truth.img";

    /** Lines generated per block: 64 lines of 1000 samples x 73 bands is 37 MB of doubles per thread. */
    private static final int PIXELS_PER_BLOCK = 64_000;

    private SyntheticCubeFiles() {
    }

    /** Writes the four files into {@code dir}; returns them. */
    public static List<Path> write(Path dir, SyntheticCube cube, int threads, ProgressListener progress,
                                   CancellationToken cancel) throws SpectralFileException {
        SyntheticCube.Settings s = cube.settings();
        int lines = s.lines();
        int samples = s.samples();
        int n = cube.channels();
        int m = cube.endmembers();
        List<String> names = new ArrayList<>();
        for (Spectrum e : cube.library().spectra()) {
            names.add(EnviNames.sanitise(e.name(), "endmember"));
        }
        String what = String.format(Locale.ROOT, "synthetic TES-like cube, %d x %d pixels, %d endmembers, noise "
                + "sigma %s, seed %d", lines, samples, m, s.noise(), s.seed());
        EnviHeader cubeHeader = EnviHeader.builder().text("description", what + "; band centres in axis.csv")
                .put("data ignore value", "-9999").build();
        EnviHeader truthHeader = EnviHeader.builder().text("description", what + "; true abundances")
                .put("data ignore value", "-9999").list("band names", names).build();
        int linesPerBlock = Math.max(1, PIXELS_PER_BLOCK / samples);
        int blocks = (lines + linesPerBlock - 1) / linesPerBlock;
        try (EnviCubeWriter cw = EnviCubeWriter.create(dir.resolve(CUBE), samples, lines, n, EnviDataType.FLOAT32,
                ByteOrder.BIG_ENDIAN, cubeHeader);
             EnviCubeWriter tw = EnviCubeWriter.create(dir.resolve(TRUTH), samples, lines, m, EnviDataType.FLOAT32,
                     ByteOrder.LITTLE_ENDIAN, truthHeader)) {
            try {
                ParallelItems.run(blocks, threads, "oscilla-synthetic-cube", "line blocks", () -> null,
                        (ignored, block) -> writeBlock(cube, block * linesPerBlock,
                                Math.min(linesPerBlock, lines - block * linesPerBlock), cw, tw), progress, cancel);
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof UncheckedIOException u && u.getCause().getCause()
                        instanceof SpectralFileException f) {
                    throw f;
                }
                throw e;
            }
            cw.commit();
            tw.commit();
        }
        AxisFile.write(dir.resolve(AXIS), cube.axis());
        EnviLibrary.write(dir.resolve(LIBRARY), cube.library());
        return List.of(dir.resolve(CUBE), dir.resolve("cube.hdr"), dir.resolve(AXIS), dir.resolve(LIBRARY),
                dir.resolve("library.hdr"), dir.resolve(TRUTH), dir.resolve("truth.hdr"));
    }

    private static void writeBlock(SyntheticCube cube, int firstLine, int lineCount, EnviCubeWriter cw,
                                   EnviCubeWriter tw) {
        int samples = cube.settings().samples();
        int n = cube.channels();
        int m = cube.endmembers();
        int pixels = lineCount * samples;
        double[] spectra = new double[n * pixels];   // band-major, as written
        double[] truth = new double[m * pixels];
        double[] spectrum = new double[n];
        double[] abundances = new double[m];
        for (int l = 0; l < lineCount; l++) {
            for (int s = 0; s < samples; s++) {
                int p = l * samples + s;
                cube.pixel(firstLine + l, s, spectrum, abundances);
                for (int c = 0; c < n; c++) {
                    spectra[c * pixels + p] = spectrum[c];
                }
                for (int j = 0; j < m; j++) {
                    truth[j * pixels + p] = Double.isNaN(abundances[j]) ? SyntheticCube.IGNORE_VALUE : abundances[j];
                }
            }
        }
        try {
            for (int c = 0; c < n; c++) {
                cw.writeLines(c, firstLine, lineCount, spectra, c * pixels);
            }
            for (int j = 0; j < m; j++) {
                tw.writeLines(j, firstLine, lineCount, truth, j * pixels);
            }
        } catch (SpectralFileException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
