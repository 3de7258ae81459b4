package dev.oscilla.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CubeUnmixerTest {

    private static final int LINES = 24;
    private static final int SAMPLES = 30;

    /** Everything a sink received, by pixel (line x samples + sample). */
    private static final class Collected {
        final double[][] values = new double[LINES * SAMPLES][];
        final double[] rms = new double[LINES * SAMPLES];
        final byte[] mask = new byte[LINES * SAMPLES];
        final AtomicInteger tiles = new AtomicInteger();

        CubeUnmixer.TileSink sink(int bands) {
            return (tile, r) -> {
                tiles.incrementAndGet();
                for (int p = 0; p < r.pixels(); p++) {
                    int line = tile.firstLine() + p / tile.sampleCount();
                    int sample = tile.firstSample() + p % tile.sampleCount();
                    int i = line * SAMPLES + sample;
                    assertThat(values[i]).as("pixel written twice").isNull();
                    values[i] = CubeUnmixer.pixelValues(r, p, bands);
                    rms[i] = r.rms()[p];
                    mask[i] = r.mask()[p];
                }
            };
        }
    }

    private static CubeUnmixer prepared(SyntheticCube cube, UnmixMethod method) {
        UnmixRequest request = UnmixRequest.measured(method, cube.library(), WavenumberWindow.ALL);
        return CubeUnmixer.prepare(request, new CubeUnmixer.Geometry(LINES, SAMPLES, cube.axis()),
                CubeFixtures.reader(cube), CancellationToken.NONE);
    }

    @Test
    void fclsMapsRecoverTheTruthAndPixelsWithoutDataStayWithoutResult() {
        SyntheticCube cube = CubeFixtures.cube(LINES, SAMPLES, 2);
        CubeUnmixer unmixer = prepared(cube, UnmixMethod.FCLS);
        CubeLayout layout = unmixer.layout();
        assertThat(layout.endmembers()).containsExactly("Quartzish", "Feldsparish", "Albitish", "Carbonatish",
                "Olivinish", "Blackbody");
        assertThat(layout.bandNames()).endsWith("group:silica", "group:feldspar", "group:carbonate", "group:olivine");
        Collected c = new Collected();
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        CubeStatistics stats = unmixer.run(CubeFixtures.reader(cube), c.sink(layout.bands()), 2,
                (f, message) -> progress.add(message), CancellationToken.NONE);
        assertThat(progress).last().isEqualTo("720 of 720 pixels");
        double[] truth = new double[cube.endmembers()];
        double[] spectrum = new double[cube.channels()];
        double ss = 0;
        int n = 0;
        int noData = 0;
        for (int l = 0; l < LINES; l++) {
            for (int s = 0; s < SAMPLES; s++) {
                int i = l * SAMPLES + s;
                SyntheticCube.PixelKind kind = cube.pixel(l, s, spectrum, truth);
                if (!kind.hasData()) {
                    noData++;
                    assertThat(c.mask[i]).isEqualTo(CubeUnmixer.NO_DATA);
                    assertThat(c.rms[i]).isNaN();
                    for (double v : c.values[i]) {
                        assertThat(v).isNaN();
                    }
                    continue;
                }
                assertThat(c.mask[i]).isEqualTo(CubeUnmixer.UNMIXED);
                double sum = 0;
                for (int j = 0; j < truth.length; j++) {
                    double e = c.values[i][j] - truth[j];
                    ss += e * e;
                    n++;
                    sum += c.values[i][j];
                }
                assertThat(sum).isCloseTo(1, within(1e-9));
                assertThat(c.rms[i]).isBetween(0.001, 0.003);
            }
        }
        assertThat(noData).isGreaterThan(0);
        assertThat(stats.noData()).isEqualTo(noData);
        assertThat(stats.unmixed()).isEqualTo(LINES * SAMPLES - noData);
        assertThat(stats.failed()).isZero();
        assertThat(Math.sqrt(ss / n)).isLessThan(0.02);
    }

    @Test
    void eachPixelGetsExactlyWhatUnmixingItsSpectrumGives() {
        SyntheticCube cube = CubeFixtures.cube(LINES, SAMPLES, 5);
        for (UnmixMethod method : List.of(UnmixMethod.FCLS, UnmixMethod.NNLS, UnmixMethod.LS)) {
            CubeUnmixer unmixer = prepared(cube, method);
            Collected c = new Collected();
            unmixer.run(CubeFixtures.reader(cube), c.sink(unmixer.layout().bands()), 3, ProgressListener.NONE,
                    CancellationToken.NONE);
            SpectrumUnmixer single = unmixer.newUnmixer();
            double[] spectrum = new double[cube.channels()];
            double[] truth = new double[cube.endmembers()];
            for (int i : new int[] {0, 7, 206, 400, LINES * SAMPLES - 1}) {
                if (!cube.pixel(i / SAMPLES, i % SAMPLES, spectrum, truth).hasData()) {
                    continue;
                }
                UnmixResult r = single.unmix(new Spectrum("p", SpectrumKind.UNKNOWN, cube.axis(), spectrum));
                for (int j = 0; j < r.size(); j++) {
                    assertThat(c.values[i][j]).as("%s pixel %d endmember %d", method, i, j).isEqualTo(r.abundance(j));
                }
                Map<String, Double> groups = r.groupSums();
                int b = r.size();
                for (double g : groups.values()) {
                    assertThat(c.values[i][b++]).isEqualTo(g);
                }
                assertThat(c.rms[i]).isCloseTo(r.rms(), within(1e-12));
            }
        }
    }

    @Test
    void methodsWithoutAFastPathWorkPerPixelToo() {
        SyntheticCube cube = CubeFixtures.cube(4, 5, 7);
        UnmixRequest abs = UnmixRequest.minerals(UnmixMethod.ABS, CubeFixtures.minerals(), WavenumberWindow.ALL);
        CubeUnmixer unmixer = CubeUnmixer.prepare(abs, new CubeUnmixer.Geometry(4, 5, cube.axis()),
                CubeFixtures.reader(cube), CancellationToken.NONE);
        CubeStatistics stats = unmixer.run(CubeFixtures.reader(cube), (t, r) -> { }, 2, ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(stats.unmixed() + stats.noData()).isEqualTo(20);
        assertThat(stats.unmixed()).isGreaterThan(15);
        assertThat(stats.rmsQuantile(0.5)).isLessThan(0.004);
    }

    @Test
    void tilesCoverEveryPixelOnceAndStayBounded() {
        for (int[] size : new int[][] {{1, 1}, {7, 3}, {1000, 1000}, {3, 40_000}, {5000, 17}}) {
            CubeUnmixer.Geometry g = new CubeUnmixer.Geometry(size[0], size[1], new double[432]);
            List<CubeUnmixer.Tile> tiles = CubeUnmixer.plan(g, 2);
            long covered = 0;
            Map<Long, Boolean> seen = new ConcurrentHashMap<>();
            for (CubeUnmixer.Tile t : tiles) {
                assertThat(t.pixels()).isLessThanOrEqualTo(CubeUnmixer.MAX_TILE_VALUES / 432);
                assertThat(t.lineCount() == 1 || t.sampleCount() == size[1]).isTrue();
                covered += t.pixels();
                if (g.pixels() < 100_000) {
                    for (int l = 0; l < t.lineCount(); l++) {
                        for (int s = 0; s < t.sampleCount(); s++) {
                            long p = (long) (t.firstLine() + l) * size[1] + t.firstSample() + s;
                            assertThat(seen.put(p, true)).isNull();
                        }
                    }
                }
            }
            assertThat(covered).isEqualTo(g.pixels());
        }
    }

    @Test
    void cancellingStopsTheRunBetweenPixels() {
        SyntheticCube cube = CubeFixtures.cube(LINES, SAMPLES, 2);
        CubeUnmixer unmixer = prepared(cube, UnmixMethod.FCLS);
        CancellationToken cancel = new CancellationToken();
        AtomicInteger tiles = new AtomicInteger();
        assertThatThrownBy(() -> unmixer.run(CubeFixtures.reader(cube), (t, r) -> {
            tiles.incrementAndGet();
            cancel.cancel();
        }, 1, ProgressListener.NONE, cancel)).isInstanceOf(CancellationException.class);
        assertThat(tiles.get()).isEqualTo(1);
    }

    @Test
    void aCubeWithoutDataOrOutsideTheWindowIsRefusedWithAReason() {
        SyntheticCube cube = CubeFixtures.cube(2, 2, 1);
        CubeUnmixer.Geometry g = new CubeUnmixer.Geometry(2, 2, cube.axis());
        UnmixRequest request = UnmixRequest.measured(UnmixMethod.FCLS, cube.library(), WavenumberWindow.ALL);
        assertThatThrownBy(() -> CubeUnmixer.prepare(request, g, (fl, lc, fs, sc, out) -> java.util.Arrays.fill(out,
                Double.NaN), CancellationToken.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no pixel of the cube has data");
        assertThatThrownBy(() -> CubeUnmixer.prepare(request, g, (fl, lc, fs, sc, out) -> {
            java.util.Arrays.fill(out, Double.NaN);
            out[0] = 0.9; // one channel of one pixel: fewer than the six endmembers
        }, CancellationToken.NONE)).hasMessageContaining("none of the first 2 pixels with data could be unmixed; "
                + "line 2, sample 1:");
    }
}
