package dev.oscilla.spectrum;

import java.util.Locale;

/**
 * A closed wavenumber interval [lo, hi] in cm^-1.
 */
public record WavenumberWindow(double lo, double hi) implements java.io.Serializable {

    /** The window of the published InfraRender work on the ASU feely data (rows 105 onward). */
    public static final WavenumberWindow FEELY = new WavenumberWindow(399.29, 1998.38);

    public static final WavenumberWindow ALL = new WavenumberWindow(0, Double.POSITIVE_INFINITY);

    /** How {@link #ALL} prints (and parses back): messages name it in words, not as an open range "0:". */
    private static final String ALL_TEXT = "all wavenumbers";

    public WavenumberWindow {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("invalid window [" + lo + ", " + hi + "]");
        }
    }

    /**
     * Parses {@code LO:HI} (cm^-1); either side may be empty for an open end; "all" (or empty text) is {@link #ALL}. A small tolerance of
     * 1e-6 relative keeps printed axis values such as 399.29 matching stored 399.2900085.
     */
    public static WavenumberWindow parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals(ALL_TEXT) || t.equals("all") || t.equals("*")) {
            return ALL;
        }
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("window must be LO:HI in cm^-1, got '" + text + "'");
        }
        try {
            double lo = parts[0].isBlank() ? 0 : Double.parseDouble(parts[0].trim());
            double hi = parts[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1].trim());
            if (lo > hi) {
                throw new IllegalArgumentException("window '" + text + "' has LO > HI");
            }
            return new WavenumberWindow(lo, hi);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("window must be LO:HI in cm^-1, got '" + text + "'");
        }
    }

    /** True when v lies in the window, with a relative tolerance of 1e-6 at both ends. */
    public boolean contains(double v) {
        return v >= lo - 1e-6 * Math.abs(lo) - 1e-9 && v <= hi + 1e-6 * Math.abs(hi) + 1e-9;
    }

    public WavenumberWindow intersect(WavenumberWindow other) {
        double l = Math.max(lo, other.lo);
        double h = Math.min(hi, other.hi);
        if (l > h) {
            throw new IllegalArgumentException("windows " + this + " and " + other + " do not overlap");
        }
        return new WavenumberWindow(l, h);
    }

    /**
     * {@code LO:HI} in cm^-1 as the options take it ({@code 400:} for an open upper end), or "all wavenumbers" for
     * the window without bounds; {@link #parse} reads every form back.
     */
    @Override
    public String toString() {
        if (lo <= 0 && Double.isInfinite(hi)) {
            return ALL_TEXT;
        }
        return String.format(Locale.ROOT, "%s:%s", fmt(lo), fmt(hi));
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "" : (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
    }
}
