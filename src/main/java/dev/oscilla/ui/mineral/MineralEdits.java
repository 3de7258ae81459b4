package dev.oscilla.ui.mineral;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Structural edits of a mineral (add, remove, duplicate an oscillator; add, remove a mode) that keep its parameter
 * bounds aligned. {@link Mineral#withModes} drops the bounds when the structure changes, which would silently lose
 * the flex box of an imported InfraRender mineral; here the bound entries move with their parameters, and new
 * parameters get open bounds. Pure functions.
 */
public final class MineralEdits {

    /** Starting values of a new oscillator: a medium band (S = 4*pi*rho) of 2 % fractional width. */
    public static final double NEW_STRENGTH = 0.2;
    public static final double NEW_GAMMA = 0.02;
    /** eps_inf of a new mode: a typical silicate's high-frequency dielectric constant (n ~ 1.5). */
    public static final double NEW_EPS_INF = 2.3;

    private MineralEdits() {
    }

    /** One parameter of the flat vector ({@link ParameterLayout} order) set to {@code value}. */
    public static Mineral withParameter(Mineral mineral, int index, double value) {
        double[] p = mineral.parameters();
        p[index] = value;
        return mineral.withParameters(p);
    }

    /**
     * Why {@code value} cannot be the weight of mode {@code mode} of {@code mineral}, or null when it can: a weight
     * is >= 0 and at least one mode keeps a positive weight.
     */
    public static String weightProblem(Mineral mineral, int mode, double value) {
        if (!(value >= 0) || value > 1e6) {
            return "must be between 0 and 1000000";
        }
        if (mineral != null) {
            double others = 0;
            for (int i = 0; i < mineral.modes().size(); i++) {
                others += i == mode ? 0 : mineral.modes().get(i).weight();
            }
            if (!(others + value > 0)) {
                return "at least one mode needs a positive weight";
            }
        }
        return null;
    }

    /** A blank mineral: one mode, no bands (a flat, transparent dielectric until bands are added). */
    public static Mineral blank(String name) {
        return new Mineral(name, "", List.of(new Mode(NEW_EPS_INF, 1.0, List.of())), null,
                "created in the Oscilla workbench");
    }

    public static Mineral addOscillator(Mineral mineral, int mode, Oscillator oscillator) {
        ParameterLayout layout = mineral.layout();
        int at = layout.modeOffset(mode) + ParameterLayout.MODE_HEADER
                + ParameterLayout.PER_OSCILLATOR * layout.oscillatorCount(mode);
        List<Mode> modes = new ArrayList<>(mineral.modes());
        List<Oscillator> list = new ArrayList<>(modes.get(mode).oscillators());
        list.add(oscillator);
        modes.set(mode, modes.get(mode).withOscillators(list));
        return rebuild(mineral, modes, insertOpen(mineral.bounds(), at, ParameterLayout.PER_OSCILLATOR));
    }

    /** Inserts a copy of oscillator {@code j} right after it (same bounds). */
    public static Mineral duplicateOscillator(Mineral mineral, int mode, int j) {
        ParameterLayout layout = mineral.layout();
        int from = layout.oscillatorIndex(mode, j);
        List<Mode> modes = new ArrayList<>(mineral.modes());
        List<Oscillator> list = new ArrayList<>(modes.get(mode).oscillators());
        list.add(j + 1, list.get(j));
        modes.set(mode, modes.get(mode).withOscillators(list));
        ParameterBounds b = mineral.bounds();
        ParameterBounds nb = null;
        if (b != null) {
            double[] lo = insertCopy(b.lower(), from, ParameterLayout.PER_OSCILLATOR);
            double[] hi = insertCopy(b.upper(), from, ParameterLayout.PER_OSCILLATOR);
            nb = new ParameterBounds(lo, hi);
        }
        return rebuild(mineral, modes, nb);
    }

    public static Mineral removeOscillator(Mineral mineral, int mode, int j) {
        ParameterLayout layout = mineral.layout();
        int from = layout.oscillatorIndex(mode, j);
        List<Mode> modes = new ArrayList<>(mineral.modes());
        List<Oscillator> list = new ArrayList<>(modes.get(mode).oscillators());
        list.remove(j);
        modes.set(mode, modes.get(mode).withOscillators(list));
        return rebuild(mineral, modes, remove(mineral.bounds(), from, ParameterLayout.PER_OSCILLATOR));
    }

    /** Appends a mode (open bounds for its parameters). */
    public static Mineral addMode(Mineral mineral, Mode mode) {
        int at = mineral.layout().size();
        List<Mode> modes = new ArrayList<>(mineral.modes());
        modes.add(mode);
        int count = ParameterLayout.MODE_HEADER + ParameterLayout.PER_OSCILLATOR * mode.size();
        return rebuild(mineral, modes, insertOpen(mineral.bounds(), at, count));
    }

    public static Mineral removeMode(Mineral mineral, int mode) {
        ParameterLayout layout = mineral.layout();
        int from = layout.modeOffset(mode);
        int count = ParameterLayout.MODE_HEADER + ParameterLayout.PER_OSCILLATOR * layout.oscillatorCount(mode);
        List<Mode> modes = new ArrayList<>(mineral.modes());
        modes.remove(mode);
        return rebuild(mineral, modes, remove(mineral.bounds(), from, count));
    }

    private static Mineral rebuild(Mineral mineral, List<Mode> modes, ParameterBounds bounds) {
        return mineral.withModes(modes).withBounds(bounds);
    }

    private static ParameterBounds insertOpen(ParameterBounds b, int at, int count) {
        if (b == null) {
            return null;
        }
        double[] lo = insert(b.lower(), at, count, Double.NEGATIVE_INFINITY);
        double[] hi = insert(b.upper(), at, count, Double.POSITIVE_INFINITY);
        return new ParameterBounds(lo, hi);
    }

    private static ParameterBounds remove(ParameterBounds b, int from, int count) {
        if (b == null) {
            return null;
        }
        return new ParameterBounds(cut(b.lower(), from, count), cut(b.upper(), from, count));
    }

    private static double[] insert(double[] a, int at, int count, double fill) {
        double[] out = new double[a.length + count];
        System.arraycopy(a, 0, out, 0, at);
        Arrays.fill(out, at, at + count, fill);
        System.arraycopy(a, at, out, at + count, a.length - at);
        return out;
    }

    /** Inserts a copy of {@code a[from .. from+count)} right after it. */
    private static double[] insertCopy(double[] a, int from, int count) {
        double[] out = new double[a.length + count];
        System.arraycopy(a, 0, out, 0, from + count);
        System.arraycopy(a, from, out, from + count, count);
        System.arraycopy(a, from + count, out, from + 2 * count, a.length - from - count);
        return out;
    }

    private static double[] cut(double[] a, int from, int count) {
        double[] out = new double[a.length - count];
        System.arraycopy(a, 0, out, 0, from);
        System.arraycopy(a, from + count, out, from, a.length - from - count);
        return out;
    }
}
