package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Write then read reproduces spectra: AFFN exactly (the same doubles), DIF/DUP to the written precision (each value
 * is round(y / YFACTOR) * YFACTOR, within YFACTOR / 2 of the original), masked channels as masked, names and
 * quantities as they were; the axis to within the writer's even-spacing tolerance, exactly when it is written as
 * (XY..XY) pairs.
 */
class JcampDxRoundTripTest {

    private static final Path ORIGIN = Path.of("roundtrip.jdx");

    /** A random spectrum set: flats (DUP runs), steps, negative values, masked channels, any scale 1e-6..1e6. */
    @Provide
    Arbitrary<List<Spectrum>> spectra() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            int count = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
            int n = 2 + r.nextInt(r.nextBoolean() ? 20 : 600);
            double first = 150 + r.nextDouble() * 3000;
            double step = Math.pow(10, -2 + 3 * r.nextDouble());
            boolean even = r.nextInt(5) != 0;
            double[] axis = new double[n];
            for (int c = 0; c < n; c++) {
                axis[c] = even ? first + c * step : (c == 0 ? first : axis[c - 1] + step * (0.2 + r.nextDouble()));
            }
            SpectrumKind[] kinds = SpectrumKind.values();
            List<Spectrum> out = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                double scale = Math.pow(10, -6 + 12 * r.nextDouble());
                double[] v = new double[n];
                double level = r.nextGaussian();
                for (int c = 0; c < n; c++) {
                    int mode = r.nextInt(10);
                    if (mode < 3 && c > 0) {
                        v[c] = v[c - 1]; // a flat run, written as DUP
                    } else if (mode == 3 && c > 1) {
                        v[c] = 2 * v[c - 1] - v[c - 2]; // a constant difference, DIF + DUP
                    } else {
                        level += 0.1 * r.nextGaussian();
                        v[c] = level * scale;
                    }
                    if (r.nextInt(40) == 0 && c > 0) {
                        v[c] = Double.NaN;
                    }
                }
                out.add(new Spectrum("spectrum " + k + (r.nextBoolean() ? " $$ not a comment" : ""),
                        kinds[r.nextInt(kinds.length)], axis, v));
            }
            return out;
        });
    }

    private static SpectrumSet roundTrip(List<Spectrum> spectra, JcampDxFormat.Form form)
            throws SpectralFileException {
        String text = JcampDxWriter.toText(spectra, form, "round trip");
        for (String line : text.split("\n")) {
            assertThat(line.length()).as("line length of %s", line).isLessThanOrEqualTo(JcampDxWriter.LINE_LIMIT);
        }
        return JcampDxReader.parse(ORIGIN, text.getBytes(StandardCharsets.UTF_8), SpectrumReadOptions.defaults());
    }

    private static boolean evenlySpaced(double[] x) {
        int n = x.length;
        double spacing = (x[n - 1] - x[0]) / (n - 1);
        for (int c = 0; c < n; c++) {
            if (Math.abs(x[c] - (x[0] + c * spacing)) > JcampDxWriter.EVEN_SPACING_TOLERANCE * Math.abs(spacing)) {
                return false;
            }
        }
        return true;
    }

    private static void assertAxis(Spectrum written, Spectrum read) {
        double[] a = written.axis();
        double[] b = read.axis();
        assertThat(b.length).isEqualTo(a.length);
        if (evenlySpaced(a)) {
            double spacing = (a[a.length - 1] - a[0]) / (a.length - 1);
            assertThat(b[0]).isEqualTo(a[0]);
            for (int c = 0; c < a.length; c++) {
                assertThat(Math.abs(b[c] - a[c])).isLessThanOrEqualTo(JcampDxWriter.EVEN_SPACING_TOLERANCE * spacing);
            }
        } else {
            assertThat(b).containsExactly(a);
        }
    }

    @Property(tries = 300)
    void affnReproducesEveryValueExactly(@ForAll("spectra") List<Spectrum> spectra) throws Exception {
        SpectrumSet set = roundTrip(spectra, JcampDxFormat.Form.AFFN);
        assertThat(set.size()).isEqualTo(spectra.size());
        for (int k = 0; k < spectra.size(); k++) {
            Spectrum w = spectra.get(k);
            Spectrum r = set.get(k);
            assertThat(r.name()).isEqualTo(w.name().replace("$$", "$ $"));
            assertThat(r.kind()).isEqualTo(w.kind());
            assertAxis(w, r);
            assertThat(r.mask()).containsExactly(w.mask());
            for (int c = 0; c < w.size(); c++) {
                if (w.isValid(c)) {
                    assertThat(r.value(c)).isEqualTo(w.value(c));
                }
            }
        }
    }

    @Property(tries = 300)
    void difDupReproducesValuesToTheWrittenPrecision(@ForAll("spectra") List<Spectrum> spectra) throws Exception {
        SpectrumSet set = roundTrip(spectra, JcampDxFormat.Form.DIF_DUP);
        for (int k = 0; k < spectra.size(); k++) {
            Spectrum w = spectra.get(k);
            Spectrum r = set.get(k);
            assertThat(r.kind()).isEqualTo(w.kind());
            assertAxis(w, r);
            assertThat(r.mask()).containsExactly(w.mask());
            double[] v = w.values();
            boolean even = evenlySpaced(w.axis());
            double yf = even ? JcampDxWriter.yFactor(v) : 1;
            for (int c = 0; c < w.size(); c++) {
                if (!w.isValid(c)) {
                    continue;
                }
                if (even) {
                    assertThat(r.value(c)).isEqualTo(JcampDxReader.applyFactor(Math.round(v[c] / yf), yf));
                    assertThat(Math.abs(r.value(c) - v[c])).isLessThanOrEqualTo(0.5 * yf * (1 + 1e-12));
                } else {
                    assertThat(r.value(c)).isEqualTo(v[c]); // (XY..XY) pairs are plain decimals
                }
            }
        }
    }

    @Test
    void difDupCompressesFlatRunsIntoRepeatCounts() throws Exception {
        double[] axis = new double[100];
        double[] v = new double[100];
        for (int c = 0; c < 100; c++) {
            axis[c] = 400 + 2 * c;
            v[c] = c < 50 ? 0.5 : 0.5 + 0.001 * (c - 49);
        }
        String text = JcampDxWriter.toText(List.of(new Spectrum("flat", SpectrumKind.EMISSIVITY, axis, v)),
                JcampDxFormat.Form.DIF_DUP, "t");
        // 0.5 at YFACTOR 1E-9 is SQZ "E00000000"; 49 zero differences are "%" and DUP 49 ("V9"), then 50
        // differences of 0.001 are "J000000" and DUP 50 ("W0")
        String data = text.substring(text.indexOf("(X++(Y..Y))") + 12, text.indexOf("##END="));
        assertThat(data).isEqualTo("400.0 E00000000%V9J000000W0\n");
        SpectrumSet set = JcampDxReader.parse(ORIGIN, text.getBytes(StandardCharsets.UTF_8),
                SpectrumReadOptions.defaults());
        assertThat(set.get(0).values()[99]).isEqualTo(0.55);
    }

    @Test
    void writtenFilesAreReadBackThroughTheRegistry(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Spectrum s = new Spectrum("q", SpectrumKind.REFLECTANCE, new double[] {400, 500, 600},
                new double[] {0.1, 0.2, 0.3});
        Path out = dir.resolve("q.jdx");
        SpectrumFormats.writerFor(out).orElseThrow().write(out, SpectrumSet.of(List.of(s)));
        SpectrumSet set = SpectrumFiles.read(out);
        assertThat(set.get(0).values()).containsExactly(0.1, 0.2, 0.3);
        assertThat(set.get(0).kind()).isEqualTo(SpectrumKind.REFLECTANCE);
        assertThat(SpectrumFormats.detect(out, SpectrumReadOptions.defaults()).id()).isEqualTo("jcamp");
    }
}
