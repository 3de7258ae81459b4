package dev.oscilla.learn;

import dev.oscilla.physics.Mineral;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a trained network on spectra, one at a time: resamples the spectrum onto the network's axis (a direct copy
 * when the axis is a contiguous run of the spectrum's channels), encodes it, predicts abundances and parameters,
 * renders the minerals at their predicted parameters (those predicted below {@link #LIVE_ABUNDANCE} at their
 * library parameters) and solves the blackbody fraction in closed form. Holds the network workspace, so it is confined to one thread; make one per thread with
 * {@link InverseRenderModel#newPredictor()}.
 *
 * <p>Exact zeros are treated as missing channels (zero-filled instrument gaps), as linear unmixing does.
 */
public final class InverseRenderPredictor {

    /**
     * Minerals predicted below this abundance are rendered at their library parameters (and reported so). Their
     * share of the modelled spectrum is under 1 %, so flexing their bands (a few 0.01 in emissivity at most) would
     * change the model by ~1e-4, far below the fit's RMS (~0.01); training flexes only minerals above 2 %
     * ({@link TrainingConfig#activityThreshold()}), so their heads are not trained below that anyway. A softmax
     * leaves every mineral some abundance, so without this cut all ~40 minerals would be rendered and flexed for
     * every spectrum: about three times the cost.
     */
    public static final double LIVE_ABUNDANCE = 0.01;

    private final InverseRenderModel model;
    private final InverseRenderNetwork network;
    private final InverseRenderNetwork.Workspace ws;
    private final double[] axis;
    private final double[] values;
    private final double[] validity;

    InverseRenderPredictor(InverseRenderModel model) {
        this.model = model;
        this.network = model.network();
        this.ws = network.newWorkspace(1);
        this.axis = network.axisView();
        this.values = new double[axis.length];
        this.validity = new double[axis.length];
    }

    public InverseRenderModel model() {
        return model;
    }

    /** The network's prediction for one spectrum. */
    public Prediction predict(Spectrum spectrum) {
        int validCount = loadValues(spectrum);
        if (validCount == 0) {
            throw new IllegalArgumentException("spectrum '" + spectrum.name() + "' has no valid channel on the "
                    + "network's axis " + String.format(Locale.ROOT, "%.2f-%.2f", axis[0], axis[axis.length - 1])
                    + " cm^-1");
        }
        ws.load(0, values, validity, null); // no true abundances at inference
        double[] w = model.weightsView();
        network.forward(w, 1, LIVE_ABUNDANCE, ws);
        int c = axis.length;
        double s = MixtureLoss.mineralFraction(ws.mix, 0, ws.target, 0, ws.valid, 0, c);
        double[] modelled = new double[c];
        for (int k = 0; k < c; k++) {
            modelled[k] = 1 - s + s * ws.mix[k];
        }
        EndmemberModels models = network.models();
        var library = models.library();
        boolean appendBlackbody = models.blackbodyIndex() < 0;
        int entries = library.size() + (appendBlackbody ? 1 : 0);
        double[] abundances = new double[entries];
        boolean[] blackbody = new boolean[entries];
        List<String> names = new ArrayList<>(entries);
        List<String> categories = new ArrayList<>(entries);
        List<Mineral> minerals = new ArrayList<>(library.minerals());
        for (Mineral m : library.minerals()) {
            names.add(m.name());
            categories.add(m.category());
        }
        for (int j = 0; j < library.size(); j++) {
            blackbody[j] = library.get(j).isBlackbody();
        }
        for (int i = 0; i < models.size(); i++) {
            int j = models.libraryIndex(i);
            abundances[j] = s * ws.x[i];
            if (ws.render.isActive(0, i)) { // the others keep their library parameters: the library's mineral
                int from = models.offset(i);
                minerals.set(j, models.mineral(i).withParameters(Arrays.copyOfRange(ws.params, from,
                        from + models.parameterCount(i))));
            }
        }
        if (appendBlackbody) {
            names.add(Mineral.BLACKBODY_NAME);
            categories.add(Mineral.BLACKBODY_NAME);
            minerals.add(Mineral.blackbody());
            blackbody[entries - 1] = true;
            abundances[entries - 1] = 1 - s;
        } else {
            abundances[models.blackbodyIndex()] = 1 - s;
        }
        boolean[] valid = new boolean[c];
        for (int k = 0; k < c; k++) {
            valid[k] = validity[k] != 0;
        }
        return new Prediction(spectrum.name(), names, categories, blackbody, abundances, minerals, axis, valid,
                values, modelled);
    }

    /** The prediction as an unmixing result (method IR), measured and modelled on the valid channels. */
    public UnmixResult unmix(Spectrum spectrum) {
        Prediction p = predict(spectrum);
        boolean[] valid = p.valid();
        int n = 0;
        for (boolean v : valid) {
            n += v ? 1 : 0;
        }
        double[] a = new double[n];
        double[] measured = new double[n];
        double[] modelled = new double[n];
        double[] allMeasured = p.measured();
        double[] allModelled = p.modelled();
        int k = 0;
        for (int c = 0; c < valid.length; c++) {
            if (valid[c]) {
                a[k] = axis[c];
                measured[k] = allMeasured[c];
                modelled[k] = allModelled[c];
                k++;
            }
        }
        int m = p.size();
        boolean[] blackbody = new boolean[m];
        for (int j = 0; j < m; j++) {
            blackbody[j] = p.isBlackbody(j);
        }
        List<String> notes = new ArrayList<>();
        notes.add("inverse rendering: one network pass; minerals rendered at their predicted parameters (below "
                + LIVE_ABUNDANCE + " abundance at their library parameters), blackbody fraction solved in closed "
                + "form");
        if (n < valid.length) {
            notes.add((valid.length - n) + " missing channel(s) of the network's axis interpolated for its input");
        }
        return new UnmixResult(p.spectrumName(), UnmixMethod.IR, p.endmembers(), p.categories(), blackbody,
                new boolean[m], p.abundances(), new double[m], a, measured, modelled, 1, "network prediction",
                p.minerals(), notes);
    }

    /** Loads the spectrum's values on the network axis into {@code values}/{@code validity}; returns valid count. */
    private int loadValues(Spectrum spectrum) {
        int c = axis.length;
        int start = contiguousStart(spectrum);
        Spectrum source = start >= 0 ? spectrum : spectrum.resample(axis);
        int offset = Math.max(start, 0);
        int count = 0;
        for (int k = 0; k < c; k++) {
            double v = source.value(offset + k);
            boolean ok = source.isValid(offset + k) && v != 0.0 && Double.isFinite(v);
            values[k] = ok ? v : 0.0;
            validity[k] = ok ? 1.0 : 0.0;
            count += ok ? 1 : 0;
        }
        return count;
    }

    /** Index of the spectrum channel equal to axis[0] when the axis is a contiguous run of its channels, else -1. */
    private int contiguousStart(Spectrum spectrum) {
        int n = spectrum.size();
        int c = axis.length;
        for (int start = 0; start + c <= n; start++) {
            if (close(spectrum.wavenumber(start), axis[0])) {
                for (int k = 1; k < c; k++) {
                    if (!close(spectrum.wavenumber(start + k), axis[k])) {
                        return -1;
                    }
                }
                return start;
            }
            if (spectrum.wavenumber(start) > axis[0]) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.abs(b);
    }
}
