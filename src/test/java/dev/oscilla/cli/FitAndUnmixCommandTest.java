package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit, unmix and bench commands end to end on the bundled samples and the development data. */
@UsesSharedData
class FitAndUnmixCommandTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unmixesTheBundledMixturesWithTheBundledOscillatorLibrary() throws Exception {
        Path out = dir.resolve("results.csv");
        Path json = dir.resolve("results.json");
        CliRun run = CliRun.of("unmix", "--library", "sample-data/oscilla-samples.json", "--quiet", "--out",
                out.toString(), "--json", json.toString(), "sample-data/mixtures_tab.txt");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("spectrum,method,rms,blackbody");
        assertThat(lines).hasSize(1 + 6);
        JsonNode report = JSON.readTree(json.toFile());
        // the mixtures are rendered from this very library plus noise: FCLS recovers them closely
        assertThat(report.get("scores").get("squared_error").asDouble()).isLessThan(0.005);
        assertThat(report.get("results").get(0).get("endmembers").size()).isEqualTo(7);
    }

    @Test
    void analysisBySynthesisRunsFromAnOscillatorLibrary() throws Exception {
        Path out = dir.resolve("abs.csv");
        Path json = dir.resolve("abs.json");
        CliRun run = CliRun.of("unmix", "--library", "sample-data/oscilla-samples.json", "--method", "abs",
                "--quiet", "--out", out.toString(), "--json", json.toString(), "sample-data/mixtures_tab.txt");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("method").asText()).isEqualTo("abs");
        assertThat(report.get("scores").get("squared_error").asDouble()).isLessThan(0.01);
        assertThat(report.get("results").get(0).get("rms").asDouble()).isLessThan(0.01);
    }

    @Test
    void absWithMeasuredSpectraButNoParametersIsAUserError() {
        Path feely = SharedData.root().resolve("feely");
        String line = CliRun.of("unmix", "--library", feely.resolve("library_tab.txt").toString(), "--library-meta",
                feely.resolve("library_meta.csv").toString(), "--method", "abs", "--out",
                dir.resolve("x.csv").toString(), "sample-data/mixtures_tab.txt").userError();
        assertThat(line).contains("--params");
    }

    @Test
    void fitsTheBundledQuartzSpectrumWithinTheCap() throws Exception {
        Path out = dir.resolve("quartz.json");
        Path fitted = dir.resolve("fitted.csv");
        CliRun run = CliRun.of("fit", "sample-data/quartz-emissivity.csv", "--modes", "2", "--max-oscillators", "14",
                "--window", "400:1400", "--name", "Quartz (fitted)", "--category", "quartz", "--quiet", "--out",
                out.toString(), "--fitted-out", fitted.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        MineralLibrary lib = LibraryJson.read(out);
        assertThat(lib.minerals()).hasSize(1);
        assertThat(lib.get(0).name()).isEqualTo("Quartz (fitted)");
        assertThat(lib.get(0).category()).isEqualTo("quartz");
        assertThat(lib.get(0).oscillatorCount()).isBetween(3, 14);
        assertThat(lib.get(0).source()).contains("RMS");
        List<String> rows = Files.readAllLines(fitted);
        assertThat(rows.get(0)).isEqualTo("wavenumber_cm-1,data,model,residual");
        double sumSq = 0;
        for (String row : rows.subList(1, rows.size())) {
            double r = Double.parseDouble(row.split(",")[3]);
            sumSq += r * r;
        }
        // the sample has Gaussian noise of sigma 0.002: a good fit leaves residuals near that level
        assertThat(Math.sqrt(sumSq / (rows.size() - 1))).isLessThan(0.006);
    }

    @Test
    void fitNeedsAColumnWhenTheFileHoldsSeveralSpectra() {
        String line = CliRun.of("fit", "sample-data/mixtures_tab.txt", "--out", dir.resolve("m.json").toString())
                .userError();
        assertThat(line).contains("--column");
    }

    @Test
    void aStartCountBelowOneIsAUserErrorNotAnEmptyReport() {
        String bench = CliRun.of("bench", "fit", "--spectra", "sample-data/quartz_tab.txt", "--meta",
                "sample-data/quartz_meta.csv", "--starts", "0", "--json", dir.resolve("b.json").toString()).userError();
        assertThat(bench).contains("--starts must be >= 1");
        assertThat(dir.resolve("b.json")).doesNotExist();
        String fit = CliRun.of("fit", "sample-data/quartz-emissivity.csv", "--starts", "0", "--out",
                dir.resolve("q.json").toString()).userError();
        assertThat(fit).contains("starts must be >= 1");
    }

    @Test
    void benchUnmixReportsTheContractKeysAndTheExactFclsScore() throws Exception {
        Path feely = SharedData.root().resolve("feely");
        Path json = dir.resolve("bench.json");
        CliRun run = CliRun.of("bench", "unmix", "--mixtures", feely.resolve("rocks_tab.txt").toString(), "--meta",
                feely.resolve("rocks_meta.csv").toString(), "--library", feely.resolve("library_tab.txt").toString(),
                "--library-meta", feely.resolve("library_meta.csv").toString(), "--method", "fcls", "--threads", "1",
                "--quiet", "--json", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        for (String key : List.of("method", "n", "squared_error", "error_L1", "precision", "recall", "rms",
                "median_seconds_per_spectrum", "total_seconds")) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("n").asInt()).isEqualTo(60);
        // the exact FCLS optimum on the 773 channels where every library spectrum is defined
        assertThat(report.get("squared_error").asDouble()).isBetween(0.1280, 0.1295);
        assertThat(report.get("rocks").size()).isEqualTo(60);
    }
}
