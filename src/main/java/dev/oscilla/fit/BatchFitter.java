package dev.oscilla.fit;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ParallelItems;
import dev.oscilla.task.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
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
        ParallelItems.run(n, threads, "oscilla-fit", "spectra", () -> null, (none, i) -> {
            Spectrum s = spectra.get(i);
            try {
                out[i] = new Outcome(s, new DispersionFitter(settings.apply(i)).fit(s, ProgressListener.NONE, cancel),
                        null);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                out[i] = new Outcome(s, null, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }, progress, cancel);
        List<Outcome> list = new ArrayList<>(n);
        for (Outcome o : out) {
            list.add(o);
        }
        return list;
    }
}
