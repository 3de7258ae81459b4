package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every malformed spectrum file gives a {@link SpectralFileException} naming the file, the 1-based line and
 * column, and the problem.
 */
class SpectrumFileErrorsTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static SpectralFileException failure(Path p) {
        return failure(p, SpectrumReadOptions.defaults());
    }

    private static SpectralFileException failure(Path p, SpectrumReadOptions options) {
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class,
                () -> SpectrumFiles.read(p, options));
        assertThat(e).as("reading %s should fail", p.getFileName()).isNotNull();
        assertThat(e.file()).isEqualTo(p);
        assertThat(e.getMessage()).startsWith(p + ", line " + e.line());
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    private static void assertAt(SpectralFileException e, long line, int column, String problem) {
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(column);
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).contains(", line " + line + ", column " + column + ": ");
    }

    @Test
    void truncatedLastLine() throws Exception {
        Path p = file("cut.csv", "cm-1,a,b\n400,0.1,0.2\n500,0.3,0.4\n600,0.5");
        assertAt(failure(p), 4, 3, "has 2 fields, expected 3 (as on line 1); the file looks truncated");
    }

    @Test
    void textInANumberColumn() throws Exception {
        Path p = file("text.csv", "cm-1,a,b\n400,0.1,0.2\n500,0.3,oops\n600,0.5,0.6\n");
        assertAt(failure(p), 3, 3, "\"oops\" is not a number");
    }

    @Test
    void emptyFile() throws Exception {
        assertAt(failure(file("empty.csv", "")), 1, 1, "is empty (no data rows)");
        assertAt(failure(file("blank.csv", "\n  \n\n")), 1, 1, "is empty (no data rows)");
    }

    @Test
    void onlyComments() throws Exception {
        assertAt(failure(file("comments.csv", "# a\n# b\n")), 1, 1, "has only comment lines");
    }

    @Test
    void headerOnly() throws Exception {
        Path p = file("header.csv", "# instrument export\nwavenumber,quartz\n");
        assertAt(failure(p), 2, 1, "has a header but no data rows");
    }

    @Test
    void singleChannel() throws Exception {
        Path p = file("one.csv", "wavenumber,quartz\n400,0.9\n");
        assertAt(failure(p), 2, 1, "has a single data row; a spectrum needs at least two channels");
    }

    @Test
    void singleDistinctChannelAfterDuplicatesAreDropped() throws Exception {
        Path p = file("same.csv", "400,0.9\n400,0.9\n");
        assertAt(failure(p), 1, 1, "all 2 channels have the same axis value");
    }

    @Test
    void singleColumn() throws Exception {
        Path p = file("col.csv", "400\n500\n");
        assertAt(failure(p), 1, 1, "has a single column");
    }

    @Test
    void nanOnlyColumn() throws Exception {
        Path p = file("nan.csv", "cm-1,good,broken\n400,0.1,NaN\n500,0.2,\n600,0.3,nan\n");
        assertAt(failure(p), 1, 3, "column \"broken\" has no numeric value");
    }

    @Test
    void nanOnlyColumnWithoutHeaderIsNamedByNumber() throws Exception {
        Path p = file("nan2.txt", "400 0.1 NaN\n500 0.2 NaN\n");
        assertAt(failure(p), 1, 3, "column \"nan2#2\" has no numeric value");
    }

    @Test
    void mismatchedColumnCountsInTheMiddle() throws Exception {
        Path p = file("ragged.csv", "cm-1,a,b\n400,0.1,0.2\n500,0.3,0.4,0.9\n600,0.5,0.6\n");
        assertAt(failure(p), 3, 4, "has 4 fields, expected 3 (as on line 1)");
        assertThat(failure(p).problem()).doesNotContain("truncated");
    }

    @Test
    void unknownAxisUnitInTheHeader() throws Exception {
        Path p = file("ev.csv", "Energy (eV),a\n0.1,0.5\n0.2,0.6\n");
        assertAt(failure(p), 1, 1, "names a unit Oscilla does not convert (eV)");
    }

    @Test
    void unknownAxisUnitWordInTheHeader() throws Exception {
        Path p = file("thz.csv", "frequency_THz,a\n10,0.5\n20,0.6\n");
        assertAt(failure(p), 1, 1, "names a unit Oscilla does not convert");
    }

    @Test
    void ambiguousUnitlessAxisAsksForTheOption() throws Exception {
        Path p = file("small.txt", "# no header\n2.5 0.9\n25 0.95\n50 0.97\n");
        SpectralFileException e = failure(p);
        assertAt(e, 2, 1, "cannot tell the axis unit");
        assertThat(e.problem()).contains("--x-unit um").contains("2.5-50");
    }

    @Test
    void ambiguousWavelengthHeader() throws Exception {
        Path p = file("wl.csv", "wavelength,a\n200,0.5\n2500,0.6\n");
        SpectralFileException e = failure(p);
        assertAt(e, 1, 1, "could be micrometres or nanometres");
        assertThat(e.problem()).contains("--x-unit um or --x-unit nm");
    }

    @Test
    void duplicatedAxisWithConflictingValuesNamesBothLines() throws Exception {
        Path p = file("conflict.csv", "cm-1,a,b\n400,0.1,0.2\n500,0.3,0.4\n500,0.3,0.45\n");
        SpectralFileException e = failure(p);
        assertAt(e, 4, 3, "axis value 500.0 appears on lines 3 and 4 with different values in column 3");
        assertThat(e.problem()).contains("(0.4 vs 0.45)");
    }

    @Test
    void duplicatedWavelengthWithConflictingValues() throws Exception {
        Path p = file("conflict_um.csv", "um,a\n10,0.1\n8,0.2\n10,0.3\n");
        assertAt(failure(p), 4, 2, "appears on lines 2 and 4");
    }

    @Test
    void nonPositiveAxisValue() throws Exception {
        Path p = file("zero.csv", "cm-1,a\n400,0.1\n0,0.2\n");
        assertAt(failure(p), 3, 1, "axis value 0 is not positive");
        Path q = file("negative.csv", "um,a\n10,0.1\n-8,0.2\n");
        assertAt(failure(q), 3, 1, "axis value -8 is not positive");
    }

    @Test
    void missingAxisValue() throws Exception {
        Path p = file("noaxis.csv", "cm-1,a\n400,0.1\n,0.2\n");
        assertAt(failure(p), 3, 1, "axis value is missing");
    }

    @Test
    void binaryGarbage() throws Exception {
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        garbage[0] = '4';
        garbage[1] = '0';
        garbage[2] = '0';
        garbage[3] = 0;
        Path p = dir.resolve("garbage.csv");
        Files.write(p, garbage);
        assertAt(failure(p), 1, 4, "binary content (byte 0x00 at offset 3)");
    }

    @Test
    void binaryContentOnALaterLine() throws Exception {
        Path p = dir.resolve("late.csv");
        Files.write(p, "cm-1,a\n400,0.5\n50\u00010,0.6\n".getBytes(StandardCharsets.UTF_8));
        assertAt(failure(p), 3, 3, "binary content (byte 0x01");
    }

    @Test
    void mixedDecimalMarks() throws Exception {
        Path p = file("mixed.txt", "1000,5 0,95\n1001.5 0,96\n");
        SpectralFileException e = failure(p);
        assertAt(e, 2, 1, "numbers mix decimal marks: \"1001.5\" here but \"1000,5\" on line 1, column 1");
    }

    @Test
    void decimalPointInAForcedDecimalCommaFile() throws Exception {
        Path p = file("forced.csv", "cm-1;a\n400;0,5\n500;0.6\n");
        SpectralFileException e = failure(p, SpectrumReadOptions.builder()
                .decimalMark(SpectrumReadOptions.DecimalMark.COMMA).build());
        assertAt(e, 3, 2, "\"0.6\" is not a number (it has a decimal point");
    }

    @Test
    void unterminatedQuote() throws Exception {
        Path p = file("quote.csv", "cm-1,a,b\n400,0.5,\"0.6\n500,0.5,0.6\n");
        assertAt(failure(p), 2, 3, "malformed quoted cell");
    }

    @Test
    void unknownColumnName() throws Exception {
        Path p = file("cols.csv", "cm-1,quartz\n400,0.5\n500,0.6\n");
        SpectralFileException e = failure(p, SpectrumReadOptions.builder().spectrumColumns(List.of("calcite")).build());
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("no column named \"calcite\" (columns: cm-1, quartz)");
    }

    @Test
    void columnNumberOutOfRange() throws Exception {
        Path p = file("cols2.csv", "400,0.5\n500,0.6\n");
        SpectralFileException e = failure(p, SpectrumReadOptions.builder().spectrumColumns(List.of("5")).build());
        assertThat(e.problem()).contains("spectrum column 5 does not exist (the file has 2 columns)");
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nothing.csv");
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> SpectrumFiles.read(p));
        assertThat(e.getMessage()).isEqualTo(p + ": no such file");
    }
}
