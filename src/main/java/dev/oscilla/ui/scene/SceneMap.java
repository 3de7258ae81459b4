package dev.oscilla.ui.scene;

import dev.oscilla.pipeline.MapRenderer;

/**
 * One rendered map of the Scene view: the values shown (one per display pixel, NaN where there is none), their
 * colours, and how display pixels relate to the cube's (every {@code step}-th line and sample). Immutable by
 * convention: built on a worker thread, then only read.
 *
 * @param title   what the map shows ("Channel 1075.6 cm^-1", "Quartz (abundance)")
 * @param width   display pixels per line
 * @param height  display lines
 * @param step    cube pixels per display pixel along each axis
 * @param values  width x height values, row-major
 * @param argb    width x height colours
 * @param stretch the colour stretch; null for a false-colour composite
 * @param palette the palette of {@code stretch}
 */
public record SceneMap(String title, int width, int height, int step, float[] values, int[] argb,
                       MapRenderer.Stretch stretch, MapRenderer.Palette palette) {

    /** A colour-bar tick: its position (0-1 along the bar) and label. */
    public record Tick(double position, String label) {
    }

    /** The colour bar of this map, {@code width} colours from the stretch's low to its high end; empty for composites. */
    public int[] colourBar(int width) {
        if (stretch == null) {
            return new int[0];
        }
        int[] out = new int[width];
        for (int i = 0; i < width; i++) {
            out[i] = MapRenderer.colour(i / (double) Math.max(1, width - 1), palette);
        }
        return out;
    }

    /** About five round tick values along the colour bar; empty for composites. */
    public java.util.List<Tick> ticks() {
        if (stretch == null) {
            return java.util.List.of();
        }
        java.util.List<Tick> out = new java.util.ArrayList<>();
        for (double t : MapRenderer.ticks(stretch, 5)) {
            out.add(new Tick(stretch.fraction(t), String.format(java.util.Locale.ROOT, "%.4g", t)));
        }
        return out;
    }

    /** The value at a display pixel, NaN outside the map. */
    public double valueAt(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? Double.NaN : values[y * width + x];
    }
}
