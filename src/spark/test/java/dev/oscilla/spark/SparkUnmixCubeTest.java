package dev.oscilla.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.cli.CubeJob;
import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.cube.CubeOutputs;
import dev.oscilla.io.cube.SyntheticCubeFiles;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.io.envi.EnviDataType;
import dev.oscilla.pipeline.SyntheticCube;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode against {@code unmix-cube} on the same cube, pixel for pixel. One session for the
 * class (starting one takes 20-30 s here).
 */
class SparkUnmixCubeTest {

    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("oscilla-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private Path cube(int lines, int samples) throws Exception {
        Path cube = dir.resolve("cube");
        SyntheticCube c = SyntheticCube.of(SyntheticCube.renderLibrary(LibraryFiles.read(
                Path.of("sample-data/oscilla-samples.json")).minerals()), new SyntheticCube.Settings(lines, samples, 9,
                0.002));
        SyntheticCubeFiles.write(cube, c, 2, ProgressListener.NONE, CancellationToken.NONE);
        return cube;
    }

    private static CubeJob.Inputs inputs(Path cube, UnmixMethod method, Path library) {
        return new CubeJob.Inputs(cube.resolve("cube.hdr"), cube.resolve("axis.csv"), null, library, null, null, null,
                method, WavenumberWindow.ALL, true, List.of());
    }

    @Test
    void fclsOnSparkGivesTheSameMapsAsUnmixCube() throws Exception {
        Path cube = cube(40, 50);
        CubeOutputs.Options exact = new CubeOutputs.Options(EnviDataType.FLOAT64, 64);
        CubeJob.Inputs in = inputs(cube, UnmixMethod.FCLS, cube.resolve("library.sli"));
        CubeJob.Result local = CubeJob.run(in, dir.resolve("local"), exact, 2, ProgressListener.NONE,
                CancellationToken.NONE);
        SparkUnmixCube.Result distributed = SparkUnmixCube.run(jsc, in, dir.resolve("spark"), exact, 5);
        assertThat(distributed.partitions()).isEqualTo(5);
        assertThat(distributed.statistics().unmixed()).isEqualTo(local.statistics().unmixed());
        assertThat(distributed.statistics().noData()).isEqualTo(local.statistics().noData()).isGreaterThan(0);
        assertIdentical(dir.resolve("local"), dir.resolve("spark"));
        assertThat(distributed.statistics().mean(0)).isCloseTo(local.statistics().mean(0),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void methodsPreparedOnTheExecutorsGiveTheSameMapsToo() throws Exception {
        Path cube = cube(4, 6);
        CubeOutputs.Options exact = new CubeOutputs.Options(EnviDataType.FLOAT64, 0);
        CubeJob.Inputs in = inputs(cube, UnmixMethod.ABS, Path.of("sample-data/oscilla-samples.json"));
        CubeJob.run(in, dir.resolve("local"), exact, 2, ProgressListener.NONE, CancellationToken.NONE);
        SparkUnmixCube.run(jsc, in, dir.resolve("spark"), exact, 3);
        assertIdentical(dir.resolve("local"), dir.resolve("spark"));
    }

    /** Every band of the abundance, RMS and mask cubes agrees pixel for pixel (to 1e-12; no-data in the same places). */
    private static void assertIdentical(Path a, Path b) throws Exception {
        for (String name : List.of("abundances.hdr", "rms.hdr", "mask.hdr")) {
            try (EnviCube x = EnviCube.open(a.resolve(name)); EnviCube y = EnviCube.open(b.resolve(name))) {
                assertThat(y.bandNames()).isEqualTo(x.bandNames());
                for (int l = 0; l < x.lines(); l++) {
                    for (int s = 0; s < x.samples(); s++) {
                        double[] px = x.pixel(l, s);
                        double[] py = y.pixel(l, s);
                        for (int k = 0; k < px.length; k++) {
                            if (Double.isNaN(px[k])) {
                                assertThat(py[k]).as("%s line %d sample %d band %d", name, l, s, k).isNaN();
                            } else {
                                assertThat(Math.abs(py[k] - px[k])).as("%s line %d sample %d band %d", name, l, s, k)
                                        .isLessThanOrEqualTo(1e-12);
                            }
                        }
                    }
                }
            }
        }
        try (Stream<Path> x = Files.list(a); Stream<Path> y = Files.list(b)) {
            assertThat(y.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(x.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
