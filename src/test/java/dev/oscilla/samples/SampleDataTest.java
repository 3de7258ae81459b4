package dev.oscilla.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Quantity;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample-data/ is exactly what SampleDataGenerator makes, and it is what its README says. */
@UsesSharedData
class SampleDataTest {

    static final Path COMMITTED = Paths.get("sample-data");

    @TempDir
    static Path fresh;

    @BeforeAll
    static void regenerate() throws Exception {
        SampleDataGenerator.generate(fresh, SharedData.root());
    }

    @Test
    void theLibraryRegeneratesToTheCommittedOne() throws Exception {
        MineralLibrary committed = LibraryJson.read(COMMITTED.resolve("oscilla-samples.json"));
        MineralLibrary generated = LibraryJson.read(fresh.resolve("oscilla-samples.json"));
        assertThat(committed.names()).isEqualTo(generated.names());
        assertThat(committed.description()).isEqualTo(generated.description());
        for (int i = 0; i < committed.size(); i++) {
            Mineral c = committed.get(i);
            Mineral g = generated.get(i);
            assertThat(c.category()).isEqualTo(g.category());
            assertThat(c.source()).isEqualTo(g.source());
            assertThat(c.layout()).isEqualTo(g.layout());
            assertThat(c.parameters()).containsExactly(g.parameters(), within(1e-12));
            assertThat(c.bounds() == null).isEqualTo(g.bounds() == null);
            if (c.bounds() != null) {
                assertThat(c.bounds().lower()).containsExactly(g.bounds().lower(), within(1e-12));
                assertThat(c.bounds().upper()).containsExactly(g.bounds().upper(), within(1e-12));
            }
        }
    }

    @Test
    void everyTableRegeneratesToTheCommittedOne() throws Exception {
        for (String name : List.of("quartz-emissivity.csv", "quartz_tab.txt", "quartz_meta.csv", "mixtures_tab.txt",
                "mixtures_meta.csv")) {
            List<String> committed = Files.readAllLines(COMMITTED.resolve(name));
            List<String> generated = Files.readAllLines(fresh.resolve(name));
            assertThat(committed).as(name).hasSameSizeAs(generated);
            for (int line = 0; line < committed.size(); line++) {
                String[] c = committed.get(line).split("[,\\t]");
                String[] g = generated.get(line).split("[,\\t]");
                assertThat(c).as(name + " line " + (line + 1)).hasSameSizeAs(g);
                for (int k = 0; k < c.length; k++) {
                    if (c[k].matches("-?[0-9.]+")) {
                        assertThat(Double.parseDouble(c[k])).as(name + " line " + (line + 1))
                                .isCloseTo(Double.parseDouble(g[k]), within(1e-12));
                    } else {
                        assertThat(c[k]).as(name + " line " + (line + 1)).isEqualTo(g[k]);
                    }
                }
            }
        }
    }

    @Test
    void theLibraryHoldsWhatTheReadmeSays() throws Exception {
        MineralLibrary lib = LibraryJson.read(COMMITTED.resolve("oscilla-samples.json"));
        assertThat(lib.names()).containsExactly("Quartz", "Calcite", "Dolomite", "Olivine-Fo", "Albite", "Enstatite",
                "Blackbody");
        Mineral quartz = lib.require("Quartz");
        assertThat(quartz.modes()).hasSize(2);
        assertThat(quartz.modes().get(0).epsInf()).isEqualTo(2.356);
        assertThat(quartz.modes().get(1).epsInf()).isEqualTo(2.383);
        assertThat(quartz.modes().get(0).weight()).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(quartz.modes().get(0).oscillators().get(2).strength()).isEqualTo(0.67);
        assertThat(quartz.source()).contains("Spitzer").contains("Phys. Rev. 121, 1324").contains("transcribed");
        for (String m : List.of("Calcite", "Dolomite", "Olivine-Fo", "Albite", "Enstatite")) {
            assertThat(lib.require(m).source()).contains("Janiczek et al. (2020)").contains("InfraRender");
            assertThat(lib.require(m).bounds()).isNotNull();
        }
    }

    @Test
    void theSampleSpectraReadBackWithTheStatedNoiseAndAbundances() throws Exception {
        MineralLibrary lib = LibraryJson.read(COMMITTED.resolve("oscilla-samples.json"));
        SpectrumSet quartz = SpectrumFiles.read(COMMITTED.resolve("quartz_tab.txt"));
        assertThat(quartz.size()).isEqualTo(1);
        double[] axis = quartz.get(0).axis();
        assertThat(axis).hasSize(701);
        assertThat(axis[0]).isEqualTo(400);
        assertThat(axis[700]).isEqualTo(1800);
        double[] clean = new double[axis.length];
        new DispersionEvaluator(axis).evaluate(lib.require("Quartz"), Quantity.EMISSIVITY, clean);
        double sum = 0;
        for (int c = 0; c < axis.length; c++) {
            double d = quartz.get(0).value(c) - clean[c];
            sum += d * d;
        }
        assertThat(Math.sqrt(sum / axis.length)).as("noise sigma 0.002").isCloseTo(0.002, within(0.00015));

        SpectrumSet mixtures = SpectrumFiles.read(COMMITTED.resolve("mixtures_tab.txt"));
        assertThat(mixtures.size()).isEqualTo(6);
        assertThat(mixtures.abundanceColumns()).containsExactly("Quartz", "Calcite", "Dolomite", "Olivine-Fo",
                "Albite", "Enstatite");
        for (int s = 0; s < mixtures.size(); s++) {
            double total = 0;
            for (double a : mixtures.abundances(s).orElseThrow()) {
                total += a;
            }
            assertThat(total).isCloseTo(1.0, within(1e-12));
        }
    }
}
