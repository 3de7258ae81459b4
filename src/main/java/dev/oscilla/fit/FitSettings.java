package dev.oscilla.fit;

import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.WavenumberWindow;

/**
 * Immutable settings of the dispersion fitter.
 *
 * @param window          fit window (cm^-1); channels outside it, masked or zero are not fitted
 * @param quantity        what the spectrum measures: EMISSIVITY or REFLECTANCE
 * @param modes           number of modes (crystal axes), 1-3, or 0 to try 1 and 2 and keep the better by BIC
 * @param maxOscillators  at most this many oscillators in the final model (0: as many as the data support)
 * @param sparsity        strength of the L1 penalty on the strengths in the over-complete phase, relative to the
 *                        data's noise level (0 disables the penalty)
 * @param seed            seed of the randomised parts (grid jitter, extra starts); a fit is deterministic for a seed
 * @param starts          independent starts (jittered grids); the best by BIC is kept
 * @param maxIterations   iteration limit of each solver phase
 */
public record FitSettings(WavenumberWindow window, Quantity quantity, int modes, int maxOscillators,
                          double sparsity, long seed, int starts, int maxIterations) {

    public FitSettings {
        if (quantity != Quantity.EMISSIVITY && quantity != Quantity.REFLECTANCE) {
            throw new IllegalArgumentException("spectra are fitted as emissivity or reflectance, not " + quantity);
        }
        if (modes < 0 || modes > 3) {
            throw new IllegalArgumentException("modes must be 1, 2, 3 or 0 (automatic), got " + modes);
        }
        if (maxOscillators < 0) {
            throw new IllegalArgumentException("the oscillator cap must be >= 0 (0: none), got " + maxOscillators);
        }
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be >= 1, got " + starts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be >= 1, got " + maxIterations);
        }
        if (!(sparsity >= 0)) {
            throw new IllegalArgumentException("the sparsity weight must be >= 0, got " + sparsity);
        }
    }

    public static FitSettings defaults() {
        return new FitSettings(WavenumberWindow.ALL, Quantity.EMISSIVITY, 0, 0, 1.0, 1L, 1, 300);
    }

    public FitSettings withWindow(WavenumberWindow value) {
        return new FitSettings(value, quantity, modes, maxOscillators, sparsity, seed, starts, maxIterations);
    }

    public FitSettings withQuantity(Quantity value) {
        return new FitSettings(window, value, modes, maxOscillators, sparsity, seed, starts, maxIterations);
    }

    public FitSettings withModes(int value) {
        return new FitSettings(window, quantity, value, maxOscillators, sparsity, seed, starts, maxIterations);
    }

    public FitSettings withMaxOscillators(int value) {
        return new FitSettings(window, quantity, modes, value, sparsity, seed, starts, maxIterations);
    }

    public FitSettings withSparsity(double value) {
        return new FitSettings(window, quantity, modes, maxOscillators, value, seed, starts, maxIterations);
    }

    public FitSettings withSeed(long value) {
        return new FitSettings(window, quantity, modes, maxOscillators, sparsity, value, starts, maxIterations);
    }

    public FitSettings withStarts(int value) {
        return new FitSettings(window, quantity, modes, maxOscillators, sparsity, seed, value, maxIterations);
    }

    public FitSettings withMaxIterations(int value) {
        return new FitSettings(window, quantity, modes, maxOscillators, sparsity, seed, starts, value);
    }
}
