package dev.oscilla.learn;

import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains an inverse-rendering network end to end on synthetic mixtures ({@link SyntheticMixtures}) with Adam.
 *
 * <p>Parallelism and determinism: each optimiser step splits its batch into micro-batches of
 * {@link TrainingConfig#microBatch()} samples; worker threads take micro-batches, each accumulates its gradient
 * into that micro-batch's own buffer, and the buffers are summed in micro-batch order before the step. Every
 * sample is a pure function of its seed, so for a given seed and configuration the trained weights are bit for bit
 * the same for any number of threads (changing the micro-batch size changes the summation order, hence the last
 * bits).
 *
 * <p>Progress goes to a {@link ProgressListener} after every step; the loss curve to a {@link TrainingListener}.
 * Cancellation is polled between steps: a cancelled run throws {@link CancellationException}, and
 * {@link #lastCompletedEpoch()} still returns the model as it was after the last finished epoch.
 */
public final class Trainer {

    private static final long VALIDATION_STREAM = 0x5DEECE66DL;

    private final SyntheticMixtures data;
    private final WavenumberWindow window;
    private final TrainingConfig config;
    private final InverseRenderNetwork network;
    private final MixtureLoss loss;
    private final List<EpochReport> history = new ArrayList<>();
    private volatile InverseRenderModel lastEpochModel;
    private boolean started;

    public Trainer(SyntheticMixtures data, Architecture architecture, WavenumberWindow window, TrainingConfig config) {
        this.data = data;
        this.window = window;
        this.config = config;
        this.network = new InverseRenderNetwork(architecture, data.models(), data.axisView());
        this.loss = new MixtureLoss(data.models(), data.axisView().length, config.lossWeights());
    }

    /** Trainable weights of the network. */
    public int weightCount() {
        return network.weightCount();
    }

    public String describeNetwork() {
        return network.describe();
    }

    /** The epochs finished so far. */
    public synchronized List<EpochReport> history() {
        return List.copyOf(history);
    }

    /** The model after the last finished epoch (empty before the first), e.g. to keep after a cancel. */
    public Optional<InverseRenderModel> lastCompletedEpoch() {
        return Optional.ofNullable(lastEpochModel);
    }

    /** Runs the whole training and returns the trained model. A trainer runs once. */
    public InverseRenderModel train(TrainingListener listener, ProgressListener progress, CancellationToken cancel) {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("this trainer has already run; make a new one");
            }
            started = true;
        }
        long start = System.nanoTime();
        double[] weights = network.initialWeights(mix(config.seed(), -1, -1));
        double[] gradient = new double[weights.length];
        Adam adam = new Adam(weights.length);
        int batch = config.batchSize();
        int micro = Math.min(config.microBatch(), batch);
        int shards = (batch + micro - 1) / micro;
        double[][] shardGradients = new double[shards][weights.length];
        double[][] shardParts = new double[shards][MixtureLoss.PARTS + 1]; // loss terms, then live minerals
        double[] shardLoss = new double[shards];
        int threads = Math.max(1, Math.min(config.threads(), shards));
        int stepsPerEpoch = (config.samplesPerEpoch() + batch - 1) / batch;
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        long[] validationSeeds = new long[config.validationSamples()];
        for (int i = 0; i < validationSeeds.length; i++) {
            validationSeeds[i] = mix(config.seed() ^ VALIDATION_STREAM, -2, i);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "oscilla-train-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Worker> workers = new ArrayBlockingQueue<>(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(micro));
        }
        try {
            long step = 0;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long[] seeds = sampleSeeds(epoch);
                double epochLoss = 0;
                double[] epochParts = new double[MixtureLoss.PARTS + 1];
                double rate = config.learningRate();
                for (int s = 0; s < stepsPerEpoch; s++) {
                    cancel.throwIfCancelled();
                    int from = s * batch;
                    int count = Math.min(batch, config.samplesPerEpoch() - from);
                    int used = (count + micro - 1) / micro;
                    List<Future<?>> futures = new ArrayList<>(used);
                    for (int k = 0; k < used; k++) {
                        int shard = k;
                        int lo = from + k * micro;
                        int n = Math.min(micro, count - k * micro);
                        futures.add(pool.submit(() -> {
                            Worker w = workers.take();
                            try {
                                w.gradientStep(weights, seeds, lo, n, shardGradients[shard], shardParts[shard],
                                        shardLoss, shard);
                            } finally {
                                workers.put(w);
                            }
                            return null;
                        }));
                    }
                    await(futures, cancel);
                    double stepLoss = 0;
                    for (int k = 0; k < used; k++) {
                        stepLoss += shardLoss[k];
                        for (int q = 0; q <= MixtureLoss.PARTS; q++) {
                            epochParts[q] += shardParts[k][q];
                        }
                    }
                    double inv = 1.0 / count;
                    rate = learningRate(step, totalSteps);
                    adam.beginStep();
                    reduceAndUpdate(weights, gradient, shardGradients, used, inv, adam, rate, pool, cancel);
                    step++;
                    epochLoss += stepLoss;
                    listener.stepFinished(epoch, s + 1, stepsPerEpoch, stepLoss * inv);
                    progress.progress(step / (double) totalSteps, String.format(Locale.ROOT,
                            "epoch %d/%d, step %d/%d, loss %.5f", epoch, config.epochs(), s + 1, stepsPerEpoch,
                            stepLoss * inv));
                }
                double[] validation = validate(weights, validationSeeds, pool, workers, micro, cancel);
                int n = config.samplesPerEpoch();
                EpochReport report = new EpochReport(epoch, config.epochs(), epochLoss / n,
                        epochParts[MixtureLoss.SPECTRAL] / n, epochParts[MixtureLoss.ABUNDANCE] / n,
                        epochParts[MixtureLoss.GROUP] / n, validation[0], validation[1 + MixtureLoss.SPECTRAL],
                        validation[1 + MixtureLoss.ABUNDANCE], validation[1 + MixtureLoss.GROUP], rate,
                        epochParts[MixtureLoss.PARTS] / n, (System.nanoTime() - start) * 1e-9);
                synchronized (this) {
                    history.add(report);
                }
                lastEpochModel = model(weights.clone(), report.seconds());
                listener.epochFinished(report);
            }
            return lastEpochModel;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sums the micro-batch gradients (in micro-batch order, so the result does not depend on the threads), scales
     * them to the batch mean and applies the Adam update, in parallel over disjoint weight ranges.
     */
    private void reduceAndUpdate(double[] weights, double[] gradient, double[][] shardGradients, int used,
                                 double scale, Adam adam, double rate, ExecutorService pool,
                                 CancellationToken cancel) {
        int parts = Math.max(1, Math.min(config.threads(), 16));
        int size = weights.length;
        List<Future<?>> futures = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) size * p / parts);
            int to = (int) ((long) size * (p + 1) / parts);
            futures.add(pool.submit(() -> {
                System.arraycopy(shardGradients[0], from, gradient, from, to - from);
                for (int k = 1; k < used; k++) {
                    double[] g = shardGradients[k];
                    for (int j = from; j < to; j++) {
                        gradient[j] += g[j];
                    }
                }
                for (int j = from; j < to; j++) {
                    gradient[j] *= scale;
                }
                adam.update(weights, gradient, from, to, rate);
                return null;
            }));
        }
        await(futures, cancel);
    }

    /** Mean loss and mean unweighted terms over the validation mixtures (physics layer as at inference). */
    private double[] validate(double[] weights, long[] seeds, ExecutorService pool, BlockingQueue<Worker> workers,
                              int micro, CancellationToken cancel) {
        double[] out = new double[1 + MixtureLoss.PARTS];
        if (seeds.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        int chunks = (seeds.length + micro - 1) / micro;
        double[][] parts = new double[chunks][MixtureLoss.PARTS];
        double[] losses = new double[chunks];
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int k = 0; k < chunks; k++) {
            int chunk = k;
            int lo = k * micro;
            int n = Math.min(micro, seeds.length - lo);
            futures.add(pool.submit(() -> {
                Worker w = workers.take();
                try {
                    losses[chunk] = w.evaluate(weights, seeds, lo, n, parts[chunk]);
                } finally {
                    workers.put(w);
                }
                return null;
            }));
        }
        await(futures, cancel);
        for (int k = 0; k < chunks; k++) {
            out[0] += losses[k];
            for (int q = 0; q < MixtureLoss.PARTS; q++) {
                out[1 + q] += parts[k][q];
            }
        }
        for (int q = 0; q < out.length; q++) {
            out[q] /= seeds.length;
        }
        return out;
    }

    private static void await(List<Future<?>> futures, CancellationToken cancel) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException("training worker failed", cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                throw new CancellationException("interrupted");
            }
        }
    }

    /** Cosine decay from the initial to the final learning rate over the run. */
    private double learningRate(long step, long totalSteps) {
        double t = totalSteps <= 1 ? 1.0 : step / (double) (totalSteps - 1);
        double lo = config.finalLearningRate();
        double hi = config.learningRate();
        return lo + 0.5 * (hi - lo) * (1 + Math.cos(Math.PI * t));
    }

    /**
     * The seeds of the mixtures of an epoch, in the order they are used: new ones every epoch with fresh samples,
     * else the same {@code samplesPerEpoch} seeds in a new order (a fixed training set).
     */
    long[] sampleSeeds(int epoch) {
        int n = config.samplesPerEpoch();
        long[] seeds = new long[n];
        if (config.freshSamples()) {
            for (int i = 0; i < n; i++) {
                seeds[i] = mix(config.seed(), epoch, i);
            }
            return seeds;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(mix(config.seed(), epoch, -3));
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < n; i++) {
            seeds[i] = mix(config.seed(), 0, order[i]);
        }
        return seeds;
    }

    /** A well-mixed 64-bit seed for (seed, epoch, index) (the SplitMix64 finaliser over a simple combination). */
    static long mix(long seed, long epoch, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private InverseRenderModel model(double[] weights, double seconds) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("epochs_completed", history.size());
        info.put("seconds", seconds);
        info.put("config", config);
        info.put("mixtures", data.settings());
        info.put("measured_spectra", data.measuredCount());
        EpochReport last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last != null) {
            info.put("final_train_loss", last.trainLoss());
            info.put("final_validation_loss", last.validationLoss());
            info.put("final_validation_group_squared_error", last.validationGroup());
        }
        return new InverseRenderModel(network, window, weights, info);
    }

    /** One thread's state: a network workspace, a mixture generator and sample buffers. */
    private final class Worker {
        private final InverseRenderNetwork.Workspace ws;
        private final SyntheticMixtures.Generator generator = data.newGenerator();
        private final double[] emissivity;
        private final double[] abundances;
        private final double[] valid;

        Worker(int micro) {
            ws = network.newWorkspace(micro);
            emissivity = new double[data.axisView().length];
            abundances = new double[data.models().size()];
            valid = new double[data.axisView().length];
            Arrays.fill(valid, 1.0);
        }

        private void load(long[] seeds, int from, int n) {
            for (int b = 0; b < n; b++) {
                generator.generate(seeds[from + b], emissivity, abundances);
                ws.load(b, emissivity, valid, abundances);
            }
        }

        void gradientStep(double[] weights, long[] seeds, int from, int n, double[] gradient, double[] parts,
                          double[] losses, int shard) {
            load(seeds, from, n);
            Arrays.fill(gradient, 0.0);
            Arrays.fill(ws.parts, 0.0);
            network.forward(weights, n, config.activityThreshold(), ws);
            int live = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < data.models().size(); i++) {
                    live += ws.render.isActive(b, i) ? 1 : 0;
                }
            }
            losses[shard] = network.backward(weights, n, loss, true, gradient, ws);
            System.arraycopy(ws.parts, 0, parts, 0, MixtureLoss.PARTS);
            parts[MixtureLoss.PARTS] = live;
        }

        double evaluate(double[] weights, long[] seeds, int from, int n, double[] parts) {
            load(seeds, from, n);
            Arrays.fill(ws.parts, 0.0);
            network.forward(weights, n, InverseRenderPredictor.LIVE_ABUNDANCE, ws);
            double total = network.loss(n, loss, true, ws);
            System.arraycopy(ws.parts, 0, parts, 0, parts.length);
            return total;
        }
    }
}
