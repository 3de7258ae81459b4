package dev.oscilla.bench;

import dev.oscilla.io.AsuTabReader;
import dev.oscilla.io.InfraRenderHdfReader;
import dev.oscilla.io.InverseRenderModelFile;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.learn.InverseRenderPredictor;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.testing.SharedData;
import dev.oscilla.unmix.LibraryMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inverse-rendering inference on the 60 valid feely rocks: one network pass, rendering and blackbody per
 * spectrum, single thread. Needs a model trained for the feely library: {@code mvn -Pjmh test-compile exec:exec
 * -Djmh.args="InverseRenderBenchmark -p model=/path/to/model.bin"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class InverseRenderBenchmark {

    @Param("")
    public String model;

    private InverseRenderPredictor predictor;
    private List<Spectrum> rocks;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (model.isEmpty()) {
            throw new IllegalArgumentException("give the model file: -p model=/path/to/model.bin");
        }
        SpectrumSet library = AsuTabReader.read(SharedData.feely("library_tab.txt"),
                SharedData.feely("library_meta.csv"));
        MineralLibrary models = LibraryMatcher.match(library,
                InfraRenderHdfReader.read(SharedData.feely("feely_params.hdf")), WavenumberWindow.FEELY).library();
        predictor = InverseRenderModelFile.read(Path.of(model), models).newPredictor();
        SpectrumSet set = AsuTabReader.read(SharedData.feely("rocks_tab.txt"), SharedData.feely("rocks_meta.csv"));
        rocks = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            if (!set.categories().get(i).equalsIgnoreCase("invalid")) {
                rocks.add(set.get(i));
            }
        }
    }

    /** One spectrum per call, cycling through the rocks. */
    @Benchmark
    public Object predictOneRock() {
        Spectrum s = rocks.get(next);
        next = (next + 1) % rocks.size();
        return predictor.predict(s);
    }
}
