package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ASU tab + meta pair: the shared feely data read in place, and the reader's errors on broken pairs. */
@UsesSharedData
class AsuPairReadTest {

    @TempDir
    Path dir;

    @Test
    void rocksPairHasEverySpectrumChannelAndAbundanceColumn() throws Exception {
        SpectrumSet rocks = SpectrumFiles.read(SharedData.feely("rocks_tab.txt"));
        assertThat(rocks.size()).isEqualTo(66);
        // The file has 934 rows (198.68 to 1998.38 cm^-1 in steps of ~1.93); the published window from row 105
        // onward is the 830-channel grid of the reference outputs, 934 - 104 = 830.
        assertThat(rocks.spectra()).allSatisfy(s -> {
            assertThat(s.size()).isEqualTo(934);
            assertThat(s.kind()).isEqualTo(SpectrumKind.EMISSIVITY);
        });
        assertThat(rocks.abundanceColumns()).hasSize(17).startsWith("amphiboles").endsWith("zoisite");
        assertThat(rocks.get(0).name()).isEqualTo("Hornblende-biotite granodiorite");
        assertThat(rocks.categories().get(0)).isEqualTo("valid_mixture");
        assertThat(rocks.categories()).filteredOn("invalid"::equals).hasSize(6);
        assertThat(rocks.abundances(0).orElseThrow()).hasSize(17).contains(0.49, 0.34);
        Spectrum first = rocks.get(0);
        assertThat(first.minWavenumber()).isEqualTo(198.6809998);
        assertThat(first.maxWavenumber()).isEqualTo(1998.380005);
        assertThat(rocks.notes().get(0)).isEqualTo("ASU tab + meta pair with rocks_meta.csv: 66 samples,"
                + " 17 abundance columns");
    }

    @Test
    void valuesFarOutsideTheUnitIntervalBelow300AreKeptAsStored() throws Exception {
        SpectrumSet rocks = SpectrumFiles.read(SharedData.feely("rocks_tab.txt"));
        // first two cells of the file's second column: instrument noise that a percent rule must not touch
        assertThat(rocks.get(0).value(0)).isEqualTo(-1.113899946);
        assertThat(rocks.get(0).value(1)).isEqualTo(9.876540184);
        double extreme = 0;
        for (Spectrum s : rocks.spectra()) {
            for (int c = 0; c < s.size() && s.wavenumber(c) < 300; c++) {
                extreme = Math.max(extreme, Math.abs(s.value(c)));
            }
        }
        assertThat(extreme).isGreaterThan(10);
    }

    @Test
    void libraryPairHas38SpectraIncludingTheBlackbody() throws Exception {
        SpectrumSet library = SpectrumFiles.read(SharedData.feely("library_tab.txt"));
        assertThat(library.size()).isEqualTo(38);
        assertThat(library.find("Blackbody")).isPresent();
        assertThat(library.hasAbundances()).isFalse();
        assertThat(library.categories()).contains("Quartz", "amphiboles");
    }

    @Test
    void theMetaFileItselfReadsThePair() throws Exception {
        SpectrumSet viaMeta = SpectrumFiles.read(SharedData.feely("library_meta.csv"));
        SpectrumSet viaTab = SpectrumFiles.read(SharedData.feely("library_tab.txt"));
        assertThat(viaMeta.size()).isEqualTo(38);
        for (int i = 0; i < viaTab.size(); i++) {
            assertThat(viaMeta.get(i).name()).isEqualTo(viaTab.get(i).name());
            assertThat(viaMeta.get(i).values()).containsExactly(viaTab.get(i).values());
        }
    }

    @Test
    void aTabFileWithoutMetaIsReadAsAHeaderlessTable() throws Exception {
        Path tab = write("lonely_tab.txt", "400\t0.9\t0.8\n500\t0.91\t0.81\n");
        SpectrumSet set = SpectrumFiles.read(tab);
        assertThat(set.spectra()).extracting(Spectrum::name).containsExactly("lonely_tab#1", "lonely_tab#2");
    }

    @Test
    void aTableNamedLikeTabIsNotPairedByAccident() throws Exception {
        write("my_meta.csv", "sample_name,category\nx,y\n");
        Path table = write("my_table.csv", "cm-1,a\n400,0.5\n500,0.6\n");
        assertThat(SpectrumFiles.read(table).get(0).name()).isEqualTo("a");
    }

    // ------------------------------------------------------------------------------------------- broken pairs

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static SpectralFileException failure(Path p) {
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> SpectrumFiles.read(p));
        assertThat(e).as("reading %s should fail", p.getFileName()).isNotNull();
        return e;
    }

    private Path tab(String content) throws IOException {
        return write("x_tab.txt", content);
    }

    private static final String TAB = "400\t0.9\t0.8\n500\t0.91\t0.81\n600\t0.92\t0.82\n";

    @Test
    void metaNamingFewerSamplesThanColumns() throws Exception {
        write("x_meta.csv", "sample_name,category\nA,a\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.file().getFileName()).hasToString("x_tab.txt");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("has 2 spectrum columns but x_meta.csv names only 1 samples");
    }

    @Test
    void metaNamingMoreSamplesThanColumns() throws Exception {
        Path meta = write("x_meta.csv", "sample_name,category\nA,a\nB,b\nC,c\n");
        tab(TAB);
        SpectralFileException e = failure(meta);
        assertThat(e.file()).isEqualTo(meta);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("names 3 samples but x_tab.txt has only 2 spectrum columns (sample \"C\"");
    }

    @Test
    void nonNumericAbundance() throws Exception {
        Path meta = write("x_meta.csv", "sample_name,category,quartz,feldspar\nA,r,0.5,half\nB,r,0.2,0.8\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.file()).isEqualTo(meta);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.problem()).contains("\"half\" is not a number");
    }

    @Test
    void negativeAbundance() throws Exception {
        write("x_meta.csv", "sample_name,category,quartz\nA,r,0.5\nB,r,-0.2\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).contains("abundance -0.2 of \"quartz\" is negative");
    }

    @Test
    void emptyAbundanceCellsReadAsZeroWithANote() throws Exception {
        write("x_meta.csv", "sample_name,category,quartz,calcite\nA,r,0.5,\nB,r,,1\n");
        SpectrumSet set = SpectrumFiles.read(tab(TAB));
        assertThat(set.abundances(0).orElseThrow()).containsExactly(0.5, 0);
        assertThat(set.notes()).contains("2 empty abundance cells in x_meta.csv read as 0");
    }

    @Test
    void metaRowWithWrongFieldCount() throws Exception {
        write("x_meta.csv", "sample_name,category,quartz\nA,r,0.5\nB,r\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("has 2 fields, the header has 3");
    }

    @Test
    void metaWithoutHeader() throws Exception {
        write("x_meta.csv", "A,a\nB,b\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).contains("has no sample_name column");
    }

    @Test
    void metaWithHeaderOnly() throws Exception {
        write("x_meta.csv", "sample_name,category\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("names no samples");
    }

    @Test
    void metaWithEmptySampleName() throws Exception {
        write("x_meta.csv", "sample_name,category\nA,a\n,b\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).isEqualTo("sample name is empty");
    }

    @Test
    void metaWithDuplicatedAbundanceColumn() throws Exception {
        write("x_meta.csv", "sample_name,category,quartz,Quartz\nA,a,1,0\nB,b,0,1\n");
        SpectralFileException e = failure(tab(TAB));
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.problem()).contains("appears twice");
    }

    @Test
    void metaWithoutItsTabFile() throws Exception {
        Path meta = write("y_meta.csv", "sample_name,category\nA,a\n");
        SpectralFileException e = failure(meta);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("meta half of an ASU tab + meta pair, but y_tab.txt is not beside it");
    }

    @Test
    void truncatedTabFile() throws Exception {
        write("x_meta.csv", "sample_name,category\nA,a\nB,b\n");
        SpectralFileException e = failure(tab("400\t0.9\t0.8\n500\t0.91\t0.81\n600\t0.9"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).contains("has 2 columns, line 1 has 3; the file looks truncated");
    }

    @Test
    void textInTheTabFile() throws Exception {
        write("x_meta.csv", "sample_name,category\nA,a\nB,b\n");
        SpectralFileException e = failure(tab("# comment\n400\t0.9\t0.8\n500\tx\t0.81\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.problem()).contains("\"x\" is not a number");
    }

    @Test
    void nanColumnInTheTabFileNamesTheSample() throws Exception {
        write("x_meta.csv", "sample_name,category\nA,a\nB,b\n");
        SpectralFileException e = failure(tab("400\t0.9\tNaN\n500\t0.91\tNaN\n"));
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).contains("(sample \"B\") has no numeric value");
    }

    @Test
    void conflictingDuplicateChannelInTheTabFile() throws Exception {
        write("x_meta.csv", "sample_name,category\nA,a\nB,b\n");
        SpectralFileException e = failure(tab("400\t0.9\t0.8\n500\t0.91\t0.81\n500\t0.91\t0.7\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).contains("appears on lines 2 and 3");
    }

    @Test
    void emptyTabFile() throws Exception {
        write("x_meta.csv", "sample_name,category\nA,a\n");
        SpectralFileException e = failure(tab(""));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("is empty");
    }

    @Test
    void binaryMetaFile() throws Exception {
        Path meta = dir.resolve("x_meta.csv");
        Files.write(meta, new byte[] {'s', 'a', 0, 1, 2, 3});
        tab(TAB);
        SpectralFileException e = failure(meta);
        assertThat(e.file()).isEqualTo(meta);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).contains("binary content");
    }
}
