package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.LibraryJson;
import dev.oscilla.physics.Mineral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --window, fit uses the usable range of the file (spectrum.UsableChannels), not its noisy ends. */
class FitDefaultWindowTest {

    @Test
    void theNoisyEndOfAFileIsLeftOutOfTheDefaultWindow(@TempDir Path dir) throws Exception {
        Random r = new Random(1);
        StringBuilder csv = new StringBuilder("wavenumber,sample\n");
        for (int c = 0; c <= 600; c++) {
            double x = 200 + 3 * c;
            double y = 0.96 - 0.4 * Math.exp(-Math.pow((x - 1050) / 40, 2)) + 0.002 * r.nextGaussian();
            if (x < 320) { // an instrument's noise: wild values, many impossible
                y = c % 3 == 0 ? 20 * r.nextGaussian() : 0.5 + 0.3 * r.nextGaussian();
            }
            csv.append(String.format(Locale.ROOT, "%.1f,%.6f%n", x, y));
        }
        Path file = dir.resolve("noisy.csv");
        Files.writeString(file, csv.toString());
        Path out = dir.resolve("m.json");
        CliRun run = CliRun.of("fit", file.toString(), "--modes", "1", "--max-oscillators", "3", "--quiet",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Mineral m = LibraryJson.read(out).get(0);
        // the window recorded in the source starts past the noise
        String window = m.source().replaceAll(".*window ([0-9.]+):.*", "$1");
        assertThat(Double.parseDouble(window)).isGreaterThanOrEqualTo(320);
    }
}
