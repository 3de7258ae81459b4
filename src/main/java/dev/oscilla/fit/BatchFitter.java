package dev.oscilla.fit;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Fits many spectra on several threads (one fit per spectrum), with progress and cancellation. */
public final class BatchFitter {

    /** One spectrum's fit, or the error that prevented it. */
    public record Outcome(Spectrum spectrum, FitResult result, String error) {
        public boolean ok() {
            return result != null;
        }
    }

    private BatchFitter() {
    }

    /**
     * @param settings the settings of spectrum i (e.g. a per-mineral cap on the oscillator count)
     * @return outcomes in input order
     */
    public static List<Outcome> fitAll(List<Spectrum> spectra, IntFunction<FitSettings> settings, int threads,
                                       ProgressListener progress, CancellationToken cancel) {
        int n = spectra.size();
        Outcome[] out = new Outcome[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "oscilla-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n && !cancel.isCancelled()) {
                        Spectrum s = spectra.get(i);
                        try {
                            out[i] = new Outcome(s, new DispersionFitter(settings.apply(i)).fit(s,
                                    ProgressListener.NONE, cancel), null);
                        } catch (CancellationException e) {
                            return;
                        } catch (RuntimeException e) {
                            out[i] = new Outcome(s, null, e.getMessage() == null ? e.toString() : e.getMessage());
                        }
                        int d = done.incrementAndGet();
                        progress.progress(d / (double) n, d + " of " + n + " spectra");
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("fitting worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.cancel();
                    throw new CancellationException("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        cancel.throwIfCancelled();
        List<Outcome> list = new ArrayList<>(n);
        for (Outcome o : out) {
            list.add(o);
        }
        return list;
    }
}
