package dev.oscilla.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs one task per item index on a few worker threads: each worker takes the next index until none is left, with
 * its own state (e.g. an unmixer and its workspaces), reports "k of n" progress and stops at cancellation. Used by
 * the batch fitter and the batch unmixer.
 */
public final class ParallelItems {

    /** The work for one item, with the calling worker's own state. */
    @FunctionalInterface
    public interface ItemTask<S> {
        void run(S workerState, int index);
    }

    private ParallelItems() {
    }

    /**
     * Runs {@code task} for every index in [0, n) on at most {@code threads} daemon threads named {@code name} and
     * returns when all are done; progress reads "k of n {@code items}". A task that throws
     * {@link CancellationException} stops its worker.
     *
     * @throws CancellationException when cancelled (or interrupted while waiting)
     */
    public static <S> void run(int n, int threads, String name, String items, Supplier<S> workerState,
                               ItemTask<S> task, ProgressListener progress, CancellationToken cancel) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    S state = workerState.get();
                    int i;
                    while ((i = next.getAndIncrement()) < n && !cancel.isCancelled()) {
                        try {
                            task.run(state, i);
                        } catch (CancellationException e) {
                            return;
                        }
                        int d = done.incrementAndGet();
                        progress.progress(d / (double) n, d + " of " + n + " " + items);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(name + " worker failed", e.getCause());
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
    }
}
