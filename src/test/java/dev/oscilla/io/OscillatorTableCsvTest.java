package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flat oscillator table: layout, exact round trips, spreadsheet edits, and errors naming line and column. */
@UsesSharedData
class OscillatorTableCsvTest {

    @TempDir
    Path dir;

    private static final String HEADER = "mineral,category,mode,eps_inf,weight,oscillator,omega0_cm-1,S,rho,gamma,"
            + "width_cm-1,source";

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void everyMineralModeOscillatorAndBoundRoundTripsExactly() throws Exception {
        MineralLibrary lib = TestLibraries.mixed(3);
        Path file = dir.resolve("lib.csv");
        OscillatorTableCsv.write(lib, file);
        MineralLibrary back = OscillatorTableCsv.read(file);
        // Mineral, Mode and Oscillator are records (doubles compared bit for bit) and bounds compare arrays.
        assertThat(back.minerals()).isEqualTo(lib.minerals());
        assertThat(back.name()).isEqualTo("lib");
    }

    @Test
    void feelyParametersRoundTripThroughTheTable() throws Exception {
        MineralLibrary feely = LibraryFiles.read(SharedData.feely("feely_params.hdf"));
        Path file = dir.resolve("feely.csv");
        OscillatorTableCsv.write(feely, file);
        assertThat(Files.readAllLines(file)).hasSize(1 + feely.totalOscillators());
        assertThat(LibraryFiles.read(file).minerals()).isEqualTo(feely.minerals());
    }

    @Test
    void layoutHasOneRowPerOscillatorWithDerivedColumns() {
        Mineral m = new Mineral("Q", "quartz", List.of(new Mode(2.0, 1.0, List.of(new Oscillator(1000, 0.5, 0.01),
                new Oscillator(500, 0.25, 0.02)))));
        String csv = OscillatorTableCsv.toCsv(new MineralLibrary("l", "", List.of(m, Mineral.blackbody())));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines.get(1)).isEqualTo("Q,quartz,1,2.0,1.0,1,1000.0,0.5," + 0.5 / (4 * Math.PI) + ",0.01,10.0,");
        assertThat(lines.get(2)).startsWith("Q,quartz,1,2.0,1.0,2,500.0,0.25,");
        assertThat(lines.get(3)).isEqualTo("Blackbody,Blackbody,,,,,,,,,,\"ideal blackbody, emissivity 1\"");
        assertThat(lines).hasSize(4);
    }

    @Test
    void boundColumnsAppearWhenAMineralHasBounds() {
        String header = OscillatorTableCsv.toCsv(TestLibraries.mixed(1)).lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo("mineral,category,mode,eps_inf,weight,oscillator,omega0_cm-1,S,rho,gamma,"
                + "width_cm-1,omega0_min,omega0_max,S_min,S_max,gamma_min,gamma_max,eps_inf_min,eps_inf_max,"
                + "weight_min,weight_max,source");
    }

    @Test
    void rowsSortedInASpreadsheetReadBackInOscillatorOrder() throws Exception {
        MineralLibrary lib = TestLibraries.mixed(5);
        List<String> lines = new ArrayList<>(OscillatorTableCsv.toCsv(lib).lines().toList());
        String header = lines.remove(0);
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(2));
        // mineral order follows first appearance, so put one row of each back in library order first
        List<String> rows = new ArrayList<>();
        for (Mineral m : lib.minerals()) {
            String prefix = CsvTables.quote(m.name()) + ",";
            String firstRow = shuffled.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
            shuffled.remove(firstRow);
            rows.add(firstRow);
        }
        rows.addAll(shuffled);
        Path file = write("sorted.csv", header + "\n" + String.join("\n", rows) + "\n");
        assertThat(OscillatorTableCsv.read(file).minerals()).isEqualTo(lib.minerals());
    }

    @Test
    void rhoAndWidthAloneAreConvertedToSAndGamma() throws Exception {
        Path file = write("alt.csv", "mineral,mode,eps_inf,oscillator,omega0_cm-1,rho,width_cm-1\n"
                + "Q,1,2.5,1,1000,0.1,20\n");
        Oscillator o = OscillatorTableCsv.read(file).get(0).modes().get(0).oscillators().get(0);
        assertThat(o.strength()).isEqualTo(4 * Math.PI * 0.1);
        assertThat(o.gamma()).isEqualTo(0.02);
        assertThat(OscillatorTableCsv.read(file).get(0).modes().get(0).weight()).isEqualTo(1.0);
    }

    @Test
    void deletedRowsLeaveGapsThatAreAllowed() throws Exception {
        Path file = write("gap.csv", HEADER + "\nQ,,1,2,1,1,1000,0.5,,0.01,,\nQ,,1,2,1,3,500,0.2,,0.02,,\n");
        Mineral q = OscillatorTableCsv.read(file).get(0);
        assertThat(q.modes().get(0).oscillators()).extracting(Oscillator::omega0).containsExactly(1000.0, 500.0);
    }

    @Test
    void semicolonTableWithDecimalCommasFromAEuropeanSpreadsheet() throws Exception {
        Path file = write("eu.csv", HEADER.replace(',', ';') + "\nQ;q;1;2,5;1;1;1000,5;0,5;;0,01;;\n");
        Mineral q = OscillatorTableCsv.read(file).get(0);
        assertThat(q.modes().get(0).epsInf()).isEqualTo(2.5);
        assertThat(q.modes().get(0).oscillators().get(0).omega0()).isEqualTo(1000.5);
        assertThat(q.modes().get(0).oscillators().get(0).gamma()).isCloseTo(0.01, within(0.0));
    }

    @Test
    void aFailedWriteLeavesThePreviousTableIntact() throws Exception {
        Path file = dir.resolve("kept.csv");
        OscillatorTableCsv.write(TestLibraries.mixed(1), file);
        String before = Files.readString(file);
        MineralLibrary bad = TestLibraries.mixed(2).with(Mineral.blackbody().withName("Zz").withCategory("two\nlines"));
        assertThatThrownBy(() -> OscillatorTableCsv.write(bad, file)).isInstanceOf(SpectralFileException.class)
                .hasMessageContaining("must be single lines");
        assertThat(Files.readString(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    // ----------------------------------------------------------------------------------------------- errors

    private SpectralFileException failure(String content) throws IOException {
        Path p = write("bad.csv", content);
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> OscillatorTableCsv.read(p));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(p);
        return e;
    }

    private static void assertAt(SpectralFileException e, long line, int column, String problem) {
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(column);
        assertThat(e.problem()).contains(problem);
    }

    @Test
    void sAndRhoThatDisagree() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000,0.5,0.5,0.01,,\n"), 2, 9, "S = 0.5 and rho = 0.5 disagree");
    }

    @Test
    void widthThatDisagreesWithGammaTimesOmega0() throws Exception {
        // the user moved omega0 and left the derived width as it was
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1100,0.5,,0.01,10.0,\n"), 2, 11,
                "width_cm-1 = 10.0 disagrees with gamma * omega0 = 11.0");
    }

    @Test
    void negativeStrength() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000,-0.5,,0.01,,\n"), 2, 8, "must be >= 0, got -0.5");
    }

    @Test
    void nonPositiveGamma() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000,0.5,,0,,\n"), 2, 10, "gamma must be > 0");
    }

    @Test
    void missingOmega0() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,,0.5,,0.01,,\n"), 2, 7, "omega0_cm-1 is empty");
    }

    @Test
    void textInANumberCell() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000,strong,,0.01,,\n"), 2, 8, "\"strong\" is not a number");
    }

    @Test
    void modeValuesThatDifferBetweenRowsOfOneMode() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000,0.5,,0.01,,\nQ,,1,2.1,1,2,900,0.5,,0.01,,\n"), 3, 4,
                "eps_inf 2.1 differs from 2 on line 2");
    }

    @Test
    void categoryThatDiffersBetweenRowsOfOneMineral() throws Exception {
        assertAt(failure(HEADER + "\nQ,a,1,2,1,1,1000,0.5,,0.01,,\nQ,b,1,2,1,2,900,0.5,,0.01,,\n"), 3, 2,
                "category \"b\" differs from \"a\" on line 2");
    }

    @Test
    void duplicatedOscillatorNumber() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000,0.5,,0.01,,\nQ,,1,2,1,1,900,0.5,,0.01,,\n"), 3, 6,
                "oscillator 1 also appears on line 2");
    }

    @Test
    void mineralNamesThatDifferOnlyInCase() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000,0.5,,0.01,,\nq,,1,2,1,1,900,0.5,,0.01,,\n"), 3, 1,
                "differ only in case");
    }

    @Test
    void unknownColumn() throws Exception {
        assertAt(failure("mineral,mode,eps_inf,oscillator,omega0_cm-1,S,gamma,omega_min\nQ,1,2,1,1000,0.5,0.01,9\n"),
                1, 8, "unknown column \"omega_min\"");
    }

    @Test
    void missingRequiredColumn() throws Exception {
        SpectralFileException e = failure("mineral,mode,eps_inf,oscillator,omega0_cm-1,S\nQ,1,2,1,1000,0.5\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("missing column \"gamma\" (or \"width_cm-1\")");
    }

    @Test
    void boundsInTheWrongOrder() throws Exception {
        assertAt(failure("mineral,mode,eps_inf,oscillator,omega0_cm-1,S,gamma,omega0_min,omega0_max\n"
                + "Q,1,2,1,1000,0.5,0.01,1100,900\n"), 2, 8, "omega0_min 1100.0 exceeds the upper bound 900.0");
    }

    @Test
    void notATable() throws Exception {
        assertAt(failure("wavenumber,quartz\n400,0.5\n"), 1, 1, "is not an oscillator table");
    }

    @Test
    void rowWithWrongFieldCount() throws Exception {
        assertAt(failure(HEADER + "\nQ,,1,2,1,1,1000\n"), 2, 8, "has 7 fields, the header has 12");
    }

    @Test
    void blackbodyRowWithParameters() throws Exception {
        assertAt(failure(HEADER + "\nB,,,2,,,,,,,,\n"), 2, 4, "eps_inf must be empty");
    }
}
