package dev.oscilla.learn;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import java.util.List;

/** Small hand-made libraries and axes that keep gradient checks and training tests fast. */
final class TinyLibraries {

    private TinyLibraries() {
    }

    /**
     * Three minerals in two groups (one biaxial-like with two modes) and a blackbody; bands spread over
     * 400-1400 cm^-1 with distinct shapes so the mixture problem is well posed.
     */
    static MineralLibrary threeMinerals() {
        Mineral quartzLike = new Mineral("Quartzish", "silica", List.of(new Mode(2.4, 1.0, List.of(
                new Oscillator(1080, 0.67, 0.0069 * 10), new Oscillator(800, 0.1, 0.05),
                new Oscillator(460, 0.8, 0.04)))));
        Mineral feldsparLike = new Mineral("Feldsparish", "feldspar", List.of(
                new Mode(2.3, 0.6, List.of(new Oscillator(1000, 0.5, 0.06), new Oscillator(600, 0.2, 0.05))),
                new Mode(2.2, 0.4, List.of(new Oscillator(1150, 0.3, 0.05), new Oscillator(540, 0.3, 0.08)))));
        Mineral calciteLike = new Mineral("Calcitish", "feldspar", List.of(new Mode(2.5, 1.0, List.of(
                new Oscillator(1420, 0.9, 0.03), new Oscillator(880, 0.08, 0.02), new Oscillator(710, 0.05, 0.02)))));
        return new MineralLibrary("tiny", "three synthetic minerals", List.of(quartzLike, feldsparLike,
                Mineral.blackbody(), calciteLike));
    }

    /** {@code n} channels evenly spaced over 400-1500 cm^-1. */
    static double[] axis(int n) {
        double[] axis = new double[n];
        for (int c = 0; c < n; c++) {
            axis[c] = 400 + 1100.0 * c / (n - 1);
        }
        return axis;
    }
}
