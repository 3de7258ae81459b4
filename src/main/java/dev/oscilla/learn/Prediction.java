package dev.oscilla.learn;

import dev.oscilla.physics.Mineral;
import java.util.List;

/**
 * The network's reading of one spectrum, per library entry (in library order; when the library has no blackbody
 * an ideal one is appended as the last entry): raw abundances (the blackbody's is {@code 1 - s}, mineral i's
 * {@code s x_i}, summing to 1), each mineral with its predicted parameters, and the rendered model
 * {@code (1 - s) + s sum_i x_i E_i} on the network's axis. Arrays are copied in and out.
 */
public final class Prediction {

    private final String spectrumName;
    private final List<String> endmembers;
    private final List<String> categories;
    private final boolean[] blackbody;
    private final double[] abundances;
    private final List<Mineral> minerals;
    private final double[] axis;
    private final boolean[] valid;
    private final double[] measured;
    private final double[] modelled;

    Prediction(String spectrumName, List<String> endmembers, List<String> categories, boolean[] blackbody,
               double[] abundances, List<Mineral> minerals, double[] axis, boolean[] valid, double[] measured,
               double[] modelled) {
        this.spectrumName = spectrumName;
        this.endmembers = List.copyOf(endmembers);
        this.categories = List.copyOf(categories);
        this.blackbody = blackbody.clone();
        this.abundances = abundances.clone();
        this.minerals = List.copyOf(minerals);
        this.axis = axis.clone();
        this.valid = valid.clone();
        this.measured = measured.clone();
        this.modelled = modelled.clone();
    }

    public String spectrumName() {
        return spectrumName;
    }

    /** Library entry names (plus "Blackbody" when the library has none). */
    public List<String> endmembers() {
        return endmembers;
    }

    public List<String> categories() {
        return categories;
    }

    public int size() {
        return endmembers.size();
    }

    public boolean isBlackbody(int j) {
        return blackbody[j];
    }

    /** Raw abundances per entry, blackbody included, summing to 1. */
    public double[] abundances() {
        return abundances.clone();
    }

    public double abundance(int j) {
        return abundances[j];
    }

    /** The blackbody fraction (sum over blackbody entries). */
    public double blackbodyFraction() {
        double f = 0;
        for (int j = 0; j < abundances.length; j++) {
            if (blackbody[j]) {
                f += abundances[j];
            }
        }
        return f;
    }

    /** Entry j with its predicted parameters (blackbody entries as in the library). */
    public List<Mineral> minerals() {
        return minerals;
    }

    /** Predicted flat parameter vector of entry j ({@link dev.oscilla.physics.ParameterLayout} order). */
    public double[] parameters(int j) {
        return minerals.get(j).parameters();
    }

    /** The network's axis, cm^-1. */
    public double[] axis() {
        return axis.clone();
    }

    /** Which channels of the axis held valid data (the others were interpolated for the network input). */
    public boolean[] valid() {
        return valid.clone();
    }

    /** The spectrum on the network's axis. */
    public double[] measured() {
        return measured.clone();
    }

    /** The rendered prediction on the network's axis. */
    public double[] modelled() {
        return modelled.clone();
    }
}
