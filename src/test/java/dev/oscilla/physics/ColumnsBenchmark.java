package dev.oscilla.physics;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The Jacobian column kernel alone, 30 oscillators on 830 channels (diagnostic). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ColumnsBenchmark {
    DispersionEvaluator ev;

    @Setup
    public void setUp() {
        double[] axis = new double[830];
        for (int c = 0; c < axis.length; c++) {
            axis[c] = 400 + 1.93 * c;
        }
        ev = new DispersionEvaluator(axis);
        ev.evaluate(new ParameterLayout(1), new double[] {2.5, 1, 1000, 0.1, 0.02}, 0, Quantity.EMISSIVITY,
                new double[830], 0, new double[830 * 5], 0);
    }

    @Benchmark
    public void columns30() {
        for (int j = 0; j < 30; j++) {
            ev.oscillatorColumns(450 + 40 * j, 0.1, 0.02);
        }
    }
}
