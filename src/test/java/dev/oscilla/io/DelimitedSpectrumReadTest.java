package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.io.SpectrumReadOptions.DecimalMark;
import dev.oscilla.io.SpectrumReadOptions.ValueScale;
import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the delimited-text reader detects and converts, on small files written for each case. */
class DelimitedSpectrumReadTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static SpectrumSet read(Path p) throws SpectralFileException {
        return SpectrumFiles.read(p);
    }

    @Test
    void commaSeparatedWithHeaderNamesEachSpectrumFromItsColumn() throws Exception {
        SpectrumSet set = read(file("two.csv", "Wavenumber (cm-1),Quartz,Calcite\n"
                + "400,0.91,0.95\n500,0.80,0.96\n600,0.85,0.97\n"));
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(0).name()).isEqualTo("Quartz");
        assertThat(set.get(1).name()).isEqualTo("Calcite");
        assertThat(set.get(0).axis()).containsExactly(400, 500, 600);
        assertThat(set.get(1).values()).containsExactly(0.95, 0.96, 0.97);
        assertThat(set.notes()).contains("read as comma-separated text with a header on line 1",
                "axis unit cm^-1 from the header \"Wavenumber (cm-1)\"");
    }

    @Test
    void headerlessTabTableNamesSpectraAfterTheFileAndColumn() throws Exception {
        SpectrumSet set = read(file("scan.txt", "400\t0.9\t0.8\n410\t0.91\t0.81\n"));
        assertThat(set.spectra()).extracting(Spectrum::name).containsExactly("scan#1", "scan#2");
        assertThat(set.notes()).contains("read as tab-separated text without a header",
                "axis unit not stated; values 400-410 taken as cm^-1");
    }

    @Test
    void aSingleHeaderlessSpectrumIsNamedAfterTheFile() throws Exception {
        SpectrumSet set = read(file("quartz.csv", "400,0.9\n410,0.91\n"));
        assertThat(set.spectra()).extracting(Spectrum::name).containsExactly("quartz");
    }

    @Test
    void semicolonsWithDecimalCommasAreNotConfusedWithCommaDelimiters() throws Exception {
        SpectrumSet set = read(file("eu.csv", "Wellenzahl cm-1;Probe A;Probe B\n"
                + "1000,5;0,951;0,8\n1001,5;0,952;0,81\n1002,5;0,953;0,82\n"));
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(0).axis()).containsExactly(1000.5, 1001.5, 1002.5);
        assertThat(set.get(0).values()).containsExactly(0.951, 0.952, 0.953);
        assertThat(set.get(1).name()).isEqualTo("Probe B");
        assertThat(set.notes()).contains("read as semicolon-separated text with a header on line 1, decimal commas");
    }

    @Test
    void whitespaceSeparatedWithDecimalCommas() throws Exception {
        SpectrumSet set = read(file("ws.txt", "1000,5   0,95\n1001,5   0,96\n"));
        assertThat(set.get(0).axis()).containsExactly(1000.5, 1001.5);
        assertThat(set.get(0).values()).containsExactly(0.95, 0.96);
        assertThat(set.notes().get(0)).contains("whitespace-separated").contains("decimal commas");
    }

    @Test
    void quotedDecimalCommasInACommaSeparatedFile() throws Exception {
        SpectrumSet set = read(file("quoted.csv", "\"1000,5\",\"0,95\"\n\"1001,5\",\"0,96\"\n"));
        assertThat(set.get(0).axis()).containsExactly(1000.5, 1001.5);
        assertThat(set.get(0).values()).containsExactly(0.95, 0.96);
    }

    @Test
    void commentsBlankLinesByteOrderMarkAndCrLfAreHandled() throws Exception {
        Path p = dir.resolve("bom.csv");
        byte[] body = ("# exported by some instrument\r\n\r\nwavenumber,emissivity\r\n# mid-file remark\r\n"
                + "400,0.9\r\n410,0.91\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(p, withBom);
        SpectrumSet set = read(p);
        assertThat(set.get(0).name()).isEqualTo("emissivity");
        assertThat(set.get(0).kind()).isEqualTo(SpectrumKind.EMISSIVITY);
        assertThat(set.get(0).values()).containsExactly(0.9, 0.91);
        assertThat(set.notes()).contains("read as comma-separated text with a header on line 3");
    }

    @Test
    void latin1HeaderWithMicroSignIsReadAsMicrometres() throws Exception {
        Path p = dir.resolve("latin1.csv");
        Files.write(p, "Wavelength (\u00b5m),R\n10,0.1\n20,0.2\n".getBytes(StandardCharsets.ISO_8859_1));
        SpectrumSet set = read(p);
        assertThat(set.get(0).axis()).containsExactly(500, 1000);
        assertThat(set.notes()).contains("not valid UTF-8; read as ISO-8859-1 (Latin-1) text");
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws Exception {
        Path p = dir.resolve("utf16.txt");
        byte[] body = "cm-1\tE\r\n400\t0.5\r\n500\t0.6\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(p, withBom);
        SpectrumSet set = read(p);
        assertThat(set.get(0).values()).containsExactly(0.5, 0.6);
        assertThat(set.notes()).contains("read as UTF-16 text");
    }

    @Test
    void micrometresAreConvertedToWavenumbersAndSortedAscending() throws Exception {
        SpectrumSet set = read(file("um.csv", "wavelength_um,sample\n8,0.90\n10,0.95\n12.5,0.97\n"));
        Spectrum s = set.get(0);
        assertThat(s.axis()).containsExactly(800, 1000, 1250);
        assertThat(s.values()).containsExactly(0.97, 0.95, 0.90);
        assertThat(set.notes()).contains("axis unit um from the header \"wavelength_um\"",
                "axis in micrometres converted to cm^-1 (10^4 / um) and sorted ascending");
    }

    @Test
    void nanometresAreConvertedToWavenumbers() throws Exception {
        SpectrumSet set = read(file("nm.csv", "lambda (nm),r\n10000,0.2\n5000,0.3\n"));
        assertThat(set.get(0).axis()).containsExactly(1000, 2000);
        assertThat(set.get(0).values()).containsExactly(0.2, 0.3);
        assertThat(set.notes()).contains("axis in nanometres converted to cm^-1 (10^7 / nm)");
    }

    @Test
    void wavelengthWithoutUnitIsMicrometresWhenSmall() throws Exception {
        SpectrumSet set = read(file("wl.csv", "Wavelength,E\n5,0.9\n25,0.95\n"));
        assertThat(set.get(0).axis()).containsExactly(400, 2000);
        assertThat(set.notes().get(1)).contains("taken as micrometres");
    }

    @Test
    void forcedAxisUnitResolvesValuesThatCouldBeMicrometres() throws Exception {
        Path p = file("ambiguous.txt", "5 0.9\n10 0.95\n20 0.97\n");
        SpectrumSet set = SpectrumFiles.read(p,
                SpectrumReadOptions.builder().axisUnit(AxisUnit.MICROMETRE).build());
        assertThat(set.get(0).axis()).containsExactly(500, 1000, 2000);
        assertThat(set.notes()).contains("axis unit um set by option");
    }

    @Test
    void percentFromHeaderIsDividedBy100() throws Exception {
        SpectrumSet set = read(file("pct.csv", "cm-1,Reflectance (%)\n400,5\n500,40\n"));
        assertThat(set.get(0).values()).containsExactly(0.05, 0.4);
        assertThat(set.get(0).kind()).isEqualTo(SpectrumKind.REFLECTANCE);
        assertThat(set.notes()).contains("values in percent (header \"Reflectance (%)\") divided by 100");
    }

    @Test
    void percentFromValuesIsDividedBy100() throws Exception {
        SpectrumSet set = read(file("e.csv", "cm-1,a,b\n400,95,90\n500,96,91\n600,97,92\n"));
        assertThat(set.get(0).values()).containsExactly(0.95, 0.96, 0.97);
        assertThat(set.get(1).values()).containsExactly(0.9, 0.91, 0.92);
        assertThat(set.notes()).contains("values in percent (median 93.5) divided by 100");
    }

    @Test
    void noisyFractionsAreNotMistakenForPercent() throws Exception {
        // like the ASU data: a few channels far above 1 at low wavenumber, the bulk fractions
        SpectrumSet set = read(file("noisy.csv", "cm-1,rock\n200,12.6\n210,-3.5\n400,0.95\n500,0.96\n600,0.97\n"));
        assertThat(set.get(0).values()).containsExactly(12.6, -3.5, 0.95, 0.96, 0.97);
        assertThat(set.notes()).contains("values taken as fractions (median 0.96); channels up to 12.6 kept as read");
    }

    @Test
    void opticalConstantColumnsAreNeverPercent() throws Exception {
        SpectrumSet set = read(file("nk.csv", "wavenumber,n\n400,2.1\n500,2.3\n"));
        assertThat(set.get(0).values()).containsExactly(2.1, 2.3);
    }

    @Test
    void forcedScaleOverridesDetection() throws Exception {
        Path p = file("scale.csv", "cm-1,a\n400,0.5\n500,0.6\n");
        SpectrumSet set = SpectrumFiles.read(p, SpectrumReadOptions.builder().valueScale(ValueScale.PERCENT).build());
        assertThat(set.get(0).values()).containsExactly(0.005, 0.006);
        Path q = file("fraction.csv", "cm-1,a\n400,50\n500,60\n");
        SpectrumSet kept = SpectrumFiles.read(q,
                SpectrumReadOptions.builder().valueScale(ValueScale.FRACTION).build());
        assertThat(kept.get(0).values()).containsExactly(50, 60);
    }

    @Test
    void descendingAxisIsSortedWithItsColumns() throws Exception {
        SpectrumSet set = read(file("desc.csv", "cm-1,a,b\n600,0.3,0.6\n500,0.2,0.5\n400,0.1,0.4\n"));
        assertThat(set.get(0).axis()).containsExactly(400, 500, 600);
        assertThat(set.get(0).values()).containsExactly(0.1, 0.2, 0.3);
        assertThat(set.get(1).values()).containsExactly(0.4, 0.5, 0.6);
        assertThat(set.notes()).contains("axis was descending; sorted ascending");
    }

    @Test
    void unsortedAxisIsSortedWithItsColumns() throws Exception {
        SpectrumSet set = read(file("mixed.csv", "cm-1,a\n500,0.2\n400,0.1\n600,0.3\n"));
        assertThat(set.get(0).axis()).containsExactly(400, 500, 600);
        assertThat(set.get(0).values()).containsExactly(0.1, 0.2, 0.3);
        assertThat(set.notes()).contains("axis was not in order; channels sorted by wavenumber");
    }

    @Test
    void duplicatedChannelsWithEqualValuesAreDropped() throws Exception {
        SpectrumSet set = read(file("dup.csv", "cm-1,a\n400,0.1\n500,0.2\n500,0.2\n600,0.3\n600,0.3\n"));
        assertThat(set.get(0).axis()).containsExactly(400, 500, 600);
        assertThat(set.notes()).contains("2 duplicated channels dropped (same axis value and values)");
    }

    @Test
    void emptyAndNanCellsAreMasked() throws Exception {
        SpectrumSet set = read(file("gaps.csv", "cm-1,a,b\n400,0.1,NaN\n500,,0.5\n600,0.3,0.6\n"));
        assertThat(set.get(0).isValid(1)).isFalse();
        assertThat(set.get(0).validCount()).isEqualTo(2);
        assertThat(set.get(1).isValid(0)).isFalse();
        assertThat(set.notes()).contains("2 empty or NaN cells masked (in 2 spectra)");
    }

    @Test
    void columnsCanBeSelectedByNameOrNumber() throws Exception {
        Path p = file("sel.csv", "index,quartz,calcite,cm-1\n1,0.1,0.4,400\n2,0.2,0.5,500\n");
        SpectrumSet set = SpectrumFiles.read(p, SpectrumReadOptions.builder()
                .axisColumn("cm-1").spectrumColumns(List.of("CALCITE", "2")).build());
        assertThat(set.spectra()).extracting(Spectrum::name).containsExactly("calcite", "quartz");
        assertThat(set.get(0).axis()).containsExactly(400, 500);
        assertThat(set.get(0).values()).containsExactly(0.4, 0.5);
    }

    @Test
    void selectedColumnsOfAHeaderlessFileKeepTheirNumbers() throws Exception {
        Path p = file("many.txt", "400 0.1 0.2 0.3\n500 0.4 0.5 0.6\n");
        SpectrumSet set = SpectrumFiles.read(p, SpectrumReadOptions.builder().spectrumColumns(List.of("4")).build());
        assertThat(set.spectra()).extracting(Spectrum::name).containsExactly("many#3");
        assertThat(set.get(0).values()).containsExactly(0.3, 0.6);
    }

    @Test
    void delimiterAndDecimalMarkCanBeForced() throws Exception {
        Path p = file("pipe.txt", "400|0,5\n500|0,6\n");
        SpectrumSet set = SpectrumFiles.read(p,
                SpectrumReadOptions.builder().delimiter('|').decimalMark(DecimalMark.COMMA).build());
        assertThat(set.get(0).values()).containsExactly(0.5, 0.6);
        assertThat(set.notes().get(0)).isEqualTo("read as '|'-separated text without a header, decimal commas");
    }

    @Test
    void forcedKindAppliesToEverySpectrum() throws Exception {
        Path p = file("kind.csv", "cm-1,emissivity\n400,0.5\n500,0.6\n");
        SpectrumSet set = SpectrumFiles.read(p, SpectrumReadOptions.builder().kind(SpectrumKind.REFLECTANCE).build());
        assertThat(set.get(0).kind()).isEqualTo(SpectrumKind.REFLECTANCE);
    }

    @Test
    void trailingDelimiterOnEveryLineIsIgnored() throws Exception {
        SpectrumSet set = read(file("trailing.csv", "cm-1,a,\n400,0.5,\n500,0.6,\n"));
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.notes()).contains("every line ends with a delimiter; the empty last column was ignored");
    }

    @Test
    void blankCornerOfASpreadsheetExportIsAHeader() throws Exception {
        SpectrumSet set = read(file("corner.csv", ",quartz\n400,0.5\n500,0.6\n"));
        assertThat(set.get(0).name()).isEqualTo("quartz");
    }

    @Test
    void largeNumbersWithExponentsAreRead() throws Exception {
        SpectrumSet set = read(file("exp.csv", "4.0E2,9.5e-1\n5.0E+2,9.6E-01\n"));
        assertThat(set.get(0).axis()).containsExactly(400, 500);
        assertThat(set.get(0).value(1)).isCloseTo(0.96, within(1e-15));
    }

    @Test
    void malformedNumbersWithJavaSuffixesAreNotAccepted() throws Exception {
        Path p = file("suffix.csv", "cm-1,a\n400,0.5f\n500,0.6\n");
        assertThatThrownBy(() -> read(p)).isInstanceOf(SpectralFileException.class)
                .hasMessageContaining("\"0.5f\" is not a number");
    }
}
