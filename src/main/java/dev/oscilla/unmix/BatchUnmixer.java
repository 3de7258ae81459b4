package dev.oscilla.unmix;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ParallelItems;
import dev.oscilla.task.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Unmixes many spectra on several threads, one {@link SpectrumUnmixer} per thread, with progress and
 * cancellation. Results come back in input order, each with the wall time its own unmixing took (one core).
 */
public final class BatchUnmixer {

    /** One spectrum's result, or the error that prevented it. */
    public record Outcome(Spectrum spectrum, UnmixResult result, String error, double seconds) {
        public boolean ok() {
            return result != null;
        }
    }

    private BatchUnmixer() {
    }

    public static List<Outcome> run(List<Spectrum> spectra, Supplier<SpectrumUnmixer> factory, int threads,
                                    ProgressListener progress, CancellationToken cancel) {
        return run(spectra, factory, threads, progress, cancel, 1);
    }

    /**
     * As {@link #run(List, Supplier, int, ProgressListener, CancellationToken)}, unmixing each spectrum
     * {@code repetitions} times and reporting the median time (for benchmarks of microsecond methods, where a single
     * timing is dominated by timer and cache noise); the result is that of the first repetition.
     */
    public static List<Outcome> run(List<Spectrum> spectra, Supplier<SpectrumUnmixer> factory, int threads,
                                    ProgressListener progress, CancellationToken cancel, int repetitions) {
        int n = spectra.size();
        Outcome[] out = new Outcome[n];
        ParallelItems.run(n, threads, "oscilla-unmix", "spectra", factory, (unmixer, i) -> {
            Spectrum s = spectra.get(i);
            long t0 = System.nanoTime();
            try {
                UnmixResult r = unmixer.unmix(s);
                double[] times = new double[Math.max(1, repetitions)];
                times[0] = (System.nanoTime() - t0) * 1e-9;
                for (int k = 1; k < times.length; k++) {
                    long t = System.nanoTime();
                    unmixer.unmix(s);
                    times[k] = (System.nanoTime() - t) * 1e-9;
                }
                java.util.Arrays.sort(times);
                out[i] = new Outcome(s, r, null, times[times.length / 2]);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                out[i] = new Outcome(s, null, e.getMessage() == null ? e.toString() : e.getMessage(),
                        (System.nanoTime() - t0) * 1e-9);
            }
        }, progress, cancel);
        List<Outcome> list = new ArrayList<>(n);
        for (Outcome o : out) {
            list.add(o);
        }
        return list;
    }
}
