package dev.oscilla.physics;

/**
 * One Lorentz oscillator (one absorption band) in the convention of DESIGN.md section 1.
 *
 * @param omega0   resonant wavenumber in cm^-1 (band position), strictly positive
 * @param strength S = 4*pi*rho, dimensionless oscillator strength (band depth), non-negative
 * @param gamma    damping as a fraction of omega0, dimensionless; the band's full width is about gamma*omega0 cm^-1.
 *                 Strictly positive: with gamma = 0 the response is singular at v = omega0.
 */
public record Oscillator(double omega0, double strength, double gamma) {

    /** 4*pi, the factor between the stored strength S and the textbook rho (S = 4*pi*rho). */
    public static final double FOUR_PI = 4.0 * Math.PI;

    public Oscillator {
        if (!(omega0 > 0) || !Double.isFinite(omega0)) {
            throw new IllegalArgumentException("omega0 must be a positive wavenumber in cm^-1, got " + omega0);
        }
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("oscillator strength S = 4*pi*rho must be >= 0, got " + strength);
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("damping gamma must be > 0 (fraction of omega0), got " + gamma);
        }
    }

    /** Builds an oscillator from the textbook rho instead of S = 4*pi*rho. */
    public static Oscillator ofRho(double omega0, double rho, double gamma) {
        return new Oscillator(omega0, FOUR_PI * rho, gamma);
    }

    /** The textbook oscillator strength rho = S / (4*pi). */
    public double rho() {
        return strength / FOUR_PI;
    }

    /** Approximate full width of the band in cm^-1 (gamma * omega0). */
    public double widthCm() {
        return gamma * omega0;
    }

    public Oscillator withOmega0(double value) {
        return new Oscillator(value, strength, gamma);
    }

    public Oscillator withStrength(double value) {
        return new Oscillator(omega0, value, gamma);
    }

    public Oscillator withGamma(double value) {
        return new Oscillator(omega0, strength, value);
    }
}
