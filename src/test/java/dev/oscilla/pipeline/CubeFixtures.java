package dev.oscilla.pipeline;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import java.util.List;

/** Small synthetic cubes of five hand-made minerals (distinct bands over the TES range) and a blackbody. */
final class CubeFixtures {

    private CubeFixtures() {
    }

    static List<Mineral> minerals() {
        return List.of(
                new Mineral("Quartzish", "silica", List.of(new Mode(2.4, 1.0, List.of(new Oscillator(1080, 0.67,
                        0.07), new Oscillator(800, 0.1, 0.05), new Oscillator(460, 0.8, 0.04))))),
                new Mineral("Feldsparish", "feldspar", List.of(new Mode(2.3, 1.0, List.of(new Oscillator(1000, 0.5,
                        0.06), new Oscillator(600, 0.2, 0.05), new Oscillator(400, 0.4, 0.06))))),
                new Mineral("Albitish", "feldspar", List.of(new Mode(2.3, 1.0, List.of(new Oscillator(1150, 0.3,
                        0.05), new Oscillator(540, 0.3, 0.08), new Oscillator(300, 0.5, 0.07))))),
                new Mineral("Carbonatish", "carbonate", List.of(new Mode(2.5, 1.0, List.of(new Oscillator(1300, 0.9,
                        0.03), new Oscillator(880, 0.08, 0.02), new Oscillator(350, 0.6, 0.05))))),
                new Mineral("Olivinish", "olivine", List.of(new Mode(2.7, 1.0, List.of(new Oscillator(950, 0.6,
                        0.04), new Oscillator(500, 0.7, 0.05), new Oscillator(260, 0.5, 0.06))))),
                Mineral.blackbody());
    }

    static SyntheticCube cube(int lines, int samples, long seed) {
        return SyntheticCube.of(SyntheticCube.renderLibrary(minerals()), new SyntheticCube.Settings(lines, samples,
                seed, 0.002));
    }

    /** Reads a synthetic cube's pixels as a cube reader would (the ignore value read as missing). */
    static CubeUnmixer.RegionReader reader(SyntheticCube cube) {
        int n = cube.channels();
        return (firstLine, lineCount, firstSample, sampleCount, out) -> {
            double[] spectrum = new double[n];
            double[] truth = new double[cube.endmembers()];
            for (int l = 0; l < lineCount; l++) {
                for (int s = 0; s < sampleCount; s++) {
                    cube.pixel(firstLine + l, firstSample + s, spectrum, truth);
                    for (int c = 0; c < n; c++) {
                        double v = spectrum[c];
                        out[(l * sampleCount + s) * n + c] = v == SyntheticCube.IGNORE_VALUE ? Double.NaN : v;
                    }
                }
            }
        };
    }
}
