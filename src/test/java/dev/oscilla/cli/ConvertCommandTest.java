package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.LibraryFiles;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.OscillatorTableCsv;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UsesSharedData
class ConvertCommandTest {

    @TempDir
    Path dir;

    @Test
    void hdfToJsonToOscillatorTableToJsonKeepsEveryParameter() throws Exception {
        MineralLibrary hdf = LibraryFiles.read(SharedData.feely("feely_params.hdf"));
        Path json = dir.resolve("feely.json");
        Path table = dir.resolve("feely.csv");
        Path again = dir.resolve("again.json");

        String out = CliRun.of("convert", SharedData.feely("feely_params.hdf").toString(), json.toString())
                .succeeded().out();
        assertThat(out).isEqualTo("wrote " + json + ": 38 minerals, 1099 oscillators (InfraRender HDF5 to Oscilla"
                + " JSON)\n");
        assertThat(LibraryJson.read(json)).isEqualTo(hdf);

        CliRun.of("convert", json.toString(), table.toString()).succeeded();
        assertThat(Files.readAllLines(table).get(0)).startsWith("mineral,category,mode,eps_inf,weight,oscillator,");
        assertThat(OscillatorTableCsv.read(table).minerals()).isEqualTo(hdf.minerals());

        CliRun.of("convert", table.toString(), again.toString()).succeeded();
        assertThat(LibraryJson.read(again).minerals()).isEqualTo(hdf.minerals());
    }

    @Test
    void europeanSpectrumFileBecomesASpectraCsvInWavenumbers() throws Exception {
        Path in = dir.resolve("eu.csv");
        Files.writeString(in, "Wellenlaenge (um);Probe\n10;95,5\n8;96\n12,5;97\n");
        Path out = dir.resolve("out.csv");
        String stdout = CliRun.of("convert", in.toString(), out.toString()).succeeded().out();
        assertThat(stdout).startsWith("wrote " + out + ": 1 spectra, 3 channels, cm^-1\n")
                .contains("  - read as semicolon-separated text with a header on line 1, decimal commas\n")
                .contains("  - values in percent (median 96) divided by 100\n");
        assertThat(Files.readAllLines(out)).containsExactly("# scale: fraction", "wavenumber_cm-1,Probe",
                "800.0,0.97", "1000.0,0.955", "1250.0,0.96");
    }

    @Test
    void readingOptionsApplyToTheInput() throws Exception {
        Path in = dir.resolve("plain.txt");
        Files.writeString(in, "2.5 0.9 0.8\n25 0.95 0.85\n");
        Path out = dir.resolve("out.csv");
        CliRun.of("convert", "--axis-unit", "um", "--columns", "3", "--kind", "reflectance", in.toString(),
                out.toString()).succeeded();
        assertThat(Files.readAllLines(out)).containsExactly("# kind: reflectance", "# scale: fraction",
                "wavenumber_cm-1,plain#2", "400.0,0.85", "4000.0,0.8");
    }

    @Test
    void asuPairBecomesASpectraCsvWithEveryRock() throws Exception {
        Path out = dir.resolve("rocks.csv");
        String stdout = CliRun.of("convert", SharedData.feely("rocks_meta.csv").toString(), out.toString())
                .succeeded().out();
        assertThat(stdout).contains("categories and abundances are not part of a spectra CSV");
        SpectrumSet back = SpectrumFiles.read(out);
        SpectrumSet rocks = SpectrumFiles.read(SharedData.feely("rocks_tab.txt"));
        assertThat(back.size()).isEqualTo(66);
        assertThat(back.get(65).values()).containsExactly(rocks.get(65).values());
    }

    @Test
    void spectraToJsonIsAUserErrorAndWritesNothing() throws Exception {
        Path in = dir.resolve("s.csv");
        Files.writeString(in, "400,0.5\n500,0.6\n");
        Path out = dir.resolve("s.json");
        assertThat(CliRun.of("convert", in.toString(), out.toString()).userError())
                .contains("holds spectra, which convert to .sli, .jdx, .dx, .jcm, .jcamp, .csv (.json is for libraries)");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownOutputExtensionIsAUserError() {
        Path out = dir.resolve("lib.xlsx");
        assertThat(CliRun.of("convert", SharedData.feely("feely_params.hdf").toString(), out.toString()).userError())
                .isEqualTo("oscilla convert: error: OUT must end in .json (a library) or .csv (an oscillator table or"
                        + " spectra), got lib.xlsx");
        assertThat(out).doesNotExist();
    }

    @Test
    void malformedInputIsAOneLineUserErrorNamingLineAndColumn() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "cm-1,a\n400,0.5\n500,zero\n");
        assertThat(CliRun.of("convert", in.toString(), dir.resolve("o.csv").toString()).userError())
                .isEqualTo("oscilla convert: error: " + in + ", line 3, column 2: \"zero\" is not a number");
    }

    @Test
    void aFailedConversionLeavesAnExistingOutputUntouched() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "cm-1,a\n400,0.5\n500,zero\n");
        Path out = dir.resolve("existing.csv");
        Files.writeString(out, "keep me\n");
        CliRun.of("convert", in.toString(), out.toString()).userError();
        assertThat(Files.readString(out)).isEqualTo("keep me\n");
    }

    @Test
    void missingParametersAreAOneLineUserError() {
        assertThat(CliRun.of("convert", "only-one.csv").userError())
                .startsWith("oscilla convert: error: Missing required parameter: 'OUT'");
    }

    @Test
    void forwardLikeReadsAnyFormatTheReaderTakes() throws Exception {
        Path like = dir.resolve("like.txt");
        Files.writeString(like, "20 0.9\n10 0.95\n5 0.97\n");
        Path lib = dir.resolve("lib.json");
        CliRun.of("convert", SharedData.feely("feely_params.hdf").toString(), lib.toString()).succeeded();
        Path out = dir.resolve("forward.csv");
        assertThat(CliRun.of("forward", "--library", lib.toString(), "--mineral", "Blackbody", "--like",
                like.toString(), "--out", out.toString()).userError()).contains("--x-unit");
        CliRun.of("forward", "--library", lib.toString(), "--mineral", "Blackbody", "--like", like.toString(),
                "--axis-unit", "um", "--out", out.toString()).succeeded();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("500.0,");
        assertThat(lines.get(3)).startsWith("2000.0,");
    }

    @Test
    void spectraConvertBetweenEveryWritableFormat() throws Exception {
        Path jdx = dir.resolve("sbo.jdx");
        String out = CliRun.of("convert", SharedData.formats("jcamp/SBO.jdx").toString(), jdx.toString(),
                "--jcamp-form", "affn").succeeded().out();
        assertThat(out).contains("read as JCAMP-DX, written as JCAMP-DX");
        Path sli = dir.resolve("sbo.sli");
        CliRun.of("convert", jdx.toString(), sli.toString()).succeeded();
        assertThat(dir.resolve("sbo.hdr")).exists();
        Path csv = dir.resolve("sbo.csv");
        CliRun.of("convert", sli.toString(), csv.toString()).succeeded();
        dev.oscilla.spectrum.SpectrumSet original = dev.oscilla.io.SpectrumFiles.read(
                SharedData.formats("jcamp/SBO.jdx"));
        dev.oscilla.spectrum.SpectrumSet back = dev.oscilla.io.SpectrumFiles.read(csv);
        assertThat(back.get(0).kind()).isEqualTo(dev.oscilla.spectrum.SpectrumKind.TRANSMITTANCE);
        assertThat(back.get(0).values()).containsExactly(original.get(0).values());
        assertThat(back.get(0).axis()).containsExactly(original.get(0).axis());
        assertThat(CliRun.of("convert", csv.toString(), dir.resolve("x.xlsx").toString()).userError())
                .contains("convert to .sli, .jdx");
    }
}
