package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} and {@code bench unmix --method ir} end to end on a tiny synthetic data set: a JSON library of two
 * minerals and a blackbody, its rendered spectra as an ASU tab + meta library, and three labelled mixtures.
 */
class TrainCommandTest {

    private static final int CHANNELS = 60;

    @TempDir
    Path dir;

    private Path params;
    private MineralLibrary library;

    @BeforeEach
    void writeDataSet() throws Exception {
        library = new MineralLibrary("tiny", "", List.of(
                new Mineral("Quartzish", "quartz", List.of(new Mode(2.4, 1.0, List.of(
                        new Oscillator(1080, 0.67, 0.07), new Oscillator(460, 0.8, 0.04))))),
                new Mineral("Feldsparish", "feldspar", List.of(new Mode(2.3, 1.0, List.of(
                        new Oscillator(1000, 0.5, 0.06), new Oscillator(600, 0.2, 0.05))))),
                Mineral.blackbody()));
        params = dir.resolve("lib.json");
        LibraryJson.write(library, params);
        double[] axis = new double[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            axis[c] = 400 + 1100.0 * c / (CHANNELS - 1);
        }
        DispersionEvaluator ev = new DispersionEvaluator(axis);
        double[][] e = new double[3][CHANNELS];
        for (int i = 0; i < 3; i++) {
            ev.evaluate(library.get(i), Quantity.EMISSIVITY, e[i]);
        }
        writeTab(dir.resolve("library_tab.txt"), axis, e);
        Files.writeString(dir.resolve("library_meta.csv"),
                "sample_name,category\nQuartzish,quartz\nFeldsparish,feldspar\nBlackbody,Blackbody\n");
        double[][] fractions = {{0.7, 0.3}, {0.2, 0.8}, {0.5, 0.5}};
        double[][] rocks = new double[3][CHANNELS];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < CHANNELS; c++) {
                rocks[r][c] = 0.1 + 0.9 * (fractions[r][0] * e[0][c] + fractions[r][1] * e[1][c]);
            }
        }
        writeTab(dir.resolve("rocks_tab.txt"), axis, rocks);
        Files.writeString(dir.resolve("rocks_meta.csv"), "sample_name,category,quartz,feldspar\n"
                + "rock A,valid_mixture,0.7,0.3\nrock B,valid_mixture,0.2,0.8\nrock C,valid_mixture,0.5,0.5\n");
    }

    @Test
    void trainsAModelThatBenchUnmixScores() throws Exception {
        Path model = dir.resolve("model.bin");
        Path curve = dir.resolve("loss.csv");
        CliRun.of(train(model, "--epochs", "2", "--samples", "64", "--validation", "16", "--threads", "2",
                "--loss-csv", curve.toString(), "--quiet")).succeeded();
        assertThat(model).isRegularFile();
        // with a spectral library, half the mixtures are made of its measured spectra unless told otherwise
        java.util.Map<String, Object> training = dev.oscilla.io.InverseRenderModelFile.read(model, library).training();
        assertThat(training).containsEntry("measured_spectra", 2);
        assertThat(((java.util.Map<?, ?>) training.get("mixtures")).get("measuredFraction")).isEqualTo(0.5);
        List<String> lines = Files.readAllLines(curve);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("epoch,train_loss,train_spectral,train_abundance,train_group,");
        assertThat(lines.get(2)).startsWith("2,");

        Path json = dir.resolve("ir.json");
        CliRun.of("bench", "unmix", "--mixtures", dir.resolve("rocks_tab.txt").toString(), "--meta",
                dir.resolve("rocks_meta.csv").toString(), "--library", dir.resolve("library_tab.txt").toString(),
                "--library-meta", dir.resolve("library_meta.csv").toString(), "--method", "ir", "--params",
                params.toString(), "--model", model.toString(), "--window", "400:1500", "--threads", "1",
                "--json", json.toString(), "--quiet").succeeded();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("method").asText()).isEqualTo("ir");
        assertThat(report.path("n").asInt()).isEqualTo(3);
        for (String key : List.of("squared_error", "error_L1", "precision", "recall", "rms",
                "median_seconds_per_spectrum", "total_seconds")) {
            assertThat(report.path(key).isNumber()).as(key).isTrue();
        }
        JsonNode rock = report.path("rocks").get(0);
        double quartz = rock.path("predicted").path("quartz").asDouble();
        double feldspar = rock.path("predicted").path("feldspar").asDouble();
        assertThat(quartz + feldspar).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.path("settings").asText()).contains("inverse rendering");

        // ir+abs: the same network guiding analysis-by-synthesis fits the spectra far better than the network alone
        Path both = dir.resolve("irabs.json");
        CliRun.of("bench", "unmix", "--mixtures", dir.resolve("rocks_tab.txt").toString(), "--meta",
                dir.resolve("rocks_meta.csv").toString(), "--library", dir.resolve("library_tab.txt").toString(),
                "--library-meta", dir.resolve("library_meta.csv").toString(), "--method", "ir+abs", "--params",
                params.toString(), "--model", model.toString(), "--window", "400:1500", "--threads", "1",
                "--json", both.toString(), "--quiet").succeeded();
        JsonNode guided = new ObjectMapper().readTree(both.toFile());
        assertThat(guided.path("method").asText()).isEqualTo("ir+abs");
        assertThat(guided.path("settings").asText()).contains("at most 2 sweeps");
        assertThat(guided.path("rms").asDouble()).isLessThan(0.5 * report.path("rms").asDouble());
    }

    @Test
    void aModelOfAnotherLibraryIsAOneLineError() throws Exception {
        Path model = dir.resolve("model.bin");
        CliRun.of(train(model, "--epochs", "1", "--samples", "16", "--validation", "0", "--quiet")).succeeded();
        double[] p = library.get(1).parameters();
        p[2] *= 1.01;
        Path edited = dir.resolve("edited.json");
        LibraryJson.write(library.with(library.get(1).withParameters(p)), edited);
        String error = CliRun.of("bench", "unmix", "--mixtures", dir.resolve("rocks_tab.txt").toString(), "--meta",
                dir.resolve("rocks_meta.csv").toString(), "--library", dir.resolve("library_tab.txt").toString(),
                "--library-meta", dir.resolve("library_meta.csv").toString(), "--method", "ir", "--params",
                edited.toString(), "--model", model.toString(), "--window", "400:1500", "--json",
                dir.resolve("x.json").toString(), "--quiet").userError();
        assertThat(error).contains("model.bin").contains("mineral 'Feldsparish' has other oscillator parameters");
    }

    @Test
    void inconsistentOptionsAreOneLineErrors() {
        assertThat(CliRun.of("train", "--library", params.toString(), "--out", dir.resolve("m.bin").toString(),
                "--axis", "400:1500:20", "--measured-fraction", "0.5").userError())
                .contains("--measured-fraction needs --spectral-library");
        assertThat(CliRun.of("train", "--library", params.toString(), "--out", dir.resolve("m.bin").toString())
                .userError()).contains("give --spectral-library or --axis");
        assertThat(CliRun.of("train", "--library", params.toString(), "--out", dir.resolve("m.bin").toString(),
                "--axis", "400:1500:20", "--snr", "30").userError()).contains("--snr must be MIN:MAX");
        assertThat(CliRun.of("bench", "unmix", "--mixtures", dir.resolve("rocks_tab.txt").toString(), "--meta",
                dir.resolve("rocks_meta.csv").toString(), "--library", dir.resolve("library_tab.txt").toString(),
                "--library-meta", dir.resolve("library_meta.csv").toString(), "--method", "ir", "--json",
                dir.resolve("x.json").toString()).userError()).contains("method ir needs --params");
    }

    @Test
    void trainsFromAnAxisAndMeasuredSpectraToo() {
        Path model = dir.resolve("axis.bin");
        CliRun.of("train", "--library", params.toString(), "--axis", "400:1500:20", "--out", model.toString(),
                "--epochs", "1", "--samples", "16", "--validation", "0", "--quiet").succeeded();
        assertThat(model).isRegularFile();
        CliRun.of(train(dir.resolve("measured.bin"), "--epochs", "1", "--samples", "16", "--validation", "0",
                "--measured-fraction", "0.5", "--quiet")).succeeded();
    }

    private String[] train(Path model, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--library", params.toString(),
                "--spectral-library", dir.resolve("library_tab.txt").toString(), "--spectral-library-meta",
                dir.resolve("library_meta.csv").toString(), "--window", "400:1500", "--out", model.toString()));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    private static void writeTab(Path file, double[] axis, double[][] columns) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < axis.length; c++) {
            sb.append(String.format(Locale.ROOT, "%.6f", axis[c]));
            for (double[] col : columns) {
                sb.append('\t').append(String.format(Locale.ROOT, "%.9f", col[c]));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
    }
}
