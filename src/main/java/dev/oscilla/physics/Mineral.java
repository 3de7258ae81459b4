package dev.oscilla.physics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mineral's dispersion model: its modes (crystal axes), each with oscillators. Immutable.
 * A mineral with no modes is a blackbody (E = 1 at every wavenumber); see {@link #isBlackbody()}.
 *
 * @param name     display name, unique within a library
 * @param category mineral group used for group sums in unmixing (e.g. "feldspar"); may be empty
 * @param modes    1 to 3 modes for a real mineral, none for the blackbody
 * @param bounds   optional box on the flat parameter vector (see {@link ParameterLayout}); null for none
 * @param source   free text: where the parameters come from (citation, fit settings); may be empty
 */
public record Mineral(String name, String category, List<Mode> modes, ParameterBounds bounds, String source) {

    public static final String BLACKBODY_NAME = dev.oscilla.spectrum.Blackbody.NAME;

    public Mineral {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a mineral needs a name");
        }
        category = category == null ? "" : category;
        source = source == null ? "" : source;
        modes = List.copyOf(modes);
        if (bounds != null) {
            int expected = layoutOf(modes).size();
            if (bounds.size() != expected) {
                throw new IllegalArgumentException("bounds of " + name + " have " + bounds.size()
                        + " entries, the model has " + expected + " parameters");
            }
        }
    }

    public Mineral(String name, String category, List<Mode> modes) {
        this(name, category, modes, null, "");
    }

    /** The flat, parameter-free blackbody endmember (E = 1, R = 0). */
    public static Mineral blackbody() {
        return new Mineral(BLACKBODY_NAME, BLACKBODY_NAME, List.of(), null, "ideal blackbody, emissivity 1");
    }

    /**
     * True when this entry stands for the blackbody endmember (E = 1): it has no modes, or it is named or filed as
     * the blackbody ({@link dev.oscilla.spectrum.Blackbody#isNamed}; a library may carry a near-flat fitted model
     * under that name, which stands for the ideal blackbody).
     */
    public boolean isBlackbody() {
        return modes.isEmpty() || dev.oscilla.spectrum.Blackbody.isNamed(name, category);
    }

    public Optional<ParameterBounds> optionalBounds() {
        return Optional.ofNullable(bounds);
    }

    public int oscillatorCount() {
        int total = 0;
        for (Mode m : modes) {
            total += m.size();
        }
        return total;
    }

    public ParameterLayout layout() {
        return layoutOf(modes);
    }

    private static ParameterLayout layoutOf(List<Mode> modes) {
        int[] counts = new int[modes.size()];
        for (int m = 0; m < counts.length; m++) {
            counts[m] = modes.get(m).size();
        }
        return new ParameterLayout(counts);
    }

    /** The flat parameter vector in {@link ParameterLayout} order. */
    public double[] parameters() {
        ParameterLayout layout = layout();
        double[] p = new double[layout.size()];
        for (int m = 0; m < modes.size(); m++) {
            Mode mode = modes.get(m);
            p[layout.epsInfIndex(m)] = mode.epsInf();
            p[layout.weightIndex(m)] = mode.weight();
            for (int j = 0; j < mode.size(); j++) {
                Oscillator o = mode.oscillators().get(j);
                int i = layout.oscillatorIndex(m, j);
                p[i] = o.omega0();
                p[i + 1] = o.strength();
                p[i + 2] = o.gamma();
            }
        }
        return p;
    }

    /** A copy with the same structure and the given flat parameter vector (bounds kept). */
    public Mineral withParameters(double[] p) {
        ParameterLayout layout = layout();
        if (p.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + p.length);
        }
        List<Mode> out = new ArrayList<>(modes.size());
        for (int m = 0; m < modes.size(); m++) {
            int k = layout.oscillatorCount(m);
            List<Oscillator> oscillators = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                int i = layout.oscillatorIndex(m, j);
                oscillators.add(new Oscillator(p[i], p[i + 1], p[i + 2]));
            }
            out.add(new Mode(p[layout.epsInfIndex(m)], p[layout.weightIndex(m)], oscillators));
        }
        return new Mineral(name, category, out, bounds, source);
    }

    public Mineral withName(String value) {
        return new Mineral(value, category, modes, bounds, source);
    }

    public Mineral withCategory(String value) {
        return new Mineral(name, value, modes, bounds, source);
    }

    public Mineral withSource(String value) {
        return new Mineral(name, category, modes, bounds, value);
    }

    public Mineral withBounds(ParameterBounds value) {
        return new Mineral(name, category, modes, value, source);
    }

    /** A copy with new modes; bounds are dropped when the structure changes. */
    public Mineral withModes(List<Mode> value) {
        ParameterBounds kept = bounds != null && layoutOf(value).equals(layout()) ? bounds : null;
        return new Mineral(name, category, value, kept, source);
    }

    /** A copy whose mode weights sum to 1 (the convention of the published code, DESIGN.md section 1). */
    public Mineral withNormalisedWeights() {
        double total = 0;
        for (Mode m : modes) {
            total += m.weight();
        }
        if (modes.isEmpty() || total == 1.0) {
            return this;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("mode weights of " + name + " sum to " + total);
        }
        List<Mode> out = new ArrayList<>(modes.size());
        for (Mode m : modes) {
            out.add(m.withWeight(m.weight() / total));
        }
        return new Mineral(name, category, out, bounds, source);
    }
}
