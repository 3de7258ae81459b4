package dev.oscilla.ui.unmix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.testing.VmHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 4: scoring against known abundances. Rocks know their mineralogy per group; the group sums show the
 * known share of every group, invalid rocks are not scored, and endmembers without a group are warned about and
 * scored per endmember.
 */
@UsesSharedData
class UnmixScoringTest {

    @TempDir
    Path dir;

    @Test
    void rocksShowTheKnownShareOfEveryGroupAndTheirMeanLeavesOutTheInvalidRocks() throws Exception {
        VmHarness h = new VmHarness(BundledSamples.library(), dir);
        UnmixViewModel vm = new UnmixViewModel(h.context);
        vm.openMixtures(SharedData.feely("rocks_tab.txt"));
        vm.openMeasuredLibrary(SharedData.feely("library_tab.txt"));
        vm.run();
        assertThat(vm.results()).hasSize(66);
        assertThat(vm.scoreSummaryProperty().get()).startsWith("vs known abundances, mean of 60:");
        // the first rock: amphiboles 0.04, biotite-chlorite 0.13, feldspar 0.49, quartz 0.34
        vm.selectedProperty().set(vm.results().get(0));
        Map<String, Double> known = vm.groups().stream().filter(g -> !Double.isNaN(g.known()))
                .collect(Collectors.toMap(GroupRow::group, GroupRow::known));
        assertThat(known).containsEntry("feldspar", 0.49).containsEntry("quartz", 0.34)
                .containsEntry("biotite-chlorite", 0.13).containsEntry("amphiboles", 0.04);
        // an invalid rock is unmixed but not scored
        UnmixRow invalid = vm.results().stream().filter(r -> r.score() == null).findFirst().orElseThrow();
        assertThat(Double.isNaN(invalid.squaredError())).isTrue();
    }

    @Test
    void endmembersWithoutAGroupAreWarnedAboutAndScoredPerEndmember() throws Exception {
        // the bundled library without its groups: the mixtures' known columns name the minerals themselves
        List<Mineral> ungrouped = new ArrayList<>();
        for (Mineral m : BundledSamples.library().minerals()) {
            ungrouped.add(m.withCategory(""));
        }
        VmHarness h = new VmHarness(new MineralLibrary("no groups", "", ungrouped), dir);
        h.session.samplesDirProperty().set(BundledSamples.extractTo(dir.resolve("samples")));
        UnmixViewModel vm = new UnmixViewModel(h.context);
        assertThat(vm.groupWarningProperty().get()).contains("6 endmembers have no group");
        vm.run();
        assertThat(vm.scoredProperty().get()).isTrue();
        assertThat(vm.results().get(0).precision()).isEqualTo(1.0);
        assertThat(vm.notes()).anySatisfy(n -> assertThat(n).contains("no group"));

        // rocks know groups, not minerals: only Quartz finds its column ("quartz"); the others are not scored, and
        // the summary says so instead of a silent precision of 0
        vm.openMixtures(SharedData.feely("rocks_tab.txt"));
        vm.run();
        assertThat(vm.scoreSummaryProperty().get()).contains("5 endmembers not scored")
                .contains("Calcite", "Albite");
    }
}
