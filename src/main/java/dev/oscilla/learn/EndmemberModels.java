package dev.oscilla.learn;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.unmix.FlexTolerances;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The minerals a network renders, taken from a library: every entry except blackbodies (a blackbody is not
 * rendered: its fraction is solved in closed form, see {@link MixtureLoss}). Fixes the order of the abundance
 * outputs, the concatenated parameter vector (each mineral's {@link ParameterLayout} vector in turn), the box each
 * parameter is predicted in ({@link FlexTolerances#boxFor}), and the mineral groups (lower-case categories).
 * Immutable.
 */
public final class EndmemberModels {

    /**
     * The tolerances of the published InfraRender demo ({@code demo_infrarender.py}: rho and gamma 10 %, omega0
     * 1 %, eps_inf and mode weight 1e-5), wider than the analysis-by-synthesis defaults so the network can flex
     * band depths and widths.
     */
    public static final FlexTolerances PUBLISHED_IR_TOLERANCES = new FlexTolerances(0.01, 0.1, 0.1, 1e-5, 1e-5);

    private final MineralLibrary library;
    private final FlexTolerances tolerances;
    private final int[] libraryIndex;
    private final int blackbodyIndex;
    private final Mineral[] minerals;
    private final ParameterLayout[] layouts;
    private final int[] offsets;
    private final int totalParameters;
    private final double[] reference;
    private final double[] lower;
    private final double[] upper;
    private final int[] groupOf;
    private final List<String> groups;
    private final String[] fingerprints;

    private EndmemberModels(MineralLibrary library, FlexTolerances tolerances) {
        this.library = library;
        this.tolerances = tolerances;
        List<Integer> rendered = new ArrayList<>();
        int bb = -1;
        for (int j = 0; j < library.size(); j++) {
            if (library.get(j).isBlackbody()) {
                if (bb < 0) {
                    bb = j;
                }
            } else {
                rendered.add(j);
            }
        }
        if (rendered.isEmpty()) {
            throw new IllegalArgumentException("library '" + library.name() + "' has no mineral besides blackbodies");
        }
        this.blackbodyIndex = bb;
        int n = rendered.size();
        libraryIndex = new int[n];
        minerals = new Mineral[n];
        layouts = new ParameterLayout[n];
        offsets = new int[n + 1];
        fingerprints = new String[n];
        groupOf = new int[n];
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        List<double[]> refs = new ArrayList<>();
        List<ParameterBounds> boxes = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < n; i++) {
            libraryIndex[i] = rendered.get(i);
            Mineral m = library.get(libraryIndex[i]);
            minerals[i] = m;
            layouts[i] = m.layout();
            offsets[i] = offset;
            offset += layouts[i].size();
            double[] p = m.parameters();
            ParameterBounds box = tolerances.boxFor(m);
            refs.add(p);
            boxes.add(box);
            fingerprints[i] = fingerprint(layouts[i], p, box);
            String group = groupKey(m);
            Integer g = groupIndex.get(group);
            if (g == null) {
                g = groupIndex.size();
                groupIndex.put(group, g);
            }
            groupOf[i] = g;
        }
        offsets[n] = offset;
        totalParameters = offset;
        reference = new double[offset];
        lower = new double[offset];
        upper = new double[offset];
        for (int i = 0; i < n; i++) {
            System.arraycopy(refs.get(i), 0, reference, offsets[i], refs.get(i).length);
            System.arraycopy(boxes.get(i).lower(), 0, lower, offsets[i], refs.get(i).length);
            System.arraycopy(boxes.get(i).upper(), 0, upper, offsets[i], refs.get(i).length);
        }
        this.groups = List.copyOf(groupIndex.keySet());
    }

    /** @throws IllegalArgumentException when the library has no mineral besides blackbodies */
    public static EndmemberModels of(MineralLibrary library, FlexTolerances tolerances) {
        return new EndmemberModels(library, tolerances);
    }

    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static String groupKey(Mineral m) {
        String c = m.category().trim();
        return (c.isEmpty() ? m.name() : c).toLowerCase(Locale.ROOT);
    }

    /** SHA-256 (first 16 bytes, hex) of a mineral's layout, parameters and box, bit for bit. */
    static String fingerprint(ParameterLayout layout, double[] p, ParameterBounds box) {
        ByteBuffer buf = ByteBuffer.allocate(4 * (layout.modeCount() + 1) + 8 * 3 * p.length);
        buf.putInt(layout.modeCount());
        for (int m = 0; m < layout.modeCount(); m++) {
            buf.putInt(layout.oscillatorCount(m));
        }
        for (double v : p) {
            buf.putDouble(v);
        }
        for (int j = 0; j < p.length; j++) {
            buf.putDouble(box.lower(j));
            buf.putDouble(box.upper(j));
        }
        return sha256(buf.array());
    }

    static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Fingerprint of the axis the network reads, bit for bit. */
    public static String axisFingerprint(double[] axis) {
        ByteBuffer buf = ByteBuffer.allocate(8 * axis.length);
        for (double v : axis) {
            buf.putDouble(v);
        }
        return sha256(buf.array());
    }

    /** Fingerprint of the whole set: names, in order, and every mineral's fingerprint. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < minerals.length; i++) {
            sb.append(minerals[i].name()).append('\u0000').append(fingerprints[i]).append('\u0000');
        }
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public MineralLibrary library() {
        return library;
    }

    public FlexTolerances tolerances() {
        return tolerances;
    }

    /** Number of rendered minerals (the abundance outputs). */
    public int size() {
        return minerals.length;
    }

    public Mineral mineral(int i) {
        return minerals[i];
    }

    public String name(int i) {
        return minerals[i].name();
    }

    /** Index in the library of rendered mineral {@code i}. */
    public int libraryIndex(int i) {
        return libraryIndex[i];
    }

    /** Library index of the first blackbody entry, or -1 when the library has none. */
    public int blackbodyIndex() {
        return blackbodyIndex;
    }

    ParameterLayout layout(int i) {
        return layouts[i];
    }

    /** Offset of mineral {@code i}'s parameters in the concatenated vector. */
    public int offset(int i) {
        return offsets[i];
    }

    /** Number of parameters of mineral {@code i}. */
    public int parameterCount(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Length of the concatenated parameter vector. */
    public int totalParameters() {
        return totalParameters;
    }

    double[] referenceView() {
        return reference;
    }

    double[] lowerView() {
        return lower;
    }

    double[] upperView() {
        return upper;
    }

    int groupOf(int i) {
        return groupOf[i];
    }

    public List<String> groups() {
        return groups;
    }

    public String mineralFingerprint(int i) {
        return fingerprints[i];
    }
}
