package dev.oscilla.unmix;

import dev.oscilla.spectrum.Blackbody;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.spectrum.Spectrum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The endmember matrix A of linear unmixing on a fixed set of channels, with its Gram matrix A'A computed once.
 * Built from a library of measured spectra resampled onto a data axis; channels where any library spectrum is
 * missing (NaN, zero-filled, outside its range) are dropped for every spectrum, and the result notes say so.
 * Immutable and shareable between threads; serializable, so that a distributed job ships it, Gram matrix
 * included, to its workers once.
 */
public final class EndmemberMatrix implements java.io.Serializable {

    private static final long serialVersionUID = 1L;


    private final String[] names;
    private final String[] categories;
    private final boolean[] blackbody;
    private final boolean[] constrained;
    private final double[] dataAxis;       // the axis the matrix was built for (full data axis)
    private final int[] channelIndex;      // channels of dataAxis used (window, library valid)
    private final double[] axis;           // dataAxis[channelIndex]
    private final double[] columns;        // column-major, channels x endmembers
    private final double[] gram;           // endmembers x endmembers, row-major
    private final List<String> notes;

    private EndmemberMatrix(String[] names, String[] categories, boolean[] blackbody, boolean[] constrained,
                            double[] dataAxis, int[] channelIndex, double[] columns, List<String> notes) {
        this.names = names;
        this.categories = categories;
        this.blackbody = blackbody;
        this.constrained = constrained;
        this.dataAxis = dataAxis;
        this.channelIndex = channelIndex;
        this.axis = new double[channelIndex.length];
        for (int c = 0; c < channelIndex.length; c++) {
            axis[c] = dataAxis[channelIndex[c]];
        }
        this.columns = columns;
        this.notes = List.copyOf(notes);
        int m = names.length;
        int n = channelIndex.length;
        gram = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                int oi = i * n;
                int oj = j * n;
                for (int c = 0; c < n; c++) {
                    s += columns[oi + c] * columns[oj + c];
                }
                gram[i * m + j] = s;
                gram[j * m + i] = s;
            }
        }
    }

    /**
     * Builds A from library spectra resampled (linearly) onto {@code dataAxis} inside the window.
     *
     * @param library   measured library spectra with categories (e.g. an ASU tab + meta pair)
     * @param dataAxis  the axis of the spectra to unmix, cm^-1 ascending
     * @throws IllegalArgumentException when no channel remains (axes do not overlap, window outside the data)
     */
    public static EndmemberMatrix fromLibrary(SpectrumSet library, double[] dataAxis, UnmixSettings settings) {
        List<String> names = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<boolean[]> valid = new ArrayList<>();
        List<Boolean> isBlackbody = new ArrayList<>();
        boolean hasBlackbody = false;
        for (int i = 0; i < library.size(); i++) {
            Spectrum s = library.get(i);
            Spectrum r = s.sameAxis(dataAxis) ? s : s.resample(dataAxis);
            names.add(s.name());
            categories.add(library.categories().get(i));
            double[] v = r.values();
            boolean[] ok = r.mask();
            if (settings.maskZeros()) {
                for (int c = 0; c < v.length; c++) {
                    ok[c] &= v[c] != 0.0;
                }
            }
            values.add(v);
            valid.add(ok);
            boolean bb = Blackbody.isNamed(s.name(), library.categories().get(i));
            isBlackbody.add(bb);
            hasBlackbody |= bb;
        }
        return assemble(names, categories, values, valid, isBlackbody, hasBlackbody, dataAxis, settings);
    }

    /** Builds A from oscillator models rendered (emissivity) on {@code dataAxis}. */
    public static EndmemberMatrix fromMinerals(List<Mineral> minerals, double[] dataAxis, UnmixSettings settings) {
        dev.oscilla.physics.DispersionEvaluator evaluator = new dev.oscilla.physics.DispersionEvaluator(dataAxis);
        List<double[]> rendered = new ArrayList<>(minerals.size());
        for (Mineral m : minerals) {
            double[] v = new double[dataAxis.length];
            evaluator.evaluate(m, dev.oscilla.physics.Quantity.EMISSIVITY, v);
            // a model that overflows is an error naming it, never a column the solver silently leaves at 0
            dev.oscilla.physics.RenderCheck.requireFinite(m, dev.oscilla.physics.Quantity.EMISSIVITY, dataAxis, v);
            rendered.add(v);
        }
        return fromRendered(minerals, rendered, dataAxis, settings);
    }

    /** Builds A from rendered mineral spectra (one column per mineral, already on {@code dataAxis}). */
    static EndmemberMatrix fromRendered(List<Mineral> minerals, List<double[]> rendered, double[] dataAxis,
                                        UnmixSettings settings) {
        List<String> names = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<boolean[]> valid = new ArrayList<>();
        List<Boolean> isBlackbody = new ArrayList<>();
        boolean hasBlackbody = false;
        for (Mineral m : minerals) {
            names.add(m.name());
            categories.add(m.category());
            boolean[] ok = new boolean[dataAxis.length];
            Arrays.fill(ok, true);
            valid.add(ok);
            boolean bb = m.isBlackbody();
            isBlackbody.add(bb);
            hasBlackbody |= bb;
        }
        return assemble(names, categories, new ArrayList<>(rendered), valid, isBlackbody, hasBlackbody, dataAxis,
                settings);
    }

    private static EndmemberMatrix assemble(List<String> names, List<String> categories, List<double[]> values,
                                            List<boolean[]> valid, List<Boolean> isBlackbody, boolean hasBlackbody,
                                            double[] dataAxis, UnmixSettings settings) {
        List<String> notes = new ArrayList<>();
        if (settings.blackbody() && !hasBlackbody) {
            names.add(Mineral.BLACKBODY_NAME);
            categories.add(Mineral.BLACKBODY_NAME);
            double[] ones = new double[dataAxis.length];
            Arrays.fill(ones, 1.0);
            boolean[] ok = new boolean[dataAxis.length];
            Arrays.fill(ok, true);
            values.add(ones);
            valid.add(ok);
            isBlackbody.add(true);
            notes.add("blackbody endmember (emissivity 1) added");
        }
        if (!settings.blackbody() && hasBlackbody) {
            for (int i = names.size() - 1; i >= 0; i--) {
                if (isBlackbody.get(i)) {
                    notes.add("library blackbody '" + names.get(i) + "' left out (--no-blackbody)");
                    names.remove(i);
                    categories.remove(i);
                    values.remove(i);
                    valid.remove(i);
                    isBlackbody.remove(i);
                }
            }
        }
        int m = names.size();
        if (m == 0) {
            throw new IllegalArgumentException("the library has no endmembers");
        }
        // channels: in the window and valid for every endmember
        int[] index = new int[dataAxis.length];
        int n = 0;
        int droppedForLibrary = 0;
        for (int c = 0; c < dataAxis.length; c++) {
            if (!settings.window().contains(dataAxis[c])) {
                continue;
            }
            boolean ok = true;
            for (boolean[] v : valid) {
                ok &= v[c];
            }
            if (ok) {
                index[n++] = c;
            } else {
                droppedForLibrary++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no channel of the data axis (" + dataAxis[0] + "-"
                    + dataAxis[dataAxis.length - 1] + " cm^-1) lies in the window " + settings.window()
                    + " with every library spectrum defined there");
        }
        if (n < m) {
            throw new IllegalArgumentException("only " + n + " channels for " + m + " endmembers in window "
                    + settings.window());
        }
        if (droppedForLibrary > 0) {
            notes.add(droppedForLibrary + " channel(s) in the window dropped: missing or zero in a library spectrum");
        }
        index = Arrays.copyOf(index, n);
        double[] columns = new double[n * m];
        boolean[] bb = new boolean[m];
        boolean[] constrained = new boolean[m];
        for (int j = 0; j < m; j++) {
            double[] v = values.get(j);
            for (int c = 0; c < n; c++) {
                columns[j * n + c] = v[index[c]];
            }
            bb[j] = isBlackbody.get(j);
            constrained[j] = !settings.isForced(names.get(j));
        }
        for (String f : settings.forced()) {
            if (!names.stream().anyMatch(x -> x.equalsIgnoreCase(f.trim()))) {
                throw new IllegalArgumentException("forced endmember '" + f + "' is not in the library");
            }
        }
        return new EndmemberMatrix(names.toArray(new String[0]), categories.toArray(new String[0]), bb, constrained,
                dataAxis.clone(), index, columns, notes);
    }

    public int endmembers() {
        return names.length;
    }

    public int channels() {
        return channelIndex.length;
    }

    public String name(int j) {
        return names[j];
    }

    public String category(int j) {
        return categories[j];
    }

    public List<String> names() {
        return List.of(names);
    }

    public boolean isBlackbody(int j) {
        return blackbody[j];
    }

    public boolean isConstrained(int j) {
        return constrained[j];
    }

    boolean[] constrainedFlags() {
        return constrained;
    }

    /** Channels used, cm^-1. */
    public double[] axis() {
        return axis.clone();
    }

    double[] axisView() {
        return axis;
    }

    /** Index into the data axis of used channel c. */
    int dataChannel(int c) {
        return channelIndex[c];
    }

    double[] dataAxisView() {
        return dataAxis;
    }

    /** A(c, j). */
    public double value(int c, int j) {
        return columns[j * channelIndex.length + c];
    }

    /** Column-major storage (read-only by convention). */
    double[] columnsView() {
        return columns;
    }

    double[] gramView() {
        return gram;
    }

    public List<String> notes() {
        return notes;
    }

    /** True when a spectrum on {@code other} can be unmixed with this matrix directly. */
    public boolean matchesAxis(double[] other) {
        if (other.length != dataAxis.length) {
            return false;
        }
        for (int c = 0; c < other.length; c++) {
            if (Math.abs(other[c] - dataAxis[c]) > 1e-9 * dataAxis[c]) {
                return false;
            }
        }
        return true;
    }
}
