package dev.oscilla.physics;

import java.util.List;

/**
 * One crystal axis (vibrational mode) of a mineral: a high-frequency dielectric constant, a weight in the
 * mineral's average, and its oscillators.
 *
 * @param epsInf      high-frequency (electronic) dielectric constant, dimensionless, > 0
 * @param weight      the mode's weight in the mineral spectrum; weights of a mineral are normalised on use
 * @param oscillators the bands of this axis (may be empty: a flat, non-absorbing dielectric)
 */
public record Mode(double epsInf, double weight, List<Oscillator> oscillators) {

    public Mode {
        if (!(epsInf > 0) || !Double.isFinite(epsInf)) {
            throw new IllegalArgumentException("eps_inf must be > 0, got " + epsInf);
        }
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("mode weight must be >= 0, got " + weight);
        }
        oscillators = List.copyOf(oscillators);
    }

    public int size() {
        return oscillators.size();
    }

    public Mode withEpsInf(double value) {
        return new Mode(value, weight, oscillators);
    }

    public Mode withWeight(double value) {
        return new Mode(epsInf, value, oscillators);
    }

    public Mode withOscillators(List<Oscillator> list) {
        return new Mode(epsInf, weight, list);
    }
}
