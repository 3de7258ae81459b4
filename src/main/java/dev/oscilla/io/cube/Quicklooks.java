package dev.oscilla.io.cube;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.pipeline.MapRenderer;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Map images as PNG: the map (rendered by {@link MapRenderer}, transparent where there is no value) under a title,
 * above a colour bar with round tick values. Used for the quicklooks of {@code unmix-cube} and the Scene view's
 * export.
 */
public final class Quicklooks {

    private static final int MARGIN = 8;
    private static final int TITLE_HEIGHT = 20;
    private static final int BAR_HEIGHT = 14;
    private static final int LABEL_HEIGHT = 16;
    private static final int MIN_WIDTH = 240;

    private Quicklooks() {
    }

    /** The size a map of {@code width x height} is drawn at so that its longer side is at most {@code maxSide}. */
    public static int[] fittedSize(int width, int height, int maxSide) {
        double f = Math.min(1.0, maxSide / (double) Math.max(width, height));
        return new int[] {Math.max(1, (int) Math.round(width * f)), Math.max(1, (int) Math.round(height * f))};
    }

    /**
     * Writes a PNG of a map with its colour bar.
     *
     * @param values  row-major, NaN where there is no value
     * @param maxSide the longer side of the drawn map, pixels (the map is subsampled to fit)
     */
    public static void write(Path file, String title, float[] values, int width, int height,
                             MapRenderer.Stretch stretch, MapRenderer.Palette palette, int maxSide)
            throws SpectralFileException {
        byte[] png = png(title, values, width, height, stretch, palette, maxSide);
        AtomicFiles.write(file, out -> out.write(png));
    }

    /** The PNG bytes of {@link #write}. */
    public static byte[] png(String title, float[] values, int width, int height, MapRenderer.Stretch stretch,
                             MapRenderer.Palette palette, int maxSide) {
        int[] size = fittedSize(width, height, maxSide);
        int[] argb = new int[size[0] * size[1]];
        MapRenderer.render(values, width, height, stretch, palette, argb, size[0], size[1]);
        return png(title, argb, size[0], size[1], stretch, palette);
    }

    /** The PNG bytes of an already rendered map with its colour bar (for the views that render maps themselves). */
    public static byte[] png(String title, int[] argb, int mapWidth, int mapHeight, MapRenderer.Stretch stretch,
                             MapRenderer.Palette palette) {
        int width = Math.max(MIN_WIDTH, mapWidth) + 2 * MARGIN;
        int height = TITLE_HEIGHT + mapHeight + MARGIN + BAR_HEIGHT + LABEL_HEIGHT + MARGIN;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, MARGIN, TITLE_HEIGHT - 6);
            int mapX = (width - mapWidth) / 2;
            BufferedImage map = new BufferedImage(mapWidth, mapHeight, BufferedImage.TYPE_INT_ARGB);
            map.setRGB(0, 0, mapWidth, mapHeight, argb, 0, mapWidth);
            g.drawImage(map, mapX, TITLE_HEIGHT, null);
            int barY = TITLE_HEIGHT + mapHeight + MARGIN;
            int barWidth = width - 2 * MARGIN;
            for (int x = 0; x < barWidth; x++) {
                g.setColor(new Color(MapRenderer.colour(x / (double) (barWidth - 1), palette), true));
                g.drawLine(MARGIN + x, barY, MARGIN + x, barY + BAR_HEIGHT - 1);
            }
            g.setColor(Color.BLACK);
            g.drawRect(MARGIN, barY, barWidth - 1, BAR_HEIGHT - 1);
            for (double t : MapRenderer.ticks(stretch, 5)) {
                int x = MARGIN + (int) Math.round(stretch.fraction(t) * (barWidth - 1));
                g.drawLine(x, barY + BAR_HEIGHT, x, barY + BAR_HEIGHT + 3);
                String label = label(t);
                int w = fm.stringWidth(label);
                int lx = Math.max(0, Math.min(width - w, x - w / 2));
                g.drawString(label, lx, barY + BAR_HEIGHT + LABEL_HEIGHT - 2);
            }
        } finally {
            g.dispose();
        }
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        return PngEncoder.encode(pixels, width, height);
    }

    /** A tick label: up to 4 significant digits, no trailing zeros. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? "%.4f" : "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A file name made of a band's index and name ({@code 03_Quartz.png}). */
    public static String fileName(int index, String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        return String.format(Locale.ROOT, "%02d_%s.png", index + 1, safe.isEmpty() ? "band" : safe);
    }
}
