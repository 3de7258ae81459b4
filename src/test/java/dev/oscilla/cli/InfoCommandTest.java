package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.LibraryJson;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UsesSharedData
class InfoCommandTest {

    @TempDir
    Path dir;

    @Test
    void spectrumFileReportsCountsRangeMaskAndReaderNotes() throws Exception {
        Path file = dir.resolve("um.csv");
        Files.writeString(file, "wavelength (um);A;B\n5;90;80\n10;;81\n25;92;82\n");
        String out = CliRun.of("info", file.toString()).succeeded().out();
        assertThat(out).startsWith("um.csv: 2 spectra (unknown), 3 channels, 400-2000 cm^-1\n")
                .contains("masked channels: 1 in 1 spectrum")
                .contains("abundance columns: none")
                .contains("  - axis in micrometres converted to cm^-1 (10^4 / um) and sorted ascending")
                .contains("  - values in percent (median 82) divided by 100")
                .contains("    1  A  (2 of 3 channels valid)");
    }

    @Test
    void asuPairReportsAbundanceColumnsAndCategories() {
        String out = CliRun.of("info", SharedData.feely("rocks_tab.txt").toString()).succeeded().out();
        assertThat(out).startsWith("rocks_tab.txt: 66 spectra (emissivity), 934 channels, 198.681-1998.38 cm^-1\n")
                .contains("abundance columns (17): amphiboles, biotite-chlorite,")
                .contains("categories: valid_mixture (60), invalid (6)")
                .contains("masked channels: none");
    }

    @Test
    void hdfLibraryReportsMineralsOscillatorsAndBounds() {
        String out = CliRun.of("info", SharedData.feely("feely_params.hdf").toString()).succeeded().out();
        assertThat(out).startsWith("feely_params.hdf: oscillator library \"feely_params\" (InfraRender HDF5), "
                + "38 minerals, 1099 oscillators\n")
                .contains("bounds: 38 of 38 minerals")
                .containsPattern("\\n  Blackbody +1 +1 +yes");
    }

    @Test
    void jsonLibraryReportsModesOscillatorsCategoriesAndWhichHaveBounds() throws Exception {
        Mineral quartz = new Mineral("Quartz", "silica", List.of(
                new Mode(2.3, 2, List.of(new Oscillator(1072, 0.67, 0.0071), new Oscillator(450, 0.8, 0.01))),
                new Mode(2.4, 1, List.of(new Oscillator(1080, 0.6, 0.007)))));
        Mineral bounded = quartz.withName("Quartz bounded")
                .withBounds(ParameterBounds.unbounded(quartz.parameters().length).intersect(
                        new ParameterBounds(quartz.parameters(), quartz.parameters())));
        Path file = dir.resolve("lib.json");
        LibraryJson.write(new MineralLibrary("mine", "my fits", List.of(quartz, bounded, Mineral.blackbody())), file);
        String out = CliRun.of("info", file.toString()).succeeded().out();
        assertThat(out).startsWith("lib.json: oscillator library \"mine\" (Oscilla JSON), 3 minerals, 6 oscillators\n")
                .contains("description: my fits")
                .contains("categories: silica (2), Blackbody (1)")
                .contains("bounds: 1 of 3 minerals")
                .containsPattern("\\n  Quartz +2 +3 +no +silica\\n")
                .containsPattern("\\n  Quartz bounded +2 +3 +yes +silica\\n")
                .containsPattern("\\n  Blackbody +0 +0 +no +Blackbody\\n");
    }

    @Test
    void ambiguousAxisIsAOneLineUserErrorThatNamesTheOption() throws Exception {
        Path file = dir.resolve("small.txt");
        Files.writeString(file, "2.5 0.9\n25 0.95\n50 0.97\n");
        String error = CliRun.of("info", file.toString()).userError();
        assertThat(error).startsWith("oscilla info: error: " + file + ", line 1, column 1: cannot tell the axis unit")
                .contains("--x-unit um");
        String out = CliRun.of("info", "--axis-unit", "um", file.toString()).succeeded().out();
        assertThat(out).contains("3 channels, 200-4000 cm^-1");
    }

    @Test
    void missingFileIsAOneLineUserError() {
        Path file = dir.resolve("none.csv");
        assertThat(CliRun.of("info", file.toString()).userError())
                .isEqualTo("oscilla info: error: " + file + ": no such file");
    }

    @Test
    void badOptionValueIsAOneLineUserError() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "400,0.5\n500,0.6\n");
        assertThat(CliRun.of("info", "--scale", "parts", file.toString()).userError())
                .isEqualTo("oscilla info: error: --scale must be fraction or percent, got 'parts'");
    }

    @Test
    void readingOptionsOnALibraryAreAUserError() {
        assertThat(CliRun.of("info", "--axis-unit", "um", SharedData.feely("feely_params.hdf").toString()).userError())
                .contains("is an oscillator library; the spectrum reading options do not apply");
    }

    @Test
    void missingParameterIsAOneLineUserError() {
        assertThat(CliRun.of("info").userError()).startsWith("oscilla info: error: Missing required parameter");
    }

    @Test
    void jsonReportOfEveryRealFormatIsInWavenumbersAndFractions() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Object[][] expected = {
            // file, format, channels, min cm^-1, max cm^-1, quantity, max value (or NaN: not checked)
            {"jcamp/SBO.jdx", "jcamp", 1868, 399.21, 3999.84, "transmittance", 1.0596},
            {"aster/jhu.nicolet.mineral.carbonate.none.coarse.calcit1.spectrum.txt", "aster", 2287, 399.29, 4808.88,
                "reflectance", 0.158},
            {"usgs/splib07a_Brick_GDS355_Paving_Dk_Gry_ASDFRa_AREF.txt", "usgs", 2151, 4000.0, 28571.43,
                "reflectance", 0.0844},
            {"relab/bmr1ls101.tab", "relab", 3424, 399.20, 7000.84, "reflectance", Double.NaN},
            {"rruff/Quartz__R040031-1__Infrared__Infrared_Data_Processed__348.txt", "rruff", 1868, 399.19, 3999.64,
                "absorbance", Double.NaN},
            {"envi/s06av95a_envi.sli", "envi", 224, 3986.9, 26099.4, "reflectance", Double.NaN},
        };
        for (Object[] e : expected) {
            Path json = dir.resolve("info.json");
            CliRun.of("info", SharedData.formats((String) e[0]).toString(), "--json", json.toString()).succeeded();
            com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(json.toFile());
            assertThat(root.path("format").asText()).as("%s", e[0]).isEqualTo(e[1]);
            assertThat(root.path("spectra")).hasSize(e[1].equals("envi") ? 1365 : 1);
            com.fasterxml.jackson.databind.JsonNode s = root.path("spectra").get(0);
            assertThat(s.path("name").isTextual()).isTrue();
            assertThat(s.path("channels").asInt()).as("%s channels", e[0]).isEqualTo(e[2]);
            assertThat(s.path("min_wavenumber").asDouble()).as("%s min", e[0])
                    .isCloseTo((Double) e[3], org.assertj.core.api.Assertions.within(0.05));
            assertThat(s.path("max_wavenumber").asDouble()).as("%s max", e[0])
                    .isCloseTo((Double) e[4], org.assertj.core.api.Assertions.within(0.05));
            assertThat(s.path("quantity").asText()).isEqualTo(e[5]);
            double max = s.path("max_value").asDouble();
            assertThat(max).isLessThan(1.1);
            if (!Double.isNaN((Double) e[6])) {
                assertThat(max).as("%s max value", e[0])
                        .isCloseTo((Double) e[6], org.assertj.core.api.Assertions.within(0.0005));
            }
        }
    }

    @Test
    void jsonReportOfAnAsuPairHasEverySpectrumAndItsGroup() throws Exception {
        Path json = dir.resolve("lib.json");
        CliRun.of("info", SharedData.feely("library_tab.txt").toString(), "--meta",
                SharedData.feely("library_meta.csv").toString(), "--json", json.toString()).succeeded();
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile());
        assertThat(root.path("spectra")).hasSize(38);
        assertThat(root.path("spectra").get(0).path("quantity").asText()).isEqualTo("emissivity");
        assertThat(root.path("spectra").get(0).path("category").asText()).isEqualTo("amphiboles");
        assertThat(root.path("spectra").get(0).path("channels").asInt()).isEqualTo(934);
    }
}
