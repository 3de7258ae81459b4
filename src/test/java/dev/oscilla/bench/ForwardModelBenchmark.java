package dev.oscilla.bench;

import dev.oscilla.io.InfraRenderHdfReader;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;
import dev.oscilla.testing.SharedData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The forward model on the 38-mineral feely library (1,099 oscillators) over the 830 channels of the
 * published window, 399.29-1998.38 cm^-1: about 0.91 M oscillator-channel terms per library evaluation.
 * Throughput in terms/s = 1099 * 830 / (seconds per op). Run: {@code mvn -Pjmh test-compile exec:exec
 * -Djmh.args="ForwardModelBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ForwardModelBenchmark {

    private DispersionEvaluator evaluator;
    private ParameterLayout[] layouts;
    private double[][] parameters;
    private double[] out;
    private double[] jacobian;
    private double[] adjoint;
    private double[] gradient;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        MineralLibrary library = InfraRenderHdfReader.read(SharedData.feely("feely_params.hdf"));
        double[] axis = BenchData.feelyWindowAxis();
        evaluator = new DispersionEvaluator(axis);
        layouts = new ParameterLayout[library.size()];
        parameters = new double[library.size()][];
        int maxParams = 0;
        for (int i = 0; i < library.size(); i++) {
            Mineral m = library.get(i);
            layouts[i] = m.layout();
            parameters[i] = m.parameters();
            maxParams = Math.max(maxParams, layouts[i].size());
        }
        out = new double[axis.length];
        jacobian = new double[axis.length * maxParams];
        adjoint = new double[axis.length];
        java.util.Arrays.fill(adjoint, 1e-3);
        gradient = new double[maxParams];
    }

    /** Emissivity of all 38 minerals, values only. */
    @Benchmark
    public void valuesOnly(Blackhole bh) {
        for (int i = 0; i < layouts.length; i++) {
            evaluator.evaluate(layouts[i], parameters[i], 0, Quantity.EMISSIVITY, out, 0, null, 0);
            bh.consume(out);
        }
    }

    /** Emissivity and its full Jacobian for all 38 minerals. */
    @Benchmark
    public void valuesAndJacobian(Blackhole bh) {
        for (int i = 0; i < layouts.length; i++) {
            evaluator.evaluate(layouts[i], parameters[i], 0, Quantity.EMISSIVITY, out, 0, jacobian, 0);
            bh.consume(jacobian);
        }
    }

    /** Emissivity and a vector-Jacobian product (the backward pass of a physics layer). */
    @Benchmark
    public void valuesAndGradient(Blackhole bh) {
        for (int i = 0; i < layouts.length; i++) {
            evaluator.evaluateWithGradient(layouts[i], parameters[i], 0, Quantity.EMISSIVITY, out, 0, adjoint, 0,
                    gradient, 0);
            bh.consume(gradient);
        }
    }
}
