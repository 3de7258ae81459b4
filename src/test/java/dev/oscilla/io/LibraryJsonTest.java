package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned JSON library: exact round trips, conventions converted on read, errors naming the line. */
@UsesSharedData
class LibraryJsonTest {

    @TempDir
    Path dir;

    private MineralLibrary roundTrip(MineralLibrary lib) throws SpectralFileException {
        Path file = dir.resolve("lib.json");
        LibraryJson.write(lib, file);
        return LibraryJson.read(file);
    }

    @Test
    void everyDoubleIsWrittenAndReadBitForBit() throws Exception {
        Random rnd = new Random(17);
        List<Mineral> minerals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Oscillator> oscillators = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                // magnitudes from subnormal to huge: the shortest-repr text must parse back to the same bits
                oscillators.add(new Oscillator(Math.pow(10, -300 + 600 * rnd.nextDouble()),
                        j == 0 ? Double.MIN_VALUE : Math.pow(10, -320 + 330 * rnd.nextDouble()),
                        Math.nextUp(Math.pow(10, -5 + 5 * rnd.nextDouble()))));
            }
            minerals.add(new Mineral("m" + i, "", List.of(new Mode(1 + rnd.nextDouble(), rnd.nextDouble(),
                    oscillators))));
        }
        MineralLibrary lib = new MineralLibrary("bits", "", minerals);
        MineralLibrary back = roundTrip(lib);
        for (int i = 0; i < lib.size(); i++) {
            double[] a = lib.get(i).parameters();
            double[] b = back.get(i).parameters();
            assertThat(b).hasSameSizeAs(a);
            for (int k = 0; k < a.length; k++) {
                assertThat(Double.doubleToRawLongBits(b[k])).as("mineral %d parameter %d", i, k)
                        .isEqualTo(Double.doubleToRawLongBits(a[k]));
            }
        }
    }

    @Test
    void structureBoundsBlackbodyAndTextRoundTrip() throws Exception {
        MineralLibrary lib = TestLibraries.mixed(9);
        MineralLibrary back = roundTrip(lib);
        assertThat(back).isEqualTo(lib);
        Mineral bounded = back.get(0);
        ParameterBounds b = bounded.bounds();
        assertThat(b.lower(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(b.upper(3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.lower(4)).isEqualTo(b.upper(4));
        assertThat(back.get(1).modes().get(1).oscillators()).isEmpty();
        assertThat(back.get(2).isBlackbody()).isTrue();
    }

    @Test
    void openBoundSidesAreWrittenAsNull() {
        Mineral m = new Mineral("Q", "", List.of(new Mode(2, 1, List.of(new Oscillator(1000, 0.5, 0.01)))));
        double inf = Double.POSITIVE_INFINITY;
        Mineral bounded = m.withBounds(new ParameterBounds(new double[] {1, -inf, 900, 0, -inf},
                new double[] {inf, inf, 1100, inf, 0.1}));
        String json = LibraryJson.toJson(new MineralLibrary("l", "", List.of(bounded)));
        assertThat(json.replaceAll("\\s", "")).contains("\"eps_inf\":[1.0,null]").doesNotContain("\"weight\":[")
                .contains("\"omega0\":[900.0,1100.0]").contains("\"S\":[0.0,null]").contains("\"gamma\":[null,0.1]");
    }

    @Test
    void feelyParametersRoundTripThroughJson() throws Exception {
        MineralLibrary feely = LibraryFiles.read(SharedData.feely("feely_params.hdf"));
        MineralLibrary back = roundTrip(feely);
        assertThat(back).isEqualTo(feely);
        assertThat(back.totalOscillators()).isEqualTo(1099);
    }

    @Test
    void rhoAndAbsoluteDampingAreConvertedOnRead() throws Exception {
        MineralLibrary lib = LibraryJson.parse(Path.of("conv.json"), """
                {"format": "oscilla-library", "version": 1, "minerals": [
                  {"name": "Q", "modes": [{"eps_inf": 2.0, "oscillators": [
                    {"omega0": 1000.0, "rho": 0.1, "gamma_cm": 20.0}]}]}]}
                """);
        Oscillator o = lib.get(0).modes().get(0).oscillators().get(0);
        assertThat(o.strength()).isEqualTo(4 * Math.PI * 0.1);
        assertThat(o.gamma()).isEqualTo(0.02);
        // written back in the stored convention only
        String json = LibraryJson.toJson(lib);
        assertThat(json).contains("\"S\"").contains("\"gamma\"").doesNotContain("rho").doesNotContain("gamma_cm");
    }

    // ----------------------------------------------------------------------------------------------- errors

    private SpectralFileException failure(String json) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> LibraryJson.read(file));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(file);
        return e;
    }

    private static void assertLine(SpectralFileException e, long line, String problem) {
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.getMessage()).contains(", line " + line + ", column ");
        assertThat(e.problem()).contains(problem);
    }

    private static String mineral(String oscillator) {
        return "{\"format\": \"oscilla-library\", \"version\": 1,\n"
                + "\"minerals\": [\n"
                + "  {\"name\": \"Q\", \"modes\": [{\"eps_inf\": 2.0, \"oscillators\": [\n"
                + "    " + oscillator + "\n"
                + "  ]}]}\n"
                + "]}\n";
    }

    @Test
    void missingFormat() throws Exception {
        assertLine(failure("\n{\"version\": 1, \"minerals\": []}"), 2, "missing \"format\": \"oscilla-library\"");
    }

    @Test
    void wrongFormat() throws Exception {
        assertLine(failure("{\n\"format\": \"something-else\",\n\"version\": 1, \"minerals\": []}"), 2,
                "format is \"something-else\", expected \"oscilla-library\"");
    }

    @Test
    void newerVersion() throws Exception {
        assertLine(failure("{\"format\": \"oscilla-library\",\n\n\"version\": 7, \"minerals\": []}"), 3,
                "library format version 7 is newer than this Oscilla reads (1)");
    }

    @Test
    void missingOmega0() throws Exception {
        assertLine(failure(mineral("{\"S\": 0.5, \"gamma\": 0.01}")), 4, "missing \"omega0\"");
    }

    @Test
    void negativeStrength() throws Exception {
        assertLine(failure(mineral("{\"omega0\": 1000, \"S\": -0.5, \"gamma\": 0.01}")), 4,
                "oscillator strength S = 4*pi*rho must be >= 0, got -0.5");
    }

    @Test
    void nonPositiveGamma() throws Exception {
        assertLine(failure(mineral("{\"omega0\": 1000, \"S\": 0.5, \"gamma\": 0}")), 4, "damping gamma must be > 0");
        assertLine(failure(mineral("{\"omega0\": 1000, \"S\": 0.5, \"gamma_cm\": -3}")), 4,
                "damping gamma must be > 0");
    }

    @Test
    void duplicateMineralNames() throws Exception {
        assertLine(failure("{\"format\": \"oscilla-library\", \"version\": 1, \"minerals\": [\n"
                + "{\"name\": \"Quartz\", \"modes\": []},\n"
                + "{\"name\": \"quartz\", \"modes\": []}\n"
                + "]}"), 3, "a second mineral is named \"quartz\"");
    }

    @Test
    void malformedJson() throws Exception {
        SpectralFileException e = failure("{\"format\": \"oscilla-library\",\n\"version\": 1,\n\"minerals\": [\n"
                + "{\"name\": \"Q\" \"modes\": []}\n]}");
        assertLine(e, 4, "malformed JSON");
        assertThat(e.column()).isGreaterThan(0);
    }
}
