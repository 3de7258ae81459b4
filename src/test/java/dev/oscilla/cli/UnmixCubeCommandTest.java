package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench make-cube}, {@code unmix-cube} and {@code bench unmix-cube} end to end. */
class UnmixCubeCommandTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path makeCube(String... library) {
        Path cube = dir.resolve("cube");
        String[] args = Stream.concat(Stream.of("bench", "make-cube", "--lines", "30", "--samples", "40", "--quiet",
                "--out", cube.toString()), Stream.of(library)).toArray(String[]::new);
        CliRun.of(args).succeeded();
        return cube;
    }

    @Test
    @UsesSharedData
    void theDevelopmentLibraryOnTesBandsUnmixesWithinTheGoalAndKeepsNoData() throws Exception {
        Path d = SharedData.feely("library_tab.txt").getParent();
        Path cube = makeCube("--library", d.resolve("library_tab.txt").toString(), "--library-meta",
                d.resolve("library_meta.csv").toString(), "--params", d.resolve("feely_params.hdf").toString());
        Path out = dir.resolve("maps");
        Path json = dir.resolve("bench.json");
        CliRun.of("bench", "unmix-cube", "--cube", cube.resolve("cube.hdr").toString(), "--axis",
                cube.resolve("axis.csv").toString(), "--library", cube.resolve("library.sli").toString(), "--truth",
                cube.resolve("truth.hdr").toString(), "--quiet", "--out", out.toString(), "--json", json.toString())
                .succeeded();
        JsonNode r = JSON.readTree(json.toFile());
        assertThat(r.get("pixels").asLong()).isEqualTo(1200);
        assertThat(r.get("channels").asInt()).isEqualTo(73);
        assertThat(r.get("endmembers").asInt()).isEqualTo(38);
        JsonNode truth = r.get("truth");
        assertThat(truth.get("rmse_all").asDouble()).isLessThan(0.02);
        assertThat(truth.get("no_data_preserved").asBoolean()).isTrue();
        assertThat(truth.get("truth_no_data_pixels").asLong()).isEqualTo(r.get("no_data").asLong()).isGreaterThan(0);
    }

    @Test
    void unmixCubeWritesMapsMaskRmsQuicklooksAndSummary() throws Exception {
        Path cube = makeCube("--library", "sample-data/oscilla-samples.json", "--seed", "4");
        Path out = dir.resolve("maps");
        CliRun.of("unmix-cube", "--cube", cube.resolve("cube.img").toString(), "--axis",
                cube.resolve("axis.csv").toString(), "--library", cube.resolve("library.sli").toString(), "--quiet",
                "--quicklook-size", "64", "--out", out.toString()).succeeded();
        try (EnviCube a = EnviCube.open(out.resolve("abundances.hdr"));
             EnviCube m = EnviCube.open(out.resolve("mask.hdr"));
             EnviCube rms = EnviCube.open(out.resolve("rms.hdr"));
             EnviCube truth = EnviCube.open(cube.resolve("truth.hdr"))) {
            assertThat(a.bandNames().subList(0, truth.bands())).isEqualTo(truth.bandNames());
            assertThat(a.bandNames().get(truth.bands())).startsWith("group:");
            int noData = 0;
            for (int l = 0; l < 30; l++) {
                for (int s = 0; s < 40; s++) {
                    double mask = m.pixel(l, s)[0];
                    boolean truthHasData = !Double.isNaN(truth.pixel(l, s)[0]);
                    assertThat(mask).isEqualTo(truthHasData ? 0 : 1);
                    assertThat(Double.isNaN(a.pixel(l, s)[0])).isEqualTo(!truthHasData);
                    assertThat(Double.isNaN(rms.pixel(l, s)[0])).isEqualTo(!truthHasData);
                    noData += truthHasData ? 0 : 1;
                }
            }
            assertThat(noData).isGreaterThan(0);
            List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
            assertThat(summary.get(0)).isEqualTo("kind,name,mean,min,p05,p25,median,p75,p95,max,pixels");
            assertThat(summary).contains("pixels,total,,,,,,,,,1200", "pixels,no data,,,,,,,,," + noData,
                    "pixels,failed,,,,,,,,,0");
            assertThat(summary.stream().filter(x -> x.startsWith("endmember,")).count()).isEqualTo(truth.bands());
            try (Stream<Path> pngs = Files.list(out.resolve("quicklooks"))) {
                List<Path> files = pngs.sorted().toList();
                assertThat(files).hasSize(a.bands() + 1);
                BufferedImage image = ImageIO.read(files.get(0).toFile());
                assertThat(image.getWidth()).isGreaterThanOrEqualTo(64);
                assertThat(image.getHeight()).isGreaterThan(48);
            }
        }
    }

    @Test
    void missingAxisAndBadOutputsAreOneLineErrorsThatTouchNothing() throws Exception {
        Path cube = makeCube("--library", "sample-data/oscilla-samples.json");
        String error = CliRun.of("unmix-cube", "--cube", cube.resolve("cube.hdr").toString(), "--library",
                cube.resolve("library.sli").toString(), "--out", dir.resolve("o").toString()).userError();
        assertThat(error).contains("cube.hdr has no wavelengths in its header; give the band centres with --axis");
        assertThat(dir.resolve("o")).doesNotExist();
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        assertThat(CliRun.of("unmix-cube", "--cube", cube.resolve("cube.hdr").toString(), "--axis",
                cube.resolve("axis.csv").toString(), "--library", cube.resolve("library.sli").toString(), "--out",
                file.toString()).userError()).contains("exists and is not a folder");
        assertThat(CliRun.of("unmix-cube", "--cube", cube.resolve("cube.hdr").toString(), "--axis",
                cube.resolve("axis.csv").toString(), "--library", cube.resolve("library.sli").toString(), "--window",
                "5000:6000", "--out", dir.resolve("o").toString()).userError()).contains("window");
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
