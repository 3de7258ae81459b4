package dev.oscilla.ui.app;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.session.BundledSamples;
import java.nio.file.Path;
import java.util.List;

/**
 * What the workbench opens on, loaded before the window exists (off the UI thread): the bundled sample library
 * and the sample spectrum to fit, extracted to {@code configDir/samples}.
 *
 * @param library        the sample library (empty when it could not be read)
 * @param samplesDir     where the sample files were extracted, or null
 * @param sampleSpectra  the synthetic quartz spectrum, or null
 * @param problem        what went wrong while loading, or null
 */
public record StartupData(MineralLibrary library, Path samplesDir, SpectrumSet sampleSpectra, String problem) {

    /** The mineral the Explore view starts on. */
    public static final String START_MINERAL = "Quartz";

    public static StartupData load(Path configDir) {
        MineralLibrary library;
        try {
            library = BundledSamples.library();
        } catch (Exception e) {
            return new StartupData(new MineralLibrary("Untitled library", "", List.of()), null, null,
                    "The bundled sample library could not be read: " + e.getMessage());
        }
        try {
            Path dir = BundledSamples.extractTo(configDir.resolve("samples"));
            return new StartupData(library, dir, BundledSamples.quartzSpectrum(dir), null);
        } catch (Exception e) {
            // the library still works; only the sample spectrum is missing
            return new StartupData(library, null, null, "The sample spectra could not be prepared in "
                    + configDir.resolve("samples") + ": " + e.getMessage());
        }
    }
}
