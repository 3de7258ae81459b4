package dev.oscilla.io;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterLayout;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Imports the oscillator parameter files of the published InfraRender code (Janiczek et al., ECCV 2020;
 * e.g. {@code feely_params.hdf}) with the pure-Java jhdf reader.
 *
 * <p>Layout: one group per mineral; in it one group per mode ({@code mode0}, {@code mode1}, ...), each holding
 * 1-D float64 datasets {@code freqs} (omega0, cm^-1), {@code rhos} (the strength S = 4*pi*rho, despite the
 * name), {@code gammas} (fractional damping), {@code epsilon} (eps_inf, length 1), {@code mode_weight}
 * (length 1), each with {@code _min}/{@code _max} companions (the box the parameters may flex in), and
 * {@code wavenumbers} (the axis the model was fitted on).
 *
 * <p>Import reproduces what the published code does on load ({@code DispersionModel.apply_constraints}):
 * every parameter is clamped into its stored box and the mode weights are normalised to sum 1. Groups are read
 * in name order (h5py's iteration order) and modes in numeric order.
 */
public final class InfraRenderHdfReader {

    private InfraRenderHdfReader() {
    }

    public static MineralLibrary read(Path file) throws SpectralFileException {
        if (!Files.isRegularFile(file)) {
            throw new SpectralFileException(file, "no such file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Map<String, Node> sorted = new TreeMap<>(hdf.getChildren());
            List<Mineral> minerals = new ArrayList<>();
            for (Map.Entry<String, Node> entry : sorted.entrySet()) {
                if (!entry.getValue().isGroup()) {
                    continue;
                }
                minerals.add(readMineral(file, entry.getKey(), (Group) entry.getValue()));
            }
            if (minerals.isEmpty()) {
                throw new SpectralFileException(file, "no mineral groups found (not an InfraRender parameter file?)");
            }
            String fileName = file.getFileName().toString();
            return new MineralLibrary(stripExtension(fileName),
                    "Imported from InfraRender HDF parameter file " + fileName, minerals);
        } catch (HdfException e) {
            throw new SpectralFileException(file, "not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    private static Mineral readMineral(Path file, String name, Group group) throws SpectralFileException {
        Map<Integer, Group> modeGroups = new TreeMap<>();
        for (Map.Entry<String, Node> child : group.getChildren().entrySet()) {
            String key = child.getKey();
            if (child.getValue().isGroup() && key.toLowerCase(Locale.ROOT).startsWith("mode")) {
                try {
                    modeGroups.put(Integer.parseInt(key.substring(4)), (Group) child.getValue());
                } catch (NumberFormatException e) {
                    throw new SpectralFileException(file, "group '" + name + "/" + key + "' is not named modeN");
                }
            }
        }
        if (modeGroups.isEmpty()) {
            throw new SpectralFileException(file, "mineral group '" + name + "' has no mode groups");
        }
        List<Mode> modes = new ArrayList<>();
        List<double[]> lows = new ArrayList<>();
        List<double[]> highs = new ArrayList<>();
        double axisLo = Double.POSITIVE_INFINITY;
        double axisHi = Double.NEGATIVE_INFINITY;
        int axisCount = 0;
        for (Group mode : modeGroups.values()) {
            String where = name + "/" + mode.getName();
            double[] freqs = vector(file, mode, "freqs", where);
            double[] rhos = vector(file, mode, "rhos", where);
            double[] gammas = vector(file, mode, "gammas", where);
            int k = freqs.length;
            if (rhos.length != k || gammas.length != k) {
                throw new SpectralFileException(file, where + ": freqs, rhos and gammas differ in length ("
                        + k + ", " + rhos.length + ", " + gammas.length + ")");
            }
            double eps = scalar(file, mode, "epsilon", where);
            double weight = scalar(file, mode, "mode_weight", where);
            double[] lo = new double[ParameterLayout.MODE_HEADER + 3 * k];
            double[] hi = new double[lo.length];
            lo[0] = scalarOr(file, mode, "epsilon_min", where, eps);
            hi[0] = scalarOr(file, mode, "epsilon_max", where, eps);
            lo[1] = scalarOr(file, mode, "mode_weight_min", where, weight);
            hi[1] = scalarOr(file, mode, "mode_weight_max", where, weight);
            double[][] mins = {vectorOr(file, mode, "freqs_min", where, freqs),
                vectorOr(file, mode, "rhos_min", where, rhos), vectorOr(file, mode, "gammas_min", where, gammas)};
            double[][] maxs = {vectorOr(file, mode, "freqs_max", where, freqs),
                vectorOr(file, mode, "rhos_max", where, rhos), vectorOr(file, mode, "gammas_max", where, gammas)};
            for (int j = 0; j < k; j++) {
                for (int q = 0; q < 3; q++) {
                    if (mins[q].length != k || maxs[q].length != k) {
                        throw new SpectralFileException(file, where + ": bound arrays differ in length from freqs");
                    }
                    lo[2 + 3 * j + q] = Math.min(mins[q][j], maxs[q][j]);
                    hi[2 + 3 * j + q] = Math.max(mins[q][j], maxs[q][j]);
                }
            }
            // Clamp into the stored box, as the published loader does.
            eps = clamp(eps, lo[0], hi[0]);
            weight = clamp(weight, lo[1], hi[1]);
            List<Oscillator> oscillators = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                double w = clamp(freqs[j], lo[2 + 3 * j], hi[2 + 3 * j]);
                double s = clamp(rhos[j], lo[3 + 3 * j], hi[3 + 3 * j]);
                double g = clamp(gammas[j], lo[4 + 3 * j], hi[4 + 3 * j]);
                try {
                    oscillators.add(new Oscillator(w, s, g));
                } catch (IllegalArgumentException e) {
                    throw new SpectralFileException(file, where + ", oscillator " + (j + 1) + ": " + e.getMessage());
                }
            }
            try {
                modes.add(new Mode(eps, weight, oscillators));
            } catch (IllegalArgumentException e) {
                throw new SpectralFileException(file, where + ": " + e.getMessage());
            }
            lows.add(lo);
            highs.add(hi);
            Node axisNode = mode.getChild("wavenumbers");
            if (axisNode instanceof Dataset) {
                double[] axis = asDoubles(file, (Dataset) axisNode, where + "/wavenumbers");
                if (axis.length > 0) {
                    axisLo = Math.min(axisLo, axis[0]);
                    axisHi = Math.max(axisHi, axis[axis.length - 1]);
                    axisCount = axis.length;
                }
            }
        }
        ParameterBounds bounds = new ParameterBounds(concat(lows), concat(highs));
        String source = "InfraRender HDF import (Janiczek et al., ECCV 2020), group '" + name + "'"
                + (axisCount > 0 ? String.format(Locale.ROOT, "; fitted on %d channels, %.2f-%.2f cm^-1",
                        axisCount, axisLo, axisHi) : "");
        Mineral mineral = new Mineral(name, "", modes, bounds, source);
        try {
            return mineral.withNormalisedWeights();
        } catch (IllegalArgumentException e) {
            throw new SpectralFileException(file, name + ": " + e.getMessage());
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.min(hi, Math.max(lo, v));
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int i = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    private static double[] vector(Path file, Group group, String key, String where) throws SpectralFileException {
        Node node = group.getChild(key);
        if (!(node instanceof Dataset)) {
            throw new SpectralFileException(file, where + ": missing dataset '" + key + "'");
        }
        return asDoubles(file, (Dataset) node, where + "/" + key);
    }

    private static double[] vectorOr(Path file, Group group, String key, String where, double[] fallback)
            throws SpectralFileException {
        Node node = group.getChild(key);
        return node instanceof Dataset ? asDoubles(file, (Dataset) node, where + "/" + key) : fallback;
    }

    private static double scalar(Path file, Group group, String key, String where) throws SpectralFileException {
        double[] v = vector(file, group, key, where);
        if (v.length != 1) {
            throw new SpectralFileException(file, where + "/" + key + ": expected one value, found " + v.length);
        }
        return v[0];
    }

    private static double scalarOr(Path file, Group group, String key, String where, double fallback)
            throws SpectralFileException {
        Node node = group.getChild(key);
        if (!(node instanceof Dataset)) {
            return fallback;
        }
        double[] v = asDoubles(file, (Dataset) node, where + "/" + key);
        return v.length == 1 ? v[0] : fallback;
    }

    private static double[] asDoubles(Path file, Dataset dataset, String where) throws SpectralFileException {
        Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
        double[] out;
        if (data instanceof double[]) {
            out = (double[]) data;
        } else if (data instanceof float[]) {
            float[] f = (float[]) data;
            out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
        } else if (data instanceof Double || data instanceof Float) {
            out = new double[] {((Number) data).doubleValue()};
        } else {
            throw new SpectralFileException(file, where + ": expected floating-point data, found "
                    + (data == null ? "nothing" : data.getClass().getSimpleName()));
        }
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                throw new SpectralFileException(file, where + ": value " + i + " is " + out[i]);
            }
        }
        return out;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
