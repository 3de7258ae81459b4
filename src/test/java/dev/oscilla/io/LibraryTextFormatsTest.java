package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spectral-library text formats, built in the variants their libraries use: ASTER/ECOSTRESS headers in any
 * case with micrometres, nanometres or wavenumbers and percent or fractions; USGS records with their wavelength file
 * beside them or in a parent folder; RELAB counts and trailers; RRUFF infrared and Raman; row-oriented tables. Each
 * is recognised by content, and each misreading risk is an error naming the line.
 */
class LibraryTextFormatsTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String format(Path p) throws SpectralFileException {
        return SpectrumFormats.detect(p, SpectrumReadOptions.defaults()).id();
    }

    private static SpectralFileException failure(Path p, SpectrumReadOptions options) {
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class,
                () -> SpectrumFiles.read(p, options));
        assertThat(e).as("reading %s should fail", p.getFileName()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    private static SpectralFileException failure(Path p) {
        return failure(p, SpectrumReadOptions.defaults());
    }

    // ---- ASTER / ECOSTRESS ----

    private static String aster(String xUnits, String yUnits, String data) {
        return "Name: Albite NaAlSi3O8\r\nType: mineral\r\nClass: Silicate\r\nDescription: collected in\r\n1995.\r\n"
                + "Measurement: Directional (10 Degree) Hemispherical Reflectance\r\nFirst Column: X\r\n"
                + "Second Column: Y\r\nX Units: " + xUnits + "\r\nY Units: " + yUnits + "\r\nFirst X Value: 15\r\n"
                + "Number of X Values: 3\r\nAdditional Information: none\r\n\r\n" + data;
    }

    @Test
    void asterMicrometresPercentDescending() throws Exception {
        Path p = file("a.spectrum.txt", aster("Wavelength (micrometers)", "Reflectance (percent)",
                "20.0\t5.0\r\n10.0 10.0\r\n5.0  20.0\r\n"));
        assertThat(format(p)).isEqualTo("aster");
        Spectrum s = SpectrumFiles.read(p).get(0);
        assertThat(s.name()).isEqualTo("Albite NaAlSi3O8");
        assertThat(s.axis()).containsExactly(500, 1000, 2000);
        assertThat(s.values()).containsExactly(0.05, 0.1, 0.2);
        assertThat(s.kind()).isEqualTo(SpectrumKind.REFLECTANCE);
    }

    @Test
    void asterNanometresWavenumbersAndEmissivityFractions() throws Exception {
        Spectrum nm = SpectrumFiles.read(file("nm.txt", aster("Wavelength (nanometers)", "Reflectance (percent)",
                "20000 5\n10000 10\n5000 20\n"))).get(0);
        assertThat(nm.axis()).containsExactly(500, 1000, 2000);
        Spectrum wn = SpectrumFiles.read(file("wn.txt", aster("Wavenumber (cm-1)", "Emissivity",
                "500 0.95\n1000 0.9\n2000 0.97\n"))).get(0);
        assertThat(wn.kind()).isEqualTo(SpectrumKind.EMISSIVITY);
        assertThat(wn.values()).containsExactly(0.95, 0.9, 0.97);
    }

    @Test
    void asterCountDifferentFromTheHeaderIsNotedNotRefused() throws Exception {
        SpectrumSet set = SpectrumFiles.read(file("c.txt", aster("Wavelength (micrometers)", "Reflectance (percent)",
                "20 5\n10 10\n5 20\n4 25\n")));
        assertThat(set.get(0).size()).isEqualTo(4);
        assertThat(set.notes()).anyMatch(n -> n.contains("the header says 3 values") && n.contains("holds 4"));
    }

    @Test
    void asterTextAfterTheDataNamesItsLine() throws Exception {
        Path p = file("t.txt", aster("Wavelength (micrometers)", "Reflectance (percent)", "20 5\n10 10\nend\n"));
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(17);
        assertThat(e.problem()).contains("\"end\" is not a number");
    }

    // ---- USGS ----

    private static String usgsSpectrum(String title, double... values) {
        StringBuilder sb = new StringBuilder(" splib07a Record=1234: " + title + "\r\n");
        for (double v : values) {
            sb.append(String.format(java.util.Locale.ROOT, " %.7e%n", v));
        }
        return sb.toString();
    }

    @Test
    void usgsFindsItsWavelengthFileInAParentFolderByInstrumentAndCount() throws Exception {
        file("lib/s07_ASD_Wavelengths_ASD_2.0-2.5_microns_3_ch.txt",
                usgsSpectrum("Wavelengths ASD 2.0-2.5 microns 3 ch", 2.0, 2.25, 2.5));
        file("lib/s07_BECK_Wavelengths_BECK_Beckman_3_ch.txt",
                usgsSpectrum("Wavelengths BECK Beckman 3 ch", 0.5, 1.0, 2.0));
        Path p = file("lib/ChapterM_Minerals/splib07a_Quartz_GDS31_ASDFRa_AREF.txt",
                usgsSpectrum("Quartz GDS31 ASDFRa AREF", 0.5, -1.23e34, 0.7));
        assertThat(format(p)).isEqualTo("usgs");
        SpectrumSet set = SpectrumFiles.read(p);
        Spectrum s = set.get(0);
        assertThat(s.name()).isEqualTo("Quartz GDS31 ASDFRa AREF");
        assertThat(s.axis()).containsExactly(4000, 1e4 / 2.25, 5000);
        assertThat(s.value(0)).isEqualTo(0.7);
        assertThat(s.isValid(1)).isFalse();
        assertThat(set.notes()).anyMatch(n -> n.contains("s07_ASD_Wavelengths")).anyMatch(n -> n.contains("deleted"));
    }

    @Test
    void usgsWithoutItsWavelengthFileAsksForIt() throws Exception {
        Path p = file("alone/splib07a_X_ASDFRa_AREF.txt", usgsSpectrum("X ASDFRa AREF", 0.1, 0.2, 0.3));
        SpectralFileException e = failure(p);
        assertThat(e.problem()).contains("wavelengths are in a separate file").contains("--axis-file");
        Path axis = file("elsewhere/axis.txt", "2.0\n2.5\n3.0\n");
        SpectrumSet set = SpectrumFiles.read(p, SpectrumReadOptions.builder().axisFile(axis).build());
        assertThat(set.get(0).size()).isEqualTo(3);
        assertThat(set.notes()).anyMatch(n -> n.contains("USGS convention (wavelengths in micrometres"));
    }

    @Test
    void usgsAxisFileOfAnotherLengthIsAnError() throws Exception {
        Path p = file("u/splib07a_X_ASDFRa_AREF.txt", usgsSpectrum("X ASDFRa AREF", 0.1, 0.2, 0.3));
        Path axis = file("u/axis.txt", "2.0\n2.5\n");
        SpectralFileException e = failure(p, SpectrumReadOptions.builder().axisFile(axis).build());
        assertThat(e.file()).isEqualTo(axis);
        assertThat(e.problem()).contains("holds 2 axis values").contains("holds 3");
    }

    // ---- RELAB ----

    @Test
    void relabCountRowsAndTrailer() throws Exception {
        Path p = file("r.tab", "  3\n 1000.0 0.10 0.001\n 2000.0 0.20 0.002\n 4000.0 0.40 0.001\n\n"
                + " R.ASC\n sample id\n Date: 28-MAR-07\n");
        assertThat(format(p)).isEqualTo("relab");
        SpectrumSet set = SpectrumFiles.read(p);
        assertThat(set.get(0).axis()).containsExactly(2500, 5000, 10000);
        assertThat(set.get(0).values()).containsExactly(0.4, 0.2, 0.1);
        assertThat(set.get(0).kind()).isEqualTo(SpectrumKind.REFLECTANCE);
    }

    @Test
    void relabWithFewerRowsThanItsCountIsTruncated() throws Exception {
        Path p = file("r.tab", "  4\n 1000.0 0.10 0.001\n 2000.0 0.20 0.002\n 4000.0 0.40 0.001\n");
        assertThat(failure(p).problem()).contains("says 4 points but the file holds 3").contains("truncated");
        Path q = file("q.tab", "  4\n 1000.0 0.10\n 2000.0 0.20\n 4000.0 0.40\n trailer\n 5000.0 0.5\n");
        SpectralFileException e = failure(q);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem()).contains("is not a data row");
    }

    @Test
    void relabWithMoreRowsThanItsCountIsAnError() throws Exception {
        Path p = file("r.tab", "  2\n 1000.0 0.10\n 2000.0 0.20\n 4000.0 0.40\n");
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("a further data row");
    }

    @Test
    void relabMicrometresAreRecognisedAndNoted() throws Exception {
        SpectrumSet set = SpectrumFiles.read(file("um.tab", "3\n2.5 0.1\n5 0.2\n10 0.3\n"));
        assertThat(set.get(0).axis()).containsExactly(1000, 2000, 4000);
        assertThat(set.notes()).anyMatch(n -> n.contains("micrometres"));
    }

    // ---- RRUFF ----

    @Test
    void rruffRamanIsIntensityAndOtherLabelledTextIsUnknown() throws Exception {
        Path raman = file("Quartz__R040031__Raman__Data.txt", "##NAMES=Quartz\n##RRUFFID=R040031\n"
                + "100.5, 12\n200.5, 40\n300, 20\n##END=\n");
        assertThat(format(raman)).isEqualTo("rruff");
        Spectrum s = SpectrumFiles.read(raman).get(0);
        assertThat(s.kind()).isEqualTo(SpectrumKind.INTENSITY);
        Path other = file("other.txt", "##SAMPLE=x\n##OPERATOR=y\n400 0.9\n500 0.8\n");
        assertThat(SpectrumFiles.read(other).get(0).kind()).isEqualTo(SpectrumKind.UNKNOWN);
    }

    @Test
    void rruffLineWithThreeValuesNamesItsLine() throws Exception {
        Path p = file("R050001.txt", "##NAMES=X\n##RRUFFID=R050001\n400, 0.1\n500, 0.2, 7\n");
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("has 3 values; expected x, y");
    }

    // ---- rows ----

    @Test
    void rowOrientedTableWithCategoriesAndAWavelengthUnit() throws Exception {
        Path p = file("rows.csv", "name,category,10,5,2.5\nquartz,silicate,90,80,70\ncalcite,carbonate,50,60,70\n");
        assertThat(format(p)).isEqualTo("rows");
        SpectrumSet set = SpectrumFiles.read(p, SpectrumReadOptions.builder().axisUnit(AxisUnit.MICROMETRE).build());
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(0).name()).isEqualTo("quartz");
        assertThat(set.categories()).containsExactly("silicate", "carbonate");
        assertThat(set.get(0).axis()).containsExactly(1000, 2000, 4000);
        assertThat(set.get(0).values()).containsExactly(0.9, 0.8, 0.7);
        Path unit = file("rows_um.csv", "wavelength_um,2.5,5,10\nquartz,0.7,0.8,0.9\n");
        assertThat(SpectrumFiles.read(unit).get(0).axis()).containsExactly(1000, 2000, 4000);
        Path ambiguous = file("rows_x.csv", "name,2.5,5,10\nquartz,0.7,0.8,0.9\n");
        assertThat(failure(ambiguous).problem()).contains("cannot tell the axis unit").contains("--x-unit");
    }

    @Test
    void rowOrientedTableInWavenumbersNeedsNoUnit() throws Exception {
        SpectrumSet set = SpectrumFiles.read(file("r.csv", "sample;400;500;600\nA;0,9;0,8;0,95\n"));
        assertThat(set.get(0).axis()).containsExactly(400, 500, 600);
        assertThat(set.notes()).anyMatch(n -> n.contains("one spectrum per row"));
    }

    @Test
    void columnTablesStillReadAsColumns() throws Exception {
        Path p = file("c.csv", "wavenumber,1,2,3\n400,0.9,0.8,0.7\n500,0.91,0.81,0.71\n");
        assertThat(format(p)).isEqualTo("csv");
        assertThat(SpectrumFiles.read(p).size()).isEqualTo(3);
    }

    @Test
    void aFormatCanBeForced() throws Exception {
        Path p = file("x.dat", "##TITLE=t\n##XUNITS=1/CM\n##XYPOINTS=(XY..XY)\n400, 0.5\n500, 0.6\n##END=\n");
        assertThat(format(p)).isEqualTo("jcamp");
        SpectralFileException e = failure(p, SpectrumReadOptions.builder().format("relab").build());
        assertThat(e.problem()).contains("expected the point count");
        SpectralFileException unknown = failure(p, SpectrumReadOptions.builder().format("nope").build());
        assertThat(unknown.problem()).contains("unknown format 'nope'").contains("jcamp");
    }

    @Test
    void aDirectoryIsNamedAsSuch() {
        SpectralFileException e = failure(dir);
        assertThat(e.problem()).isEqualTo("is a directory, not a file");
    }

    @Test
    void percentEmissivityInARowTableIsDetected() throws Exception {
        Spectrum s = SpectrumFiles.read(file("p.csv", "name,400,500,600\nA,95,90,97\n")).get(0);
        assertThat(s.value(0)).isCloseTo(0.95, within(1e-15));
    }
}
