package dev.oscilla.ui.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.testing.CancellingTaskRunner;
import dev.oscilla.ui.testing.VmHarness;
import dev.oscilla.ui.unmix.UnmixRow;
import dev.oscilla.ui.unmix.UnmixViewModel;
import dev.oscilla.unmix.UnmixMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Network view-model on the bundled sample library (six minerals), trained inline for a few short epochs on the
 * bundled mixtures' axis; then the Unmix view-model uses the network for ir and ir+abs.
 */
class NetworkViewModelTest {

    @TempDir
    Path dir;

    private VmHarness h;
    private NetworkViewModel vm;

    private void open(dev.oscilla.ui.common.TaskRunner runner) throws Exception {
        h = new VmHarness(BundledSamples.library(), dir.resolve("config"), runner);
        vm = new NetworkViewModel(h.context);
        vm.epochsProperty().set(3);
        vm.samplesProperty().set(64);
    }

    @Test
    void trainsForTheOpenLibraryDrawsTheLossCurveAndKeepsARecoveryCopy() throws Exception {
        open(null);
        assertThat(vm.canTrainBinding().get()).isTrue();
        assertThat(vm.networkProperty().get()).isNull();

        vm.train();

        InverseRenderModel model = vm.networkProperty().get();
        assertThat(model).isNotNull();
        assertThat(model.library().name()).isEqualTo(BundledSamples.library().name());
        assertThat(model.axis()).hasSize(701).startsWith(400.0).endsWith(1800.0);
        double[][] training = series(vm.lossPlot(), "training").snapshot();
        double[][] validation = series(vm.lossPlot(), "validation").snapshot();
        assertThat(training[0]).containsExactly(1, 2, 3);
        assertThat(validation[0]).containsExactly(1, 2, 3);
        for (double[] s : new double[][] {training[1], validation[1]}) {
            assertThat(java.util.Arrays.stream(s).allMatch(v -> v > 0 && Double.isFinite(v))).isTrue();
        }
        assertThat(vm.lastEpochProperty().get()).startsWith("epoch 3 of 3");
        assertThat(vm.unsavedProperty().get()).isTrue();
        assertThat(vm.modelSummaryProperty().get()).contains("not saved").contains("3 epochs");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(dir.resolve("config").resolve(NetworkViewModel.RECOVERY_FILE)).isRegularFile();

        // the next start (same configuration folder and library) finds the trained network again
        VmHarness next = new VmHarness(BundledSamples.library(), dir.resolve("config"));
        NetworkViewModel restored = new NetworkViewModel(next.context);
        assertThat(restored.networkProperty().get()).isNotNull();
        assertThat(restored.networkProperty().get().axis()).containsExactly(model.axis());
        assertThat(restored.modelSummaryProperty().get()).contains("last one trained");
    }

    @Test
    void settingsThatCannotTrainAreExplainedAndDisableTraining() throws Exception {
        open(null);
        vm.axisStepField().textProperty().set("50");
        vm.axisStepField().commit();
        assertThat(vm.canTrainBinding().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("29 channels").contains("at least 64");
        vm.axisStepField().textProperty().set("2");
        vm.axisStepField().commit();
        assertThat(vm.canTrainBinding().get()).isTrue();

        vm.epochsProperty().set(0);
        assertThat(vm.problemProperty().get()).contains("at least one epoch");
        vm.epochsProperty().set(3);
        h.document.replace(new MineralLibrary("empty", "", List.of()), null, false, null);
        assertThat(vm.problemProperty().get()).contains("no minerals");
        vm.train();
        assertThat(vm.networkProperty().get()).isNull();
    }

    @Test
    void cancellingKeepsTheNetworkThatWasInUse() throws Exception {
        CancellingTaskRunner runner = new CancellingTaskRunner("train network", 3);
        open(runner);
        vm.train();

        assertThat(runner.cancelled).isEqualTo(1);
        assertThat(vm.networkProperty().get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canTrainBinding().get()).isTrue();
        assertThat(h.status.current()).contains("cancelled");
        assertThat(dir.resolve("config").resolve(NetworkViewModel.RECOVERY_FILE)).doesNotExist();
    }

    @Test
    void savesTheModelAndRefusesToOpenItForAnotherLibrary() throws Exception {
        open(null);
        vm.train();
        Path file = dir.resolve("net.bin");
        h.dialogs.file(file);
        vm.saveModel();
        assertThat(file).isRegularFile();
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(vm.modelSummaryProperty().get()).contains("saved as net.bin");

        VmHarness same = new VmHarness(BundledSamples.library(), dir.resolve("other-config"));
        NetworkViewModel reopened = new NetworkViewModel(same.context);
        reopened.openModel(file);
        assertThat(reopened.networkProperty().get()).isNotNull();
        assertThat(same.dialogs.errors).isEmpty();

        MineralLibrary fewer = BundledSamples.library().withMinerals(
                BundledSamples.library().minerals().subList(0, 3));
        VmHarness other = new VmHarness(fewer, dir.resolve("third-config"));
        NetworkViewModel refused = new NetworkViewModel(other.context);
        refused.openModel(file);
        assertThat(refused.networkProperty().get()).isNull();
        assertThat(other.dialogs.errors).hasSize(1);
        assertThat(other.dialogs.errors.get(0)).containsIgnoringCase("library");
    }

    @Test
    void theUnmixViewUsesTheNetworkForIrAndIrAbs() throws Exception {
        open(null);
        h.session.samplesDirProperty().set(BundledSamples.extractTo(dir.resolve("samples")));
        UnmixViewModel unmix = new UnmixViewModel(h.context);
        unmix.methodProperty().set(UnmixMethod.IR);
        assertThat(unmix.canRunBinding().get()).isFalse();
        assertThat(unmix.problemProperty().get()).contains("Network view");

        vm.train();
        assertThat(unmix.canRunBinding().get()).isTrue();
        unmix.run();
        assertThat(unmix.results()).hasSize(6);
        assertThat(unmix.results()).allSatisfy(r -> assertThat(r.result().method()).isEqualTo(UnmixMethod.IR));
        assertThat(unmix.notes().get(0)).contains("network's library");
        double irRms = unmix.results().stream().mapToDouble(UnmixRow::rms).average().orElseThrow();

        unmix.methodProperty().set(UnmixMethod.IR_ABS);
        unmix.run();
        assertThat(unmix.results()).hasSize(6);
        assertThat(unmix.results()).allSatisfy(r -> {
            assertThat(r.result().method()).isEqualTo(UnmixMethod.IR_ABS);
            double sum = 0;
            for (int j = 0; j < r.result().size(); j++) {
                sum += r.result().abundance(j);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        });
        double irAbsRms = unmix.results().stream().mapToDouble(UnmixRow::rms).average().orElseThrow();
        // analysis-by-synthesis refines the (briefly trained) network's answer against each spectrum
        assertThat(irAbsRms).isLessThan(0.5 * irRms);
    }

    private static PlotModel.Series series(PlotModel plot, String name) {
        return plot.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
