package dev.oscilla.physics;

/**
 * The rule that a rendered spectrum is finite. Parameters that are each finite can still overflow the model (a
 * strength of 1e308 squares to infinity), and a NaN or infinite column would silently poison a written file or an
 * unmixing; every place that renders a library for output or for a solver checks here and names the mineral.
 */
public final class RenderCheck {

    private RenderCheck() {
    }

    /**
     * @param axis   the wavenumbers rendered on, cm^-1
     * @param values the rendered values, one per wavenumber
     * @throws IllegalArgumentException naming the mineral, the quantity and the first channel that is not finite
     */
    public static void requireFinite(Mineral mineral, Quantity quantity, double[] axis, double[] values) {
        int bad = 0;
        int first = -1;
        for (int c = 0; c < values.length; c++) {
            if (!Double.isFinite(values[c])) {
                bad++;
                if (first < 0) {
                    first = c;
                }
            }
        }
        if (bad > 0) {
            double maxS = 0;
            for (Mode m : mineral.modes()) {
                for (Oscillator o : m.oscillators()) {
                    maxS = Math.max(maxS, o.strength());
                }
            }
            throw new IllegalArgumentException("mineral '" + mineral.name() + "' renders a non-finite "
                    + quantity.label() + " (" + values[first] + " at " + axis[first] + " cm^-1, " + bad + " of "
                    + values.length + " channels): its parameters overflow the model (largest strength S = " + maxS
                    + ")");
        }
    }
}
