package dev.oscilla.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        InverseRenderModel one = train(TinyModels.quick(2, 48, 1), TrainingListener.NONE);
        InverseRenderModel three = train(TinyModels.quick(2, 48, 3), TrainingListener.NONE);
        assertThat(three.weightsView()).containsExactly(one.weightsView());
        InverseRenderModel otherSeed = train(TinyModels.quick(2, 48, 2).withSeed(2), TrainingListener.NONE);
        assertThat(otherSeed.weightsView()).isNotEqualTo(one.weightsView());
    }

    @Test
    void trainingLowersTheLossAndReadsPureMinerals() {
        List<EpochReport> reports = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        TrainingConfig config = TinyModels.quick(6, 512, 2).withActivityThreshold(0.01);
        Trainer trainer = new Trainer(TinyModels.mixtures(), TinyModels.TINY, TinyModels.WINDOW, config);
        InverseRenderModel model = trainer.train(reports::add, (f, m) -> progress.add(f), CancellationToken.NONE);

        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(trainer.history()).isEqualTo(reports);
        EpochReport first = reports.get(0);
        EpochReport last = reports.get(reports.size() - 1);
        assertThat(last.validationLoss()).isLessThan(0.6 * first.validationLoss());
        assertThat(last.validationGroup()).isLessThan(first.validationGroup());
        assertThat(last.learningRate()).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        assertThat(model.training()).containsEntry("epochs_completed", 6);
        assertThat(reports).allSatisfy(r -> assertThat(r.liveMinerals()).isBetween(1.0, 3.0));
        assertThatThrownBy(() -> trainer.train(TrainingListener.NONE, ProgressListener.NONE,
                CancellationToken.NONE)).isInstanceOf(IllegalStateException.class);

        InverseRenderPredictor predictor = model.newPredictor();
        double[][] pure = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int[] libraryIndex = {0, 1, 3};
        for (int i = 0; i < 3; i++) {
            Prediction p = predictor.predict(new Spectrum("pure", SpectrumKind.EMISSIVITY, TinyModels.AXIS,
                    ModelFileTest.mixture(pure[i])));
            double[] a = p.abundances();
            double mineralTotal = 1 - p.blackbodyFraction();
            assertThat(a[libraryIndex[i]] / mineralTotal).as("pure %s", p.endmembers().get(libraryIndex[i]))
                    .isGreaterThan(0.6);
        }
    }

    @Test
    void listenersSeeEveryStepAndCancellationKeepsTheLastEpoch() {
        CancellationToken cancel = new CancellationToken();
        AtomicReference<Integer> steps = new AtomicReference<>(0);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
                if (report.epoch() == 2) {
                    cancel.cancel();
                }
            }

            @Override
            public void stepFinished(int epoch, int step, int stepsPerEpoch, double loss) {
                assertThat(stepsPerEpoch).isEqualTo(3);
                assertThat(loss).isFinite();
                steps.set(steps.get() + 1);
            }
        };
        Trainer trainer = new Trainer(TinyModels.mixtures(), TinyModels.TINY, TinyModels.WINDOW,
                TinyModels.quick(5, 48, 2));
        assertThat(trainer.lastCompletedEpoch()).isEmpty();
        assertThatThrownBy(() -> trainer.train(listener, ProgressListener.NONE, cancel))
                .isInstanceOf(CancellationException.class);
        assertThat(steps.get()).isEqualTo(6);
        assertThat(trainer.history()).hasSize(2);
        assertThat(trainer.lastCompletedEpoch()).get().satisfies(m ->
                assertThat(m.training()).containsEntry("epochs_completed", 2));
    }

    @Test
    void aFixedTrainingSetRevisitsTheSameMixturesInANewOrder() {
        Trainer fixed = new Trainer(TinyModels.mixtures(), TinyModels.TINY, TinyModels.WINDOW,
                TinyModels.quick(2, 64, 1).withSamples(64, false));
        long[] first = fixed.sampleSeeds(1);
        long[] second = fixed.sampleSeeds(2);
        assertThat(second).containsExactlyInAnyOrder(first).isNotEqualTo(first);
        assertThat(java.util.Arrays.stream(first).distinct().count()).isEqualTo(64);

        Trainer fresh = new Trainer(TinyModels.mixtures(), TinyModels.TINY, TinyModels.WINDOW,
                TinyModels.quick(2, 64, 1));
        long[] a = fresh.sampleSeeds(1);
        long[] b = fresh.sampleSeeds(2);
        assertThat(a).doesNotContain(b);
    }

    private static InverseRenderModel train(TrainingConfig config, TrainingListener listener) {
        return new Trainer(TinyModels.mixtures(), TinyModels.TINY, TinyModels.WINDOW, config).train(listener,
                ProgressListener.NONE, CancellationToken.NONE);
    }
}
