package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ASU spectral library export: a meta CSV with many columns whose sample name and group are found by name
 * ({@code spec_id,sample_id,sample_name,group,type_subgroup,...,category,...}), quoted cells with commas and line
 * breaks, a tab file with or without a header row, and a meta file named freely (given by option).
 */
class AsuExportLayoutTest {

    @TempDir
    Path dir;

    private static final String TAB = "400.0 0.95 0.90\n402.0 0.96 0.91\n404.0 0.97 0.92\n";
    private static final String EXPORT_META = "spec_id,sample_id,sample_name,group,type_subgroup,formula,"
            + "category,locality,description\n"
            + "101,2001,Albite WAR-0235,silicate,tectosilicate,NaAlSi3O8,feldspar,\"Amelia, Virginia\",\"coarse,\n"
            + "two lines\"\n"
            + "102,2002,Calcite C40,carbonate,,CaCO3,calcite-dolomite,Mexico,\n";

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void exportMetaColumnsAreFoundByNameInAnyOrder() throws Exception {
        Path tab = file("lib_tab.txt", TAB);
        file("lib_meta.csv", EXPORT_META);
        SpectrumSet set = SpectrumFiles.read(tab);
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(0).name()).isEqualTo("Albite WAR-0235");
        assertThat(set.get(1).name()).isEqualTo("Calcite C40");
        assertThat(set.categories()).containsExactly("feldspar", "calcite-dolomite");
        assertThat(set.hasAbundances()).isFalse();
        assertThat(set.get(0).kind()).isEqualTo(SpectrumKind.EMISSIVITY);
        assertThat(set.notes()).anyMatch(n -> n.contains("meta columns not used: spec_id, sample_id, group")
                && n.contains("groups from \"category\""));
    }

    @Test
    void theMetaHalfFindsItsTabAndAFreelyNamedMetaIsGivenByOption() throws Exception {
        file("lib_tab.txt", TAB);
        Path meta = file("lib_meta.csv", EXPORT_META);
        assertThat(SpectrumFiles.read(meta).size()).isEqualTo(2);
        Path tab = file("export spectra.txt", "wavenumber 101 102\n" + TAB);
        Path other = file("export info.csv", EXPORT_META);
        SpectrumSet set = SpectrumFiles.read(tab, SpectrumReadOptions.builder().metaFile(other).build());
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.notes()).anyMatch(n -> n.contains("header row on line 1 skipped"));
    }

    @Test
    void aMetaFileWhoseTabIsMissingSaysWhereItShouldBe() throws Exception {
        Path meta = file("alone.csv", EXPORT_META);
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> SpectrumFiles.read(meta));
        assertThat(e.problem()).contains("is the meta half of an ASU tab + meta pair").contains("--meta");
    }

    @Test
    void groupColumnServesWhenThereIsNoCategory() throws Exception {
        file("g_tab.txt", TAB);
        file("g_meta.csv", "sample_id,sample_name,group\n1,A,feldspar\n2,B,pyroxene\n");
        SpectrumSet set = SpectrumFiles.read(dir.resolve("g_tab.txt"));
        assertThat(set.categories()).containsExactly("feldspar", "pyroxene");
    }

    @Test
    void percentExportsAreScaledLikeEveryReader() throws Exception {
        file("p_tab.txt", "400.0 95 90\n402.0 96 91\n404.0 97 92\n");
        file("p_meta.csv", "sample_name,category\nA,x\nB,y\n");
        SpectrumSet set = SpectrumFiles.read(dir.resolve("p_tab.txt"));
        assertThat(set.get(0).values()).containsExactly(0.95, 0.96, 0.97);
        assertThat(set.notes()).anyMatch(n -> n.contains("percent (median"));
    }

    @Test
    void aCommaSeparatedTabFileIsReadToo() throws Exception {
        file("c_tab.txt", "wavenumber,A,B\n400.0,0.95,0.90\n402.0,0.96,0.91\n404.0,0.97,0.92\n");
        file("c_meta.csv", "sample_name,category\nA,x\nB,y\n");
        SpectrumSet set = SpectrumFiles.read(dir.resolve("c_tab.txt"));
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(1).values()).containsExactly(0.90, 0.91, 0.92);
    }
}
