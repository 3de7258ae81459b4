package dev.oscilla.ui.unmix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.ui.common.BarPlotModel;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.testing.CancellingTaskRunner;
import dev.oscilla.ui.testing.VmHarness;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Unmix view-model on the bundled samples: six synthetic mixtures of the sample library's minerals (noise
 * sigma 0.001, some with a blackbody share) whose abundances are known, unmixed inline.
 */
class UnmixViewModelTest {

    /** mixtures_meta.csv: Quartz, Calcite, Dolomite, Olivine-Fo, Albite, Enstatite per mixture. */
    private static final double[][] KNOWN = {
        {0.5, 0, 0, 0, 0.5, 0}, {0, 0.7, 0.3, 0, 0, 0}, {0, 0, 0, 0.6, 0, 0.4}, {0.3, 0, 0, 0, 0.4, 0.3},
        {0.2, 0.2, 0, 0.2, 0.2, 0.2}, {0, 0, 0, 0.2, 0.8, 0}};
    private static final List<String> MINERALS = List.of("Quartz", "Calcite", "Dolomite", "Olivine-Fo", "Albite",
            "Enstatite");

    @TempDir
    Path dir;

    private VmHarness h;
    private UnmixViewModel vm;

    private UnmixViewModel open(dev.oscilla.ui.common.TaskRunner runner) throws Exception {
        h = new VmHarness(BundledSamples.library(), dir, runner);
        h.session.samplesDirProperty().set(BundledSamples.extractTo(dir.resolve("samples")));
        vm = new UnmixViewModel(h.context);
        return vm;
    }

    private EndmemberChoice choice(String name) {
        return vm.endmembers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void opensOnTheBundledMixturesWithTheOpenLibraryAsEndmembers() throws Exception {
        open(null);
        SpectrumSet mixtures = vm.mixturesProperty().get();
        assertThat(mixtures.size()).isEqualTo(6);
        assertThat(mixtures.hasAbundances()).isTrue();
        assertThat(vm.mixturesSourceProperty().get()).isEqualTo("mixtures_tab.txt");
        assertThat(vm.sourceProperty().get()).isEqualTo(UnmixViewModel.Source.LIBRARY);
        assertThat(vm.endmembers()).extracting(EndmemberChoice::name).containsExactlyElementsOf(MINERALS);
        assertThat(vm.endmembers()).allMatch(c -> c.usedProperty().get() && !c.forcedProperty().get());
        assertThat(vm.windowLowProperty().get()).isEqualTo(400);
        assertThat(vm.windowHighProperty().get()).isEqualTo(1800);
        assertThat(vm.canRunBinding().get()).isTrue();
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void fclsRecoversTheKnownAbundancesAndScoresEverySpectrum() throws Exception {
        open(null);
        vm.run();

        assertThat(vm.results()).hasSize(6);
        assertThat(vm.resultColumns()).containsExactlyElementsOf(MINERALS);
        assertThat(vm.scoredProperty().get()).isTrue();
        for (int i = 0; i < 6; i++) {
            UnmixRow row = vm.results().get(i);
            for (int k = 0; k < MINERALS.size(); k++) {
                assertThat(row.abundance(MINERALS.get(k))).as("%s in %s", MINERALS.get(k), row.spectrum())
                        .isCloseTo(KNOWN[i][k], within(0.01));
            }
            assertThat(row.rms()).as("noise of the mixtures is 0.001").isBetween(0.0008, 0.0012);
            assertThat(row.squaredError()).isLessThan(1e-4);
            assertThat(row.precision()).isEqualTo(1.0);
            assertThat(row.recall()).isEqualTo(1.0);
            assertThat(row.shifts()).as("linear unmixing flexes nothing").isEmpty();
        }
        assertThat(vm.results().get(2).blackbody()).as("mix03 has 10 % blackbody").isCloseTo(0.10, within(0.01));
        assertThat(vm.scoreSummaryProperty().get()).startsWith("vs known abundances, mean of 6: squared error ")
                .contains("precision 1 \u00b7 recall 1");
        assertThat(vm.runSummaryProperty().get()).startsWith("FCLS: 6 spectra, 6 endmembers + blackbody, window "
                + "400:1800");

        // the first result is shown in detail: bars with errors beside the known abundances, groups, curves
        UnmixRow first = vm.selectedProperty().get();
        assertThat(first).isSameAs(vm.results().get(0));
        BarPlotModel bars = vm.abundancePlot();
        assertThat(bars.categories()).containsExactlyElementsOf(MINERALS);
        double[] estimated = bars.series().get(0).values();
        double[] errors = bars.series().get(0).errors();
        for (int k = 0; k < MINERALS.size(); k++) {
            assertThat(estimated[k]).isEqualTo(first.abundance(MINERALS.get(k)));
        }
        assertThat(errors[0]).as("quartz is in the model: it has an error").isPositive().isLessThan(0.01);
        assertThat(bars.series().get(1).shownProperty().get()).isTrue();
        assertThat(bars.series().get(1).values()).containsExactly(KNOWN[0]);
        // the mixtures know their minerals, so the groups as scored are the minerals present in either
        assertThat(vm.groups()).extracting(GroupRow::group).contains("Quartz", "Albite");
        GroupRow albite = vm.groups().stream().filter(g -> g.group().equals("Albite")).findFirst().orElseThrow();
        assertThat(albite.sum()).isCloseTo(0.5, within(0.01));
        assertThat(albite.known()).isEqualTo(0.5);
        for (GroupRow g : vm.groups()) {
            assertThat(g.known()).as("every group shown has its known share").isNotNaN();
        }
        PlotModel.Series measured = vm.spectraPlot().series().get(0);
        PlotModel.Series modelled = vm.spectraPlot().series().get(1);
        assertThat(measured.size()).isEqualTo(701);
        assertThat(modelled.valueNear(1100)).isCloseTo(measured.valueNear(1100), within(0.005));
        assertThat(vm.selectedSummaryProperty().get()).startsWith("mix01-quartz-albite: RMS 0.00");
    }

    @Test
    void eachMineralsContributionIsItsAbundanceTimesItsSpectrumAndTheyAddUpToTheModel() throws Exception {
        open(null);
        vm.run();
        vm.selectedProperty().set(vm.results().get(3)); // granitoid: quartz, albite, enstatite and 5 % blackbody
        UnmixRow row = vm.selectedProperty().get();
        List<PlotModel.Series> shown = new ArrayList<>();
        for (PlotModel.Series s : vm.spectraPlot().series().subList(2, vm.spectraPlot().series().size())) {
            if (s.shownProperty().get()) {
                shown.add(s);
            }
        }
        assertThat(shown).extracting(PlotModel.Series::name)
                .anyMatch(n -> n.startsWith("Albite \u00d7 0.38")) // raw: 0.4 of the 95 % that is not blackbody
                .anyMatch(n -> n.startsWith("Blackbody \u00d7 0.05"));
        // x_Albite * E_Albite(1000 cm^-1), E rendered from the library
        double[] e = new double[1];
        new DispersionEvaluator(new double[] {1000}).evaluate(h.document.library().require("Albite"),
                Quantity.EMISSIVITY, e);
        int albite = row.result().endmembers().indexOf("Albite");
        PlotModel.Series albiteCurve = shown.stream().filter(s -> s.name().startsWith("Albite")).findFirst()
                .orElseThrow();
        assertThat(albiteCurve.valueNear(1000)).isCloseTo(row.result().abundance(albite) * e[0], within(1e-12));
        double sum = 0;
        for (PlotModel.Series s : shown) {
            sum += s.valueNear(1000);
        }
        assertThat(sum).as("the contributions add up to the reconstruction")
                .isCloseTo(vm.spectraPlot().series().get(1).valueNear(1000), within(1e-9));
    }

    @Test
    void analysisBySynthesisShowsHowFarEachMineralFlexedWithinItsBox() throws Exception {
        open(null);
        vm.methodProperty().set(UnmixMethod.ABS);
        vm.run();
        assertThat(vm.results()).hasSize(6);
        assertThat(vm.runSummaryProperty().get()).startsWith("ABS: 6 spectra");
        for (UnmixRow row : vm.results()) {
            assertThat(row.precision()).isEqualTo(1.0);
            assertThat(row.squaredError()).isLessThan(1e-3);
        }
        vm.selectedProperty().set(vm.results().get(0)); // quartz + albite
        assertThat(vm.shifts()).isNotEmpty();
        assertThat(vm.shifts()).extracting(ShiftRow::mineral).containsOnly("Quartz", "Albite");
        assertThat(vm.shifts()).hasSizeLessThanOrEqualTo(2 * UnmixViewModel.SHIFTS_PER_MINERAL);
        for (ShiftRow s : vm.shifts()) {
            assertThat(Math.abs(s.percentOfBox())).isLessThanOrEqualTo(100 + 1e-6).isPositive();
            assertThat(s.parameter()).matches("Mode \\d( band \\d+)? .+");
        }
        // the largest shift comes first, per mineral
        List<ShiftRow> quartz = vm.shifts().stream().filter(s -> s.mineral().equals("Quartz")).toList();
        for (int i = 1; i < quartz.size(); i++) {
            assertThat(Math.abs(quartz.get(i).percentOfBox())).isLessThanOrEqualTo(Math.abs(quartz.get(i - 1)
                    .percentOfBox()));
        }
    }

    @Test
    void unusedEndmembersAreLeftOutAndForcedOnesAreOutsideTheConstraints() throws Exception {
        open(null);
        choice("Dolomite").usedProperty().set(false);
        choice("Calcite").forcedProperty().set(true);
        vm.run();
        assertThat(vm.resultColumns()).doesNotContain("Dolomite").contains("Calcite");
        UnmixRow mix01 = vm.results().get(0); // quartz and albite: no calcite
        int calcite = mix01.result().endmembers().indexOf("Calcite");
        assertThat(mix01.result().isForced(calcite)).isTrue();
        assertThat(mix01.abundance(calcite)).as("a forced endmember shows its raw abundance")
                .isEqualTo(mix01.result().abundance(calcite)).isNotZero();
        assertThat(mix01.result().normalized(calcite)).isZero();
        double others = 0;
        for (String name : vm.resultColumns()) {
            others += name.equals("Calcite") ? 0 : mix01.abundance(name);
        }
        assertThat(others).as("the constrained endmembers still sum to 1").isCloseTo(1.0, within(1e-9));
        vm.selectedProperty().set(mix01);
        assertThat(vm.abundancePlot().categories()).contains("Calcite (forced)").doesNotContain("Dolomite");

        for (EndmemberChoice c : vm.endmembers()) {
            c.usedProperty().set(false);
        }
        assertThat(vm.canRunBinding().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo("Choose at least one endmember.");
    }

    @Test
    void aMeasuredSpectralLibraryCanBeTheEndmembersButNotForAnalysisBySynthesis() throws Exception {
        open(null);
        // pure-mineral "measurements": the library's minerals rendered on the mixtures' axis
        double[] axis = vm.mixturesProperty().get().get(0).axis();
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        List<Spectrum> pure = new ArrayList<>();
        for (String name : MINERALS) {
            Mineral m = h.document.library().require(name);
            double[] e = new double[axis.length];
            evaluator.evaluate(m, Quantity.EMISSIVITY, e);
            pure.add(new Spectrum(name, SpectrumKind.EMISSIVITY, axis, e));
        }
        Path file = dir.resolve("pure-minerals.csv");
        SpectrumFiles.writeCsv(file, pure);
        h.dialogs.file(file);

        vm.openMeasuredLibrary();

        assertThat(vm.sourceProperty().get()).isEqualTo(UnmixViewModel.Source.MEASURED);
        assertThat(vm.measuredSourceProperty().get()).isEqualTo("pure-minerals.csv");
        assertThat(vm.endmembers()).extracting(EndmemberChoice::name).containsExactlyElementsOf(MINERALS);
        assertThat(vm.recentFiles()).contains(file.toAbsolutePath().normalize());
        vm.methodProperty().set(UnmixMethod.NNLS);
        vm.run();
        assertThat(vm.runSummaryProperty().get()).startsWith("NNLS: 6 spectra");
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < MINERALS.size(); k++) {
                assertThat(vm.results().get(i).abundance(MINERALS.get(k))).isCloseTo(KNOWN[i][k], within(0.01));
            }
        }
        vm.methodProperty().set(UnmixMethod.ABS);
        assertThat(vm.canRunBinding().get()).isFalse();
        assertThat(vm.problemProperty().get()).startsWith("Analysis-by-synthesis flexes oscillator models");
        vm.sourceProperty().set(UnmixViewModel.Source.LIBRARY);
        assertThat(vm.canRunBinding().get()).isTrue();
    }

    @Test
    void cancellingARunKeepsThePreviousResults() throws Exception {
        CancellingTaskRunner runner = new CancellingTaskRunner("unmix", 2);
        open(runner);
        vm.methodProperty().set(UnmixMethod.ABS);
        vm.run();
        assertThat(runner.cancelled).isEqualTo(1);
        assertThat(vm.results()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canRunBinding().get()).isTrue();
        assertThat(h.status.current()).isEqualTo("Unmixing cancelled; the results shown are from before.");
        assertThat(h.dialogs.errors).isEmpty();
    }

    @Test
    void theResultsExportAsCsv() throws Exception {
        open(null);
        vm.run();
        Path out = dir.resolve("results");
        h.dialogs.file(out);
        vm.exportCsv();
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("spectrum,method,rms,blackbody,iterations,Quartz,Quartz stderr,");
        assertThat(lines.get(1)).startsWith("mix01-quartz-albite,fcls,");
        assertThat(h.status.current()).isEqualTo("Saved 6 results to results.csv");
    }

    @Test
    void theEndmembersFollowTheLibraryAndKeepTheirChoices() throws Exception {
        open(null);
        choice("Enstatite").usedProperty().set(false);
        h.document.renameMineral("Albite", "Albite (An0)");
        assertThat(vm.endmembers()).extracting(EndmemberChoice::name).contains("Albite (An0)").doesNotContain("Albite");
        assertThat(choice("Enstatite").usedProperty().get()).isFalse();
        h.document.history().undo();
        assertThat(vm.endmembers()).extracting(EndmemberChoice::name).containsExactlyElementsOf(MINERALS);
        assertThat(Arrays.asList(vm.endmembers().stream().filter(c -> !c.usedProperty().get())
                .map(EndmemberChoice::name).toArray())).containsExactly("Enstatite");
    }

    @Test
    void aNarrowWindowIsRefusedForTooManyEndmembers() throws Exception {
        open(null);
        vm.setWindow(1000, 1010); // six channels for six minerals and a blackbody
        assertThat(vm.canRunBinding().get()).isFalse();
        assertThat(vm.problemProperty().get()).startsWith("The window holds 6 channels");
        vm.resetWindow();
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void absorbanceSpectraAreRefusedWithTheReason() throws Exception {
        open(null);
        Path jdx = dir.resolve("absorbance.jdx");
        StringBuilder sb = new StringBuilder("##TITLE=film\n##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n"
                + "##XYPOINTS=(XY..XY)\n");
        for (int c = 0; c < 200; c++) {
            sb.append(400 + 7 * c).append(", ").append(0.1 + 0.001 * c).append('\n');
        }
        Files.writeString(jdx, sb.append("##END=\n").toString());
        vm.openMixtures(jdx);
        assertThat(vm.canRunBinding().get()).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo("'film' is absorbance: unmixing models emissivity and"
                + " reflectance only.");
    }
}
