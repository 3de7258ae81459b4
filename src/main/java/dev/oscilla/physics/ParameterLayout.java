package dev.oscilla.physics;

import java.util.Arrays;

/**
 * How a mineral's parameters are laid out in one flat vector, the form every solver works on.
 * For each mode m in order: {@code [eps_inf, weight, (omega0, S, gamma) for each oscillator]}.
 * A layout with no modes is the blackbody (no parameters, E = 1).
 */
public final class ParameterLayout {

    /** Offset of eps_inf within a mode block. */
    public static final int EPS_INF_OFFSET = 0;
    /** Offset of the weight within a mode block. */
    public static final int WEIGHT_OFFSET = 1;
    /** Number of mode-level parameters before the oscillators of a mode block. */
    public static final int MODE_HEADER = 2;
    /** Parameters per oscillator. */
    public static final int PER_OSCILLATOR = 3;

    private final int[] oscillatorCounts;
    private final int[] modeOffsets;
    private final int size;

    public ParameterLayout(int... oscillatorCounts) {
        this.oscillatorCounts = oscillatorCounts.clone();
        this.modeOffsets = new int[oscillatorCounts.length];
        int offset = 0;
        for (int m = 0; m < oscillatorCounts.length; m++) {
            if (oscillatorCounts[m] < 0) {
                throw new IllegalArgumentException("negative oscillator count");
            }
            modeOffsets[m] = offset;
            offset += MODE_HEADER + PER_OSCILLATOR * oscillatorCounts[m];
        }
        this.size = offset;
    }

    public int modeCount() {
        return oscillatorCounts.length;
    }

    public int oscillatorCount(int mode) {
        return oscillatorCounts[mode];
    }

    public int totalOscillators() {
        int total = 0;
        for (int c : oscillatorCounts) {
            total += c;
        }
        return total;
    }

    /** Number of parameters in the flat vector. */
    public int size() {
        return size;
    }

    public int modeOffset(int mode) {
        return modeOffsets[mode];
    }

    public int epsInfIndex(int mode) {
        return modeOffsets[mode] + EPS_INF_OFFSET;
    }

    public int weightIndex(int mode) {
        return modeOffsets[mode] + WEIGHT_OFFSET;
    }

    /** Index of the first parameter (omega0) of oscillator {@code j} of {@code mode}. */
    public int oscillatorIndex(int mode, int j) {
        return modeOffsets[mode] + MODE_HEADER + PER_OSCILLATOR * j;
    }

    public int index(int mode, int oscillator, ParameterKind kind) {
        switch (kind) {
            case EPS_INF:
                return epsInfIndex(mode);
            case WEIGHT:
                return weightIndex(mode);
            case OMEGA0:
                return oscillatorIndex(mode, oscillator);
            case STRENGTH:
                return oscillatorIndex(mode, oscillator) + 1;
            case GAMMA:
                return oscillatorIndex(mode, oscillator) + 2;
            default:
                throw new AssertionError(kind);
        }
    }

    /** The mode a parameter index belongs to. */
    public int modeOf(int index) {
        checkIndex(index);
        int m = Arrays.binarySearch(modeOffsets, index);
        return m >= 0 ? m : -m - 2;
    }

    /** The oscillator (within its mode) a parameter belongs to, or -1 for eps_inf and weight. */
    public int oscillatorOf(int index) {
        int m = modeOf(index);
        int local = index - modeOffsets[m] - MODE_HEADER;
        return local < 0 ? -1 : local / PER_OSCILLATOR;
    }

    public ParameterKind kindOf(int index) {
        int m = modeOf(index);
        int local = index - modeOffsets[m];
        if (local == EPS_INF_OFFSET) {
            return ParameterKind.EPS_INF;
        }
        if (local == WEIGHT_OFFSET) {
            return ParameterKind.WEIGHT;
        }
        switch ((local - MODE_HEADER) % PER_OSCILLATOR) {
            case 0:
                return ParameterKind.OMEGA0;
            case 1:
                return ParameterKind.STRENGTH;
            default:
                return ParameterKind.GAMMA;
        }
    }

    /** A readable name such as {@code mode1.eps_inf} or {@code mode2.osc3.omega0} (1-based numbering). */
    public String nameOf(int index) {
        int m = modeOf(index);
        ParameterKind kind = kindOf(index);
        if (kind.isOscillatorKind()) {
            return "mode" + (m + 1) + ".osc" + (oscillatorOf(index) + 1) + "." + kind.label();
        }
        return "mode" + (m + 1) + "." + kind.label();
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("parameter " + index + " of " + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterLayout && Arrays.equals(oscillatorCounts, ((ParameterLayout) o).oscillatorCounts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(oscillatorCounts);
    }

    @Override
    public String toString() {
        return "ParameterLayout" + Arrays.toString(oscillatorCounts);
    }
}
