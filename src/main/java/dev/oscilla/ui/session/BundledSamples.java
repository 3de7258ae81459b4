package dev.oscilla.ui.session;

import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.MineralLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * The sample data made by the project ({@code sample-data/} in the repository, packaged into the jar by the POM
 * under {@code dev/oscilla/ui/samples/}): the sample oscillator library the workbench opens on, a synthetic quartz
 * spectrum to fit and synthetic mixtures to unmix. Readers in {@code io} take paths, so the spectra are copied
 * out to a folder first (the user's {@code ~/.oscilla/samples}, where they can also be opened from the menus).
 */
public final class BundledSamples {

    /** The library file name, also the name shown for the untitled sample document. */
    public static final String LIBRARY = "oscilla-samples.json";
    /** The pure-mineral spectrum to fit, ASU tab + meta layout. */
    public static final String QUARTZ_TAB = "quartz_tab.txt";
    /** Synthetic mixtures with known abundances, ASU tab + meta layout. */
    public static final String MIXTURES_TAB = "mixtures_tab.txt";

    /** Every bundled file (extraction copies all of them). */
    public static final List<String> FILES = List.of(LIBRARY, "quartz-emissivity.csv", QUARTZ_TAB, "quartz_meta.csv",
            MIXTURES_TAB, "mixtures_meta.csv", "README.md");

    private static final String RESOURCE_DIR = "/dev/oscilla/ui/samples/";

    private BundledSamples() {
    }

    /** The bundled sample library. */
    public static MineralLibrary library() throws SpectralFileException {
        return LibraryJson.parse(Paths.get(LIBRARY), new String(bytes(LIBRARY), StandardCharsets.UTF_8));
    }

    /**
     * Copies the sample files into {@code dir} (created if needed), leaving files that are already identical
     * untouched; returns {@code dir}.
     */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : FILES) {
            byte[] content = bytes(name);
            Path target = dir.resolve(name);
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
                Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
                Files.write(tmp, content);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return dir;
    }

    /** The synthetic quartz spectrum, read from an extracted samples folder. */
    public static SpectrumSet quartzSpectrum(Path extractedDir) throws SpectralFileException {
        return SpectrumFiles.read(extractedDir.resolve(QUARTZ_TAB));
    }

    private static byte[] bytes(String name) {
        try (InputStream in = BundledSamples.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled sample " + name + " is missing from the build (resource "
                        + RESOURCE_DIR + name + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
