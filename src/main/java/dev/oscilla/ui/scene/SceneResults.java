package dev.oscilla.ui.scene;

import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.pipeline.CubeLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unmixed maps the Scene view can show: the abundance and group bands, then the RMS. Either the whole cube's
 * outputs on disk (memory-mapped, read band by band) or one region unmixed in memory. Thread-safe for reading.
 */
interface SceneResults extends AutoCloseable {

    /** Abundance and group band names, then "RMS". */
    List<String> bandNames();

    /** The layout of the abundance and group bands. */
    CubeLayout layout();

    /** Band {@code band} subsampled by {@code step} over the whole cube (NaN where there is no result). */
    void readBand(int band, int step, float[] out);

    /** Where the maps are on disk, null when they are only in memory. */
    Path folder();

    @Override
    void close();

    static List<String> names(CubeLayout layout) {
        List<String> names = new ArrayList<>(layout.bandNames());
        names.add("RMS");
        return List.copyOf(names);
    }

    /** The outputs of a whole-cube run. */
    final class OnDisk implements SceneResults {
        private final CubeLayout layout;
        private final EnviCube abundances;
        private final EnviCube rms;
        private final Path folder;

        OnDisk(CubeLayout layout, EnviCube abundances, EnviCube rms, Path folder) {
            this.layout = layout;
            this.abundances = abundances;
            this.rms = rms;
            this.folder = folder;
        }

        @Override
        public List<String> bandNames() {
            return names(layout);
        }

        @Override
        public CubeLayout layout() {
            return layout;
        }

        @Override
        public void readBand(int band, int step, float[] out) {
            if (band < abundances.bands()) {
                abundances.readChannelImage(abundances.channel(band), step, out);
            } else {
                rms.readChannelImage(0, step, out);
            }
        }

        @Override
        public Path folder() {
            return folder;
        }

        @Override
        public void close() {
            abundances.close();
            rms.close();
        }
    }

    /** The results of a region, kept in memory; NaN outside it. */
    final class InMemory implements SceneResults {
        private final CubeLayout layout;
        private final int lines;
        private final int samples;
        private final int line0;
        private final int sample0;
        private final int regionLines;
        private final int regionSamples;
        private final float[][] bands;   // [band][region pixel], the last band the RMS

        InMemory(CubeLayout layout, int lines, int samples, int line0, int sample0, int regionLines,
                 int regionSamples, float[][] bands) {
            this.layout = layout;
            this.lines = lines;
            this.samples = samples;
            this.line0 = line0;
            this.sample0 = sample0;
            this.regionLines = regionLines;
            this.regionSamples = regionSamples;
            this.bands = bands;
        }

        @Override
        public List<String> bandNames() {
            return names(layout);
        }

        @Override
        public CubeLayout layout() {
            return layout;
        }

        @Override
        public void readBand(int band, int step, float[] out) {
            int width = (samples + step - 1) / step;
            int height = (lines + step - 1) / step;
            Arrays.fill(out, 0, width * height, Float.NaN);
            float[] v = bands[band];
            for (int y = 0; y < height; y++) {
                int l = y * step - line0;
                if (l < 0 || l >= regionLines) {
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    int s = x * step - sample0;
                    if (s >= 0 && s < regionSamples) {
                        out[y * width + x] = v[l * regionSamples + s];
                    }
                }
            }
        }

        @Override
        public Path folder() {
            return null;
        }

        @Override
        public void close() {
            // memory only
        }
    }
}
