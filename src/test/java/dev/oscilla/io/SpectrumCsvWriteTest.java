package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spectra CSV writer: exact round trips through the reader, and atomic replacement. */
@UsesSharedData
class SpectrumCsvWriteTest {

    @TempDir
    Path dir;

    @Test
    void everyDoubleNameMaskAndKindSurvivesARoundTrip() throws Exception {
        Random rnd = new Random(11);
        int n = 257;
        double[] axis = new double[n];
        double x = 150;
        for (int c = 0; c < n; c++) {
            x += 0.001 + 20 * rnd.nextDouble();
            axis[c] = x;
        }
        List<Spectrum> spectra = new ArrayList<>();
        String[] names = {"plain", "with, comma", "with \"quotes\"", "Ünïcode µ"};
        for (String name : names) {
            double[] v = new double[n];
            boolean[] keep = new boolean[n];
            for (int c = 0; c < n; c++) {
                // values across many magnitudes, signs and subnormals: each must come back bit for bit
                v[c] = (rnd.nextBoolean() ? -1 : 1) * Math.pow(10, -320 + 330 * rnd.nextDouble());
                keep[c] = rnd.nextInt(10) > 0;
            }
            spectra.add(new Spectrum(name, SpectrumKind.REFLECTANCE, axis, v, keep));
        }
        Path out = dir.resolve("round.csv");
        SpectrumFiles.writeCsv(out, spectra);

        SpectrumSet back = SpectrumFiles.read(out);
        assertThat(back.size()).isEqualTo(spectra.size());
        for (int i = 0; i < spectra.size(); i++) {
            Spectrum a = spectra.get(i);
            Spectrum b = back.get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.kind()).isEqualTo(SpectrumKind.REFLECTANCE);
            assertThat(b.axis()).containsExactly(a.axis());
            assertThat(b.mask()).containsExactly(a.mask());
            for (int c = 0; c < n; c++) {
                if (a.isValid(c)) {
                    assertThat(Double.doubleToRawLongBits(b.value(c))).as("channel %d", c)
                            .isEqualTo(Double.doubleToRawLongBits(a.value(c)));
                }
            }
        }
    }

    @Test
    void writtenFileHasKindScaleHeaderAndEmptyMaskedCells() throws Exception {
        Spectrum s = new Spectrum("q", SpectrumKind.EMISSIVITY, new double[] {400, 500}, new double[] {0.5, 0.25},
                new boolean[] {true, false});
        Path out = dir.resolve("small.csv");
        SpectrumFiles.writeCsv(out, List.of(s));
        assertThat(Files.readString(out)).isEqualTo("# kind: emissivity\n# scale: fraction\n"
                + "wavenumber_cm-1,q\n400.0,0.5\n500.0,\n");
    }

    @Test
    void rocksRewrittenAsCsvReadBackIdenticallyWithoutAPercentGuess() throws Exception {
        SpectrumSet rocks = SpectrumFiles.read(SharedData.feely("rocks_tab.txt"));
        Path out = dir.resolve("rocks.csv");
        SpectrumFiles.writeCsv(out, rocks);
        SpectrumSet back = SpectrumFiles.read(out);
        assertThat(back.size()).isEqualTo(66);
        for (int i = 0; i < rocks.size(); i++) {
            assertThat(back.get(i).values()).containsExactly(rocks.get(i).values());
            assertThat(back.get(i).kind()).isEqualTo(SpectrumKind.EMISSIVITY);
        }
        assertThat(back.notes()).contains("values are fractions as the file's \"# scale:\" line says")
                .noneMatch(note -> note.contains("divided by 100"));
    }

    @Test
    void spectraOnDifferentAxesAreRejected() {
        Spectrum a = new Spectrum("a", SpectrumKind.EMISSIVITY, new double[] {1, 2}, new double[] {0, 0});
        Spectrum b = new Spectrum("b", SpectrumKind.EMISSIVITY, new double[] {1, 3}, new double[] {0, 0});
        assertThatThrownBy(() -> SpectrumFiles.writeCsv(dir.resolve("x.csv"), List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different axis");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void aFailedWriteLeavesThePreviousFileIntactAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("kept.csv");
        Files.writeString(target, "previous content\n");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("half a file");
            w.flush();
            throw new IOException("disk full");
        })).isInstanceOf(SpectralFileException.class).hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("previous content\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aWriteReplacesThePreviousFile() throws Exception {
        Path target = dir.resolve("replaced.csv");
        Files.writeString(target, "previous content\n", StandardCharsets.UTF_8);
        Spectrum s = new Spectrum("q", SpectrumKind.UNKNOWN, new double[] {400, 500}, new double[] {0.5, 0.25});
        SpectrumFiles.writeCsv(target, List.of(s));
        assertThat(Files.readString(target)).isEqualTo("# scale: fraction\nwavenumber_cm-1,q\n400.0,0.5\n500.0,0.25\n");
    }
}
