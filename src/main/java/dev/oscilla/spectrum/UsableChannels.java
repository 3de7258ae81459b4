package dev.oscilla.spectrum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which channels of measured spectra are usable, and the window a spectrum is fitted, compared or unmixed on by
 * default. The one rule shared by the fitter, the command line and the workbench's views (Fit, Unmix, Library
 * comparison), so they agree on what "the data" is.
 *
 * <p><b>A usable channel</b> ({@link #isUsable(Spectrum, int)}) is valid (finite, not masked), not exactly zero (the
 * published libraries fill missing channels with zeros) and physically plausible: emissivity and reflectance are
 * fractions, so a value outside [-{@value #FRACTION_TOLERANCE}, 1 + {@value #FRACTION_TOLERANCE}] is instrument noise,
 * not signal (calibrated laboratory emissivities exceed 1 by a few percent at most: 1.104 is the largest value in
 * the development library's valid range, 399-1998 cm^-1).
 *
 * <p><b>The default window</b> ({@link #window()}) leaves out the noisy ends of a spectrometer's range. Detectors
 * lose sensitivity at the ends, and after calibration the noise there explodes (the ASU emission spectrometer below
 * about 380 cm^-1 gives values from -90 to +50), with implausible values becoming rarer going inwards. Such an edge
 * region is found from each end inwards: it reaches to the last implausible channel up to which at least
 * {@value #EDGE_NOISE_DENSITY} of the channels (one in ten) are implausible. An isolated implausible channel further
 * in (a spike) is flagged on its own and does not shorten the window. Clean data (every value plausible) keep their
 * whole valid range.
 *
 * <p>Spectra on one axis (one file's worth) are judged together: a channel is implausible when it is in any of them,
 * because the noise belongs to the instrument and pooling the evidence finds its region reliably. Measured on the
 * development files: the default window starts at 380.0 cm^-1 for {@code feely/library_tab.txt} and at 378.1 cm^-1
 * for {@code feely/rocks_tab.txt} (the published work used 399.29, where the library's zero-filled spectra begin)
 * and ends at their last channel, 1998.4 cm^-1; the result is the same for any edge density from 0.05 to 0.2, so the
 * value in the middle was kept. Spectra on different axes are judged per axis and the windows intersected.
 *
 * <p>Immutable.
 */
public final class UsableChannels {

    /**
     * How far outside [0, 1] a fraction (emissivity, reflectance) may lie and still be signal, as a fraction of full
     * scale: calibration errors of lab spectra stay within a few percent (the development library peaks at 1.104).
     */
    public static final double FRACTION_TOLERANCE = 0.2;

    /**
     * Share of implausible channels that marks the noisy region at an end of the range (see the class comment;
     * the windows found on the development files are the same for any share from 0.05 to 0.2).
     */
    public static final double EDGE_NOISE_DENSITY = 0.1;

    private final WavenumberWindow window;
    private final boolean any;
    private final int edgeChannels;
    private final int spikes;
    private final double edgeLow;
    private final double edgeHigh;

    private UsableChannels(WavenumberWindow window, boolean any, int edgeChannels, int spikes, double edgeLow,
                           double edgeHigh) {
        this.window = window;
        this.any = any;
        this.edgeChannels = edgeChannels;
        this.spikes = spikes;
        this.edgeLow = edgeLow;
        this.edgeHigh = edgeHigh;
    }

    // ------------------------------------------------------------------ the per-channel rule

    /** True when {@code value} can be a measurement of this kind (fractions lie near [0, 1]). */
    public static boolean isPlausible(SpectrumKind kind, double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        if (isFraction(kind)) {
            return value >= -FRACTION_TOLERANCE && value <= 1 + FRACTION_TOLERANCE;
        }
        return true;
    }

    private static boolean isFraction(SpectrumKind kind) {
        return kind == SpectrumKind.EMISSIVITY || kind == SpectrumKind.REFLECTANCE || kind == SpectrumKind.UNKNOWN;
    }

    /** Valid, not zero-filled and plausible: a channel a fit, a comparison or an unmixing may use. */
    public static boolean isUsable(Spectrum s, int channel) {
        return s.isValid(channel) && s.value(channel) != 0.0 && isPlausible(s.kind(), s.value(channel));
    }

    /** Valid and not zero-filled, but with an impossible value: instrument noise. */
    public static boolean isImplausible(Spectrum s, int channel) {
        return s.isValid(channel) && s.value(channel) != 0.0 && !isPlausible(s.kind(), s.value(channel));
    }

    // ------------------------------------------------------------------ the default window

    public static UsableChannels of(Spectrum spectrum) {
        return of(List.of(spectrum));
    }

    /** Judges {@code spectra} together, per axis (see the class comment). */
    public static UsableChannels of(List<Spectrum> spectra) {
        if (spectra.isEmpty()) {
            throw new IllegalArgumentException("no spectra");
        }
        List<List<Spectrum>> byAxis = new ArrayList<>();
        for (Spectrum s : spectra) {
            Objects.requireNonNull(s);
            List<Spectrum> group = null;
            for (List<Spectrum> g : byAxis) {
                if (g.get(0).sameAxis(s.axis())) {
                    group = g;
                    break;
                }
            }
            if (group == null) {
                group = new ArrayList<>();
                byAxis.add(group);
            }
            group.add(s);
        }
        UsableChannels result = null;
        for (List<Spectrum> group : byAxis) {
            UsableChannels u = ofOneAxis(group);
            result = result == null ? u : result.combine(u);
        }
        return result;
    }

    private static UsableChannels ofOneAxis(List<Spectrum> group) {
        Spectrum first = group.get(0);
        int n = first.size();
        int[] data = new int[n];
        int count = 0;
        boolean[] bad = new boolean[n];
        boolean[] usable = new boolean[n];
        for (int c = 0; c < n; c++) {
            boolean has = false;
            for (Spectrum s : group) {
                if (s.isValid(c) && s.value(c) != 0.0) {
                    has = true;
                    if (isPlausible(s.kind(), s.value(c))) {
                        usable[c] = true;
                    } else {
                        bad[c] = true;
                    }
                }
            }
            if (has) {
                data[count++] = c;
            }
        }
        // edge regions, from each end inwards (in channels that hold data; gaps neither count nor break)
        int start = 0;
        int bads = 0;
        for (int k = 0; k < count; k++) {
            if (bad[data[k]]) {
                bads++;
                if (bads >= EDGE_NOISE_DENSITY * (k + 1)) {
                    start = k + 1;
                }
            }
        }
        int end = count - 1;
        bads = 0;
        for (int k = count - 1; k >= 0; k--) {
            if (bad[data[k]]) {
                bads++;
                if (bads >= EDGE_NOISE_DENSITY * (count - k)) {
                    end = k - 1;
                }
            }
        }
        int lo = -1;
        int hi = -1;
        for (int k = start; k <= end; k++) {
            if (usable[data[k]]) {
                if (lo < 0) {
                    lo = data[k];
                }
                hi = data[k];
            }
        }
        if (lo < 0) {
            return new UsableChannels(new WavenumberWindow(first.minWavenumber(), first.maxWavenumber()), false,
                    count, 0, Double.NaN, Double.NaN);
        }
        int spikes = 0;
        for (int c = lo; c <= hi; c++) {
            if (bad[c]) {
                spikes++;
            }
        }
        int edge = 0;
        for (int k = 0; k < count; k++) {
            if (data[k] < lo || data[k] > hi) {
                edge++;
            }
        }
        double edgeLow = start > 0 ? first.wavenumber(lo) : Double.NaN;
        double edgeHigh = end < count - 1 ? first.wavenumber(hi) : Double.NaN;
        return new UsableChannels(new WavenumberWindow(first.wavenumber(lo), first.wavenumber(hi)), true, edge,
                spikes, edgeLow, edgeHigh);
    }

    private UsableChannels combine(UsableChannels other) {
        if (!any || !other.any) {
            return any ? this : other;
        }
        double lo = Math.max(window.lo(), other.window.lo());
        double hi = Math.min(window.hi(), other.window.hi());
        WavenumberWindow w = hi >= lo ? new WavenumberWindow(lo, hi)
                : window.hi() - window.lo() >= other.window.hi() - other.window.lo() ? window : other.window;
        return new UsableChannels(w, true, edgeChannels + other.edgeChannels, spikes + other.spikes,
                maxIgnoringNaN(edgeLow, other.edgeLow), minIgnoringNaN(edgeHigh, other.edgeHigh));
    }

    private static double maxIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static double minIgnoringNaN(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    /**
     * The default window: from the first to the last usable channel between the noisy edge regions. When no channel
     * is usable, the whole axis (and {@link #hasUsableChannels()} is false).
     */
    public WavenumberWindow window() {
        return window;
    }

    public boolean hasUsableChannels() {
        return any;
    }

    /** Channels with data left outside the default window (noisy edge regions, plus unusable channels at the ends). */
    public int edgeChannels() {
        return edgeChannels;
    }

    /** Channels inside the default window with an impossible value in at least one spectrum (left out where they occur). */
    public int spikes() {
        return spikes;
    }

    /**
     * True when the channel of {@code s} is not part of the data as this rule sees it: unusable (masked, zero-filled,
     * implausible) or outside the default window. The plots draw such channels apart and leave them out of the
     * automatic y range.
     */
    public boolean isFlagged(Spectrum s, int channel) {
        return !isUsable(s, channel) || !window.contains(s.wavenumber(channel));
    }

    /** What was left out, one sentence per finding (empty when the whole valid range is clean). */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        if (!any) {
            out.add("no channel holds a plausible emissivity or reflectance (fractions near 0-1; percent values "
                    + "must be divided by 100)");
            return out;
        }
        if (!Double.isNaN(edgeLow)) {
            out.add(String.format(Locale.ROOT, "channels below %.1f cm^-1 look like instrument noise (values "
                    + "outside %.1f-%.1f) and are outside the default window", edgeLow, -FRACTION_TOLERANCE,
                    1 + FRACTION_TOLERANCE));
        }
        if (!Double.isNaN(edgeHigh)) {
            out.add(String.format(Locale.ROOT, "channels above %.1f cm^-1 look like instrument noise (values "
                    + "outside %.1f-%.1f) and are outside the default window", edgeHigh, -FRACTION_TOLERANCE,
                    1 + FRACTION_TOLERANCE));
        }
        if (spikes > 0) {
            out.add(spikes + " channel" + (spikes == 1 ? "" : "s") + " inside the window hold an impossible value "
                    + "in some spectrum and are left out there");
        }
        return out;
    }

    @Override
    public String toString() {
        return "UsableChannels[" + window + (any ? "" : ", none usable") + ", " + edgeChannels + " at the edges, "
                + spikes + " spikes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsableChannels u && u.window.equals(window) && u.any == any
                && u.edgeChannels == edgeChannels && u.spikes == spikes && Arrays.equals(
                new double[] {edgeLow, edgeHigh}, new double[] {u.edgeLow, u.edgeHigh});
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, any, edgeChannels, spikes);
    }
}
