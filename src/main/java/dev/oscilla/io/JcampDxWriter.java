package dev.oscilla.io;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes spectra as JCAMP-DX 5.01: one block per spectrum (a LINK file with {@code ##BLOCKS=} for several), axis
 * in 1/CM ascending. An evenly spaced axis is written as {@code ##XYDATA=(X++(Y..Y))}, either AFFN (every ordinate
 * in its shortest round-trip decimal form, so reading gives back the same doubles) or ASDF DIF/DUP (ordinates as
 * integers times a YFACTOR of 9 significant digits, with the DIF Y-check); any other axis as
 * {@code ##XYPOINTS=(XY..XY)} in AFFN. Masked channels are written as {@code ?}. Lines stay within 80 characters.
 */
final class JcampDxWriter {

    /** Longest data line (the specification's limit). */
    static final int LINE_LIMIT = 80;

    /**
     * Significant digits of DIF/DUP ordinates: the YFACTOR is 10^(floor(log10(max |y|)) - 8), so the largest value
     * is written with 9 digits (an integer below 10^9) and every value to within YFACTOR / 2.
     */
    static final int DIF_DIGITS = 9;

    /**
     * An axis is evenly spaced (and written as (X++(Y..Y))) when no channel deviates from the line through its ends
     * by more than this fraction of the spacing; the reader then places it on that line.
     */
    static final double EVEN_SPACING_TOLERANCE = 1e-6;

    private JcampDxWriter() {
    }

    static void write(Path file, List<Spectrum> spectra, JcampDxFormat.Form form) throws SpectralFileException {
        String text = toText(spectra, form, ReadContext.stem(file));
        AtomicFiles.writeString(file, text);
    }

    static String toText(List<Spectrum> spectra, JcampDxFormat.Form form, String title) {
        if (spectra.isEmpty()) {
            throw new IllegalArgumentException("no spectra to write");
        }
        for (Spectrum s : spectra) {
            for (int c = 0; c < s.size(); c++) {
                if (s.isValid(c) && !Double.isFinite(s.value(c))) {
                    throw new IllegalArgumentException("spectrum '" + s.name() + "' has a non-finite value at "
                            + s.wavenumber(c) + " cm^-1");
                }
            }
        }
        StringBuilder sb = new StringBuilder(64 * 1024);
        if (spectra.size() == 1) {
            block(sb, spectra.get(0), form, 0);
        } else {
            sb.append("##TITLE=").append(oneLine(title)).append('\n');
            sb.append("##JCAMP-DX=5.01 $$ Oscilla\n");
            sb.append("##DATA TYPE=LINK\n");
            sb.append("##BLOCKS=").append(spectra.size()).append('\n');
            for (int i = 0; i < spectra.size(); i++) {
                block(sb, spectra.get(i), form, i + 1);
            }
            sb.append("##END=\n");
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replace("$$", "$ $").strip();
    }

    private static void block(StringBuilder sb, Spectrum s, JcampDxFormat.Form form, int blockId) {
        double[] x = s.axis();
        double[] y = new double[x.length];
        for (int c = 0; c < y.length; c++) {
            y[c] = s.isValid(c) ? s.value(c) : Double.NaN;
        }
        int n = x.length;
        sb.append("##TITLE=").append(oneLine(s.name())).append('\n');
        sb.append("##JCAMP-DX=5.01 $$ Oscilla\n");
        sb.append("##DATA TYPE=INFRARED SPECTRUM\n");
        if (blockId > 0) {
            sb.append("##BLOCK_ID=").append(blockId).append('\n');
        }
        sb.append("##ORIGIN=Oscilla\n");
        sb.append("##OWNER=\n");
        sb.append("##XUNITS=1/CM\n");
        String yunits = yunits(s.kind());
        if (yunits != null) {
            sb.append("##YUNITS=").append(yunits).append('\n');
        } else {
            sb.append("$$ quantity not known: no ##YUNITS=\n");
        }
        // Oscilla's values are fractions: say so, so that values a reader might take for percent stay as they are
        sb.append("##").append(JcampDxReader.SCALE_LABEL).append("=FRACTION\n");
        double spacing = (x[n - 1] - x[0]) / (n - 1);
        boolean even = true;
        for (int c = 0; c < n && even; c++) {
            even = Math.abs(x[c] - (x[0] + c * spacing)) <= EVEN_SPACING_TOLERANCE * Math.abs(spacing);
        }
        double yf = form == JcampDxFormat.Form.DIF_DUP && even ? yFactor(y) : 1;
        sb.append("##XFACTOR=1.0\n");
        sb.append("##YFACTOR=").append(Double.toString(yf)).append('\n');
        sb.append("##FIRSTX=").append(Double.toString(x[0])).append('\n');
        sb.append("##LASTX=").append(Double.toString(x[n - 1])).append('\n');
        if (even) {
            sb.append("##DELTAX=").append(Double.toString(spacing)).append('\n');
        }
        for (double v : y) {
            if (!Double.isNaN(v)) {
                sb.append("##FIRSTY=").append(Double.toString(v)).append('\n');
                break;
            }
        }
        sb.append("##NPOINTS=").append(n).append('\n');
        if (!even) {
            sb.append("##XYPOINTS=(XY..XY)\n");
            pairs(sb, x, y);
        } else if (form == JcampDxFormat.Form.AFFN) {
            sb.append("##XYDATA=(X++(Y..Y))\n");
            affn(sb, x[0], spacing, y);
        } else {
            sb.append("##XYDATA=(X++(Y..Y))\n");
            long[] ints = new long[n];
            for (int c = 0; c < n; c++) {
                ints[c] = Double.isNaN(y[c]) ? Long.MIN_VALUE : Math.round(y[c] / yf);
            }
            difDup(sb, x[0], spacing, ints);
        }
        sb.append("##END=\n");
    }

    private static String yunits(SpectrumKind kind) {
        switch (kind) {
            case EMISSIVITY:
                return "EMISSIVITY";
            case REFLECTANCE:
                return "REFLECTANCE";
            case TRANSMITTANCE:
                return "TRANSMITTANCE";
            case ABSORBANCE:
                return "ABSORBANCE";
            case INTENSITY:
                return "ARBITRARY UNITS";
            default:
                return null;
        }
    }

    /** 10^(floor(log10(max |y|)) - (DIF_DIGITS - 1)); 1 when every value is 0 or missing. */
    static double yFactor(double[] y) {
        double max = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max == 0) {
            return 1;
        }
        int exponent = (int) Math.floor(Math.log10(max)) - (DIF_DIGITS - 1);
        return Double.parseDouble("1E" + exponent);
    }

    private static String abscissa(double first, double spacing, int index) {
        return Double.toString(first + index * spacing);
    }

    private static void affn(StringBuilder sb, double first, double spacing, double[] y) {
        int n = y.length;
        int i = 0;
        while (i < n) {
            StringBuilder line = new StringBuilder(abscissa(first, spacing, i));
            do {
                String v = Double.isNaN(y[i]) ? "?" : Double.toString(y[i]);
                if (line.length() + 1 + v.length() > LINE_LIMIT && line.indexOf(" ") >= 0) {
                    break;
                }
                line.append(' ').append(v);
                i++;
            } while (i < n);
            sb.append(line).append('\n');
        }
    }

    /**
     * DIF/DUP lines: each starts with its abscissa and an SQZ ordinate, continues in differences (a run of equal
     * differences as one DIF and a DUP count), and when it ends in a difference the next line starts by repeating
     * its last ordinate (the Y-check). {@code Long.MIN_VALUE} marks a missing value, written {@code ?}; the value
     * after it is written in SQZ form.
     */
    private static void difDup(StringBuilder sb, double first, double spacing, long[] y) {
        int n = y.length;
        int start = 0;
        while (start < n) {
            // a blank after the abscissa: "400.0E5" would read as a number with an exponent, not 400.0 and SQZ E5
            StringBuilder line = new StringBuilder(abscissa(first, spacing, start)).append(' ');
            line.append(value(y[start]));
            int next = start + 1;
            boolean endsDif = false;
            while (next < n) {
                String token;
                int covered;
                boolean dif;
                if (y[next] == Long.MIN_VALUE || y[next - 1] == Long.MIN_VALUE) {
                    token = value(y[next]);
                    covered = 1;
                    dif = false;
                } else {
                    long d = y[next] - y[next - 1];
                    int run = 1;
                    while (next + run < n && y[next + run] != Long.MIN_VALUE
                            && y[next + run] - y[next + run - 1] == d) {
                        run++;
                    }
                    token = Asdf.dif(d) + (run > 1 ? Asdf.dup(run) : "");
                    covered = run;
                    dif = true;
                }
                if (line.length() + token.length() > LINE_LIMIT) {
                    break;
                }
                line.append(token);
                next += covered;
                endsDif = dif;
            }
            sb.append(line).append('\n');
            if (next >= n) {
                break;
            }
            start = endsDif ? next - 1 : next;
        }
    }

    private static String value(long v) {
        return v == Long.MIN_VALUE ? "?" : Asdf.sqz(v);
    }

    /** One "x, y" pair per line, both in their shortest round-trip form. */
    private static void pairs(StringBuilder sb, double[] x, double[] y) {
        for (int c = 0; c < x.length; c++) {
            sb.append(Double.toString(x[c])).append(", ").append(Double.isNaN(y[c]) ? "?" : Double.toString(y[c]))
                    .append('\n');
        }
    }
}
