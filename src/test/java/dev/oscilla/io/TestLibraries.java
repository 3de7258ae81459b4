package dev.oscilla.io;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Libraries that exercise every structural case of the file formats. */
final class TestLibraries {

    private TestLibraries() {
    }

    /**
     * A biaxial-like mineral with bounds (some sides open, one parameter fixed), an isotropic mineral without
     * bounds whose second mode has no oscillators, names with commas and quotes, and the blackbody. Parameter
     * values are random doubles with full 17-digit mantissas, so a lossy number format would show.
     */
    static MineralLibrary mixed(long seed) {
        Random rnd = new Random(seed);
        List<Mode> modes = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            List<Oscillator> oscillators = new ArrayList<>();
            for (int j = 0; j < 2 + m; j++) {
                oscillators.add(new Oscillator(250 + 1600 * rnd.nextDouble(), 2 * rnd.nextDouble(),
                        1e-3 + 0.3 * rnd.nextDouble()));
            }
            modes.add(new Mode(1.5 + 4 * rnd.nextDouble(), rnd.nextDouble(), oscillators));
        }
        Mineral withoutBounds = new Mineral("Quartz, alpha", "silica \"SiO2\"", modes, null,
                "fit of 2026-11-01, window 400:2000");
        double[] p = withoutBounds.parameters();
        double[] lo = new double[p.length];
        double[] hi = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            lo[i] = i % 5 == 1 ? Double.NEGATIVE_INFINITY : p[i] * (1 - 0.1 * rnd.nextDouble());
            hi[i] = i % 7 == 3 ? Double.POSITIVE_INFINITY : p[i] * (1 + 0.1 * rnd.nextDouble());
        }
        lo[4] = p[4]; // a fixed parameter: lower equals upper
        hi[4] = p[4];
        Mineral bounded = withoutBounds.withBounds(new ParameterBounds(lo, hi));

        Mineral dielectric = new Mineral("Glass", "", List.of(
                new Mode(2.25, 0.5, List.of(Oscillator.ofRho(1050.123456789, 0.0617, 0.0433))),
                new Mode(1.96, 0.5, List.of())), null, "");
        return new MineralLibrary("test", "every case", List.of(bounded, dielectric, Mineral.blackbody()));
    }
}
