package dev.oscilla.physics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.InfraRenderHdfReader;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forward model against vectors rendered by the published InfraRender code (../shared/data/reference). */
@UsesSharedData
class ForwardModelReferenceTest {

    @Test
    void reproducesQuartzLikeSingleAxisVector() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.reference("quartz_like_single_axis.csv"));
        // first line: "# eps_inf=...; omega0=...; four_pi_rho=...; gamma=..."
        String[] parts = lines.get(0).substring(1).trim().split(";");
        double epsInf = Double.parseDouble(parts[0].split("=")[1].trim());
        double[] omega0 = numbers(parts[1]);
        double[] s = numbers(parts[2]);
        double[] gamma = numbers(parts[3]);
        List<Oscillator> oscillators = new ArrayList<>();
        for (int j = 0; j < omega0.length; j++) {
            oscillators.add(new Oscillator(omega0[j], s[j], gamma[j]));
        }
        Mineral mineral = new Mineral("quartz-like", "", List.of(new Mode(epsInf, 1.0, oscillators)));
        assertThat(lines.get(1)).isEqualTo("wavenumber,n,k,reflectance,emissivity");
        int rows = lines.size() - 2;
        double[] axis = new double[rows];
        double[][] expected = new double[4][rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 2).split(",");
            axis[r] = Double.parseDouble(cells[0]);
            for (int q = 0; q < 4; q++) {
                expected[q][r] = Double.parseDouble(cells[q + 1]);
            }
        }
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        Quantity[] quantities = {Quantity.N, Quantity.K, Quantity.REFLECTANCE, Quantity.EMISSIVITY};
        double[] out = new double[rows];
        for (int q = 0; q < 4; q++) {
            evaluator.evaluate(mineral, quantities[q], out);
            double worst = 0;
            for (int r = 0; r < rows; r++) {
                worst = Math.max(worst, Math.abs(out[r] - expected[q][r]));
            }
            assertThat(worst).as("max |error| of %s over %d channels", quantities[q], rows).isLessThan(1e-12);
        }
    }

    @Test
    void reproducesEveryFeelyModelFromTheHdfImport() throws Exception {
        MineralLibrary library = InfraRenderHdfReader.read(SharedData.feely("feely_params.hdf"));
        List<String> lines = Files.readAllLines(SharedData.reference("forward_feely_params.csv"));
        String[] header = lines.get(0).split(",");
        int rows = lines.size() - 1;
        double[] axis = new double[rows];
        double[][] expected = new double[header.length - 1][rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(",");
            axis[r] = Double.parseDouble(cells[0]);
            for (int m = 1; m < header.length; m++) {
                expected[m - 1][r] = Double.parseDouble(cells[m]);
            }
        }
        assertThat(library.size()).isEqualTo(header.length - 1);
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        double[] out = new double[rows];
        for (int m = 1; m < header.length; m++) {
            Mineral mineral = library.require(header[m]);
            evaluator.evaluate(mineral, Quantity.EMISSIVITY, out);
            double worst = 0;
            for (int r = 0; r < rows; r++) {
                worst = Math.max(worst, Math.abs(out[r] - expected[m - 1][r]));
            }
            assertThat(worst).as("max |error| for %s", header[m]).isLessThan(1e-10);
        }
    }

    private static double[] numbers(String assignment) {
        String[] tokens = assignment.split("=")[1].trim().split("\\s+");
        double[] out = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = Double.parseDouble(tokens[i]);
        }
        return out;
    }
}
