package dev.oscilla.spark;

import dev.oscilla.cli.CubeJob;
import dev.oscilla.cli.OscillaCli;
import dev.oscilla.cli.UnmixCubeOptions;
import dev.oscilla.cli.UserException;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.cube.CubeOutputs;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.io.envi.EnviRegionWriter;
import dev.oscilla.pipeline.CubeLayout;
import dev.oscilla.pipeline.CubeStatistics;
import dev.oscilla.pipeline.CubeUnmixer;
import dev.oscilla.pipeline.UnmixerFactory;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.unmix.EndmemberMatrix;
import dev.oscilla.unmix.LinearUnmixer;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code unmix-cube} on Apache Spark, for cubes of 10^8 spectra: the driver opens the cube and prepares the method
 * exactly as {@code unmix-cube} does ({@link CubeJob#plan}), stages the output files on the shared file system, and
 * sends the tiles to the executors. For the linear methods it broadcasts the endmember matrix with its Gram matrix
 * (computed once, on the driver); the other methods are prepared on each executor from the same files. Each
 * partition runs {@link CubeUnmixer.Worker} (the per-pixel code of {@code unmix-cube}), reading its tiles from the
 * memory-mapped cube and writing its results in place into the staged outputs; the driver merges the partitions'
 * statistics and commits the same outputs as {@code unmix-cube} (ENVI cubes, mask, quicklooks, summary).
 *
 * <p>Every executor must see the cube, the library files and the output folder at the same paths (a shared file
 * system). Run with {@code spark-submit --class dev.oscilla.spark.SparkUnmixCube target/oscilla-spark.jar
 * --cube ... --out ...} (see README).
 */
@Command(name = "oscilla-spark-unmix-cube", mixinStandardHelpOptions = true,
        description = "Unmix every pixel of an ENVI cube on a Spark cluster (same outputs as oscilla unmix-cube).")
public final class SparkUnmixCube implements Callable<Integer> {

    @Mixin
    UnmixCubeOptions options;

    @Option(names = "--master", description = "Spark master (default: the one spark-submit sets, else local[*]).")
    String master;

    @Option(names = "--partitions", description = "Partitions of tiles (default: 4 per core of the cluster).")
    Integer partitions;

    public static void main(String[] args) {
        int status = OscillaCli.withErrorHandlers(new CommandLine(new SparkUnmixCube())).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws SpectralFileException {
        CubeJob.checkOutputFolder(options.out());
        long t0 = System.nanoTime();
        SparkSession.Builder builder = SparkSession.builder().appName("oscilla unmix-cube")
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            builder.master(master);
        } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            double startup = (System.nanoTime() - t0) * 1e-9;
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Result r = run(jsc, options.inputs(), options.out(), options.outputOptions(), partitions);
            if (!options.quiet()) {
                CubeStatistics s = r.statistics();
                System.err.printf(Locale.ROOT, "oscilla spark unmix-cube: unmixed %,d of %,d pixels (%,d without data, "
                        + "%,d failed) in %.1f s after a session start of %.1f s, %d partitions, median RMS %.4g%n",
                        s.unmixed(), s.pixels(), s.noData(), s.failed(), r.seconds(), startup, r.partitions(),
                        s.rmsQuantile(0.5));
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    /**
     * @param statistics merged over the partitions
     * @param seconds    wall time from opening the cube to the committed outputs, s
     * @param partitions partitions of tiles
     */
    public record Result(CubeStatistics statistics, CubeLayout layout, String description, List<Path> written,
                         double seconds, int partitions) {
    }

    /**
     * The linear method's prepared state, shipped once to every executor: the endmember matrix (Gram matrix
     * included) and the settings.
     */
    record LinearPlan(EndmemberMatrix matrix, UnmixSettings settings) implements Serializable {
    }

    /** What an executor needs besides its tiles; paths as text (paths are not serializable). */
    record Spec(String cubeHeader, double[] bandWavenumbers, int[] channels, double[] axis, boolean[] inWindow,
                CubeLayout layout, int capacity, CubeOutputs.Targets targets, InputFiles inputs)
            implements Serializable {
    }

    /** The user's inputs, as text, for executors that prepare a non-linear method from the same files. */
    record InputFiles(String cube, String axis, dev.oscilla.spectrum.AxisUnit xUnit, String library,
                      String libraryMeta, String params, String model, dev.oscilla.unmix.UnmixMethod method,
                      dev.oscilla.spectrum.WavenumberWindow window, boolean blackbody, List<String> forced)
            implements Serializable {

        static InputFiles of(CubeJob.Inputs in) {
            return new InputFiles(text(in.cube()), text(in.axis()), in.xUnit(), text(in.library()),
                    text(in.libraryMeta()), text(in.params()), text(in.model()), in.method(), in.window(),
                    in.blackbody(), List.copyOf(in.forced()));
        }

        CubeJob.Inputs toInputs() {
            return new CubeJob.Inputs(path(cube), path(axis), xUnit, path(library), path(libraryMeta), path(params),
                    path(model), method, window, blackbody, forced);
        }

        private static String text(Path p) {
            return p == null ? null : p.toAbsolutePath().toString();
        }

        private static Path path(String s) {
            return s == null ? null : Paths.get(s);
        }
    }

    /**
     * Unmixes the cube named by {@code in} on the cluster of {@code jsc} into {@code out}.
     *
     * @param partitions partitions of tiles; null for 4 per core of the cluster
     */
    public static Result run(JavaSparkContext jsc, CubeJob.Inputs in, Path out, CubeOutputs.Options options,
                             Integer partitions) throws SpectralFileException {
        long t0 = System.nanoTime();
        CubeJob.checkOutputFolder(out);
        try (CubeJob.Plan plan = CubeJob.plan(in, CancellationToken.NONE)) {
            CubeUnmixer unmixer = plan.unmixer();
            EnviCube cube = plan.cube();
            CubeLayout layout = unmixer.layout();
            int cores = jsc.defaultParallelism();
            int slices = partitions != null ? partitions : 4 * cores;
            if (slices < 1) {
                throw new UserException("--partitions must be >= 1");
            }
            List<CubeUnmixer.Tile> tiles = unmixer.tiles(slices);
            int capacity = tiles.stream().mapToInt(CubeUnmixer.Tile::pixels).max().orElse(1);
            SpectrumUnmixer probe = unmixer.newUnmixer();
            Broadcast<LinearPlan> linear = probe instanceof LinearUnmixer lu
                    ? jsc.broadcast(new LinearPlan(lu.matrix(), lu.settings())) : null;
            CubeStatistics statistics = new CubeStatistics(layout.bandNames());
            List<Path> written;
            try (CubeOutputs outputs = CubeOutputs.create(out, layout, cube.lines(), cube.samples(), options,
                    plan.description(), cube.header())) {
                Spec spec = new Spec(cube.headerFile().toAbsolutePath().toString(), plan.bandWavenumbers(),
                        plan.channels(), plan.axis(), CubeUnmixer.windowChannels(plan.axis(), plan.request()), layout,
                        capacity, outputs.targets(), InputFiles.of(in));
                JavaRDD<CubeUnmixer.Tile> rdd = jsc.parallelize(tiles, Math.min(slices, tiles.size()));
                List<CubeStatistics> parts = rdd.mapPartitions(it -> partition(it, spec, linear)).collect();
                for (CubeStatistics s : parts) {
                    statistics.merge(s);
                }
                written = outputs.commit(statistics, Runtime.getRuntime().availableProcessors());
            } finally {
                if (linear != null) {
                    linear.destroy();
                }
            }
            return new Result(statistics, layout, plan.description(), written, (System.nanoTime() - t0) * 1e-9,
                    Math.min(slices, tiles.size()));
        }
    }

    /** One partition on an executor: the same worker as {@code unmix-cube}, over this partition's tiles. */
    static Iterator<CubeStatistics> partition(Iterator<CubeUnmixer.Tile> tiles, Spec spec,
                                              Broadcast<LinearPlan> linear) throws Exception {
        if (!tiles.hasNext()) {
            return List.<CubeStatistics>of().iterator();
        }
        try (EnviCube cube = EnviCube.open(Paths.get(spec.cubeHeader()), EnviCube.OpenOptions.axis(
                spec.bandWavenumbers(), "the driver's axis"));
             EnviRegionWriter a = spec.targets().abundances().open();
             EnviRegionWriter r = spec.targets().rms().open();
             EnviRegionWriter m = spec.targets().mask().open()) {
            SpectrumUnmixer unmixer;
            if (linear != null) {
                LinearPlan p = linear.value();
                unmixer = new LinearUnmixer(p.matrix(), p.settings());
            } else {
                unmixer = UnmixerFactory.prepare(CubeJob.request(spec.inputs().toInputs()), spec.axis()).factory()
                        .get();
            }
            CubeUnmixer.Worker worker = new CubeUnmixer.Worker(unmixer, spec.layout(), spec.axis(), spec.inWindow(),
                    spec.capacity());
            CubeUnmixer.TileSink sink = CubeOutputs.sink(spec.targets().bands(), a, r, m);
            int[] channels = spec.channels();
            CubeUnmixer.RegionReader reader = (fl, lc, fs, sc, values) -> cube.readRegion(fl, lc, fs, sc, channels,
                    values);
            while (tiles.hasNext()) {
                worker.process(tiles.next(), reader, sink, CancellationToken.NONE);
            }
            return List.of(worker.statistics()).iterator();
        }
    }
}
