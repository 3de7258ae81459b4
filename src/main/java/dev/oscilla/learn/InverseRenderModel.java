package dev.oscilla.learn;

import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.unmix.SpectrumUnmixer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained inverse-rendering network bound to the library it was trained for: its architecture, the library's
 * rendered minerals and their boxes ({@link EndmemberModels}), the wavenumber axis the network reads, and the
 * weights. Immutable and shareable; predictions go through per-thread {@link InverseRenderPredictor}s.
 */
public final class InverseRenderModel {

    private final InverseRenderNetwork network;
    private final WavenumberWindow window;
    private final double[] weights;
    private final Map<String, Object> training;

    InverseRenderModel(InverseRenderNetwork network, WavenumberWindow window, double[] weights,
                       Map<String, Object> training) {
        if (weights.length != network.weightCount()) {
            throw new IllegalArgumentException("network has " + network.weightCount() + " weights, got "
                    + weights.length);
        }
        this.network = network;
        this.window = window;
        this.weights = weights.clone();
        this.training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
    }

    /**
     * Rebuilds a trained model from its stored parts (the model file of {@code dev.oscilla.io} calls this): the
     * architecture, the library's rendered minerals with their boxes, the axis the network reads, the window that
     * axis was cut from, the weights and the training provenance.
     *
     * @throws IllegalArgumentException when the weight count does not fit the architecture, models and axis
     */
    public static InverseRenderModel restore(Architecture architecture, EndmemberModels models, double[] axis,
                                             WavenumberWindow window, double[] weights, Map<String, Object> training) {
        return new InverseRenderModel(new InverseRenderNetwork(architecture, models, axis), window, weights, training);
    }

    /** How many weights a network of this architecture over these models and this axis has. */
    public static int weightCount(Architecture architecture, EndmemberModels models, double[] axis) {
        return new InverseRenderNetwork(architecture, models, axis).weightCount();
    }

    /** A predictor for one thread. */
    public InverseRenderPredictor newPredictor() {
        return new InverseRenderPredictor(this);
    }

    /** An unmixer for one thread: the network's prediction as an {@code UnmixResult} (method IR). */
    public SpectrumUnmixer newUnmixer() {
        InverseRenderPredictor predictor = newPredictor();
        return predictor::unmix;
    }

    public Architecture architecture() {
        return network.architecture();
    }

    public EndmemberModels endmembers() {
        return network.models();
    }

    public MineralLibrary library() {
        return network.models().library();
    }

    /** The axis the network reads, cm^-1 (spectra are resampled onto it). */
    public double[] axis() {
        return network.axisView().clone();
    }

    /** The window the axis was cut from. */
    public WavenumberWindow window() {
        return window;
    }

    public int weightCount() {
        return weights.length;
    }

    /** Training provenance as recorded (configuration, losses, time); values are JSON-compatible. */
    public Map<String, Object> training() {
        return training;
    }

    public String describe() {
        double[] axis = network.axisView();
        return String.format(java.util.Locale.ROOT, "inverse rendering: %s; %d weights; %d minerals + blackbody "
                        + "(library '%s'), %d channels %.2f-%.2f cm^-1", network.architecture(), weights.length,
                network.models().size(), library().name(), axis.length, axis[0], axis[axis.length - 1]);
    }

    InverseRenderNetwork network() {
        return network;
    }

    double[] weightsView() {
        return weights;
    }

    /** A copy of the trained weights, in the network's layout. */
    public double[] weights() {
        return weights.clone();
    }
}
