package dev.oscilla.physics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded random dispersion models and axes for property tests. */
final class RandomMinerals {

    private RandomMinerals() {
    }

    /** A mineral with {@code modes} modes of 1-8 oscillators each, gamma log-uniform in [minGamma, 0.3]. */
    static Mineral mineral(Random rnd, int modes, double minGamma) {
        List<Mode> list = new ArrayList<>();
        for (int m = 0; m < modes; m++) {
            int k = 1 + rnd.nextInt(8);
            List<Oscillator> oscillators = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                double omega0 = 250 + 1600 * rnd.nextDouble();
                double s = Math.exp(Math.log(1e-3) + rnd.nextDouble() * Math.log(2.0 / 1e-3));
                double gamma = Math.exp(Math.log(minGamma) + rnd.nextDouble() * Math.log(0.3 / minGamma));
                oscillators.add(new Oscillator(omega0, s, gamma));
            }
            list.add(new Mode(1.5 + 4 * rnd.nextDouble(), 0.2 + rnd.nextDouble(), oscillators));
        }
        return new Mineral("random", "", list);
    }

    /**
     * A sorted axis over 200-2000 cm^-1 that includes every resonance exactly and channels just beside it
     * (half a band width away), where derivatives are largest.
     */
    static double[] axisThroughResonances(Random rnd, Mineral mineral, int extra) {
        List<Double> v = new ArrayList<>();
        for (Mode mode : mineral.modes()) {
            for (Oscillator o : mode.oscillators()) {
                v.add(o.omega0());
                v.add(o.omega0() * (1 + 0.5 * o.gamma()));
                v.add(o.omega0() * (1 - 0.5 * o.gamma()));
                v.add(o.omega0() * (1 + 3 * o.gamma()));
            }
        }
        for (int i = 0; i < extra; i++) {
            v.add(200 + 1800 * rnd.nextDouble());
        }
        double[] axis = v.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        return Arrays.stream(axis).filter(x -> x > 0).toArray();
    }
}
