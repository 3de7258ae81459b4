package dev.oscilla.ui.fit;

import dev.oscilla.fit.DispersionFitter;
import dev.oscilla.fit.FitResult;
import dev.oscilla.fit.FitSettings;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.TaskTracker;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the Fit view's fits in the background: the auto-fit from scratch and the re-fit from the working model
 * (locked parameters boxed at their value, the model's bounds, or else the fitter's defaults widened to take in
 * every current value). Progress and Cancel go through the {@link TaskRunner}; the fitter's intermediate models are
 * drawn live ({@link FitPreview}); a finished fit becomes the working model (one undo step), a cancelled one changes
 * nothing. Keeps the last fits so the table can show standard errors whenever the model shown is exactly a fitted
 * one (also after undo and redo). UI-thread confined.
 */
final class FitRun {

    private record FitRecord(Mineral model, FitOutcome outcome) {
    }

    private final FitSetup setup;
    private final WorkingModel working;
    private final ParameterTable table;
    private final FitPlots plots;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusLine status;
    private final TaskTracker task = new TaskTracker();
    private final Deque<FitRecord> fits = new ArrayDeque<>();
    private Consumer<Boolean> onEnded = cancelled -> { };

    FitRun(FitSetup setup, WorkingModel working, ParameterTable table, FitPlots plots, TaskRunner tasks,
           Dialogs dialogs, StatusLine status) {
        this.setup = setup;
        this.working = working;
        this.table = table;
        this.plots = plots;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
    }

    /** Told when a fit ended (true when cancelled), after the model was updated. */
    void setOnEnded(Consumer<Boolean> value) {
        onEnded = value;
    }

    /** Fits from scratch; the result becomes a new working model. */
    void autoFit() {
        start(false);
    }

    /** Re-fits from the working model, holding locked parameters and honouring its bounds. */
    void refine() {
        start(true);
    }

    private void start(boolean refined) {
        Spectrum spectrum = setup.spectrum();
        Mineral current = working.model();
        if (spectrum == null || (refined && current == null)) {
            return;
        }
        if (!spectrum.kind().isModelled()) {
            status.post("'" + spectrum.name() + "' is " + spectrum.kind().label() + ": the fit models emissivity and"
                    + " reflectance only (see the reader's notes for why the file was read so).");
            return;
        }
        FitSettings settings = setup.settings();
        boolean[] locked = refined ? table.locks() : null;
        Mineral start = refined ? current.withBounds(refitBounds(current, locked)) : null;
        ParameterBounds storedBounds = refined ? current.bounds() : null;
        String modelName = refined ? current.name() : working.proposedName();
        String category = refined ? current.category() : "";
        String source = setup.spectraSourceProperty().get();
        status.post((refined ? "Re-fitting " + modelName : "Fitting " + spectrum.name()) + "\u2026");
        task.track(tasks.submit(refined ? "re-fit " + modelName : "fit " + spectrum.name(), context -> {
            FitPreview preview = new FitPreview(spectrum, settings.window(), settings.quantity(), plots.modelSeries(),
                    plots.residualSeries(), context.cancelToken());
            DispersionFitter fitter = new DispersionFitter(settings).withObserver(preview::show);
            FitResult result = refined
                    ? fitter.refine(spectrum, start, locked, context.progressListener(), context.cancelToken().forCore())
                    : fitter.fit(spectrum, context.progressListener(), context.cancelToken().forCore());
            ParameterBounds box = refined ? start.bounds() : result.mineral().bounds();
            if (refined) {
                // the model keeps the bounds the user stored (or none), not the working box of this re-fit
                result = new FitResult(result.mineral().withBounds(storedBounds), result.solve(), result.axis(),
                        result.data(), result.fitted(), result.seconds(), result.notes());
            }
            return FitOutcome.of(refined, spectrum.name(), settings, result, locked, box);
        }, outcome -> fitted(outcome, modelName, category, refined ? current.source() : "", source),
                this::failed), this::ended);
    }

    /**
     * The box a re-fit works in: the model's stored bounds, where they are open (or none are stored) the fitter's
     * defaults for the window widened to take in the current value (so a band outside a narrow window keeps its
     * place instead of being moved to the box's edge); a locked parameter is boxed at its value, so it holds even
     * outside the box.
     */
    private ParameterBounds refitBounds(Mineral m, boolean[] locked) {
        double[] p = m.parameters();
        ParameterBounds fallback = table.defaultBounds(m.layout());
        double[] lo = m.bounds() != null ? m.bounds().lower() : fallback.lower();
        double[] hi = m.bounds() != null ? m.bounds().upper() : fallback.upper();
        for (int i = 0; i < p.length; i++) {
            // an open end (a band added in Explore to a bounded mineral has open bounds) gets the physical default,
            // so no parameter can leave its legal domain (omega0 > 0, S >= 0, ...)
            boolean openLow = m.bounds() == null || !Double.isFinite(lo[i]);
            boolean openHigh = m.bounds() == null || !Double.isFinite(hi[i]);
            if (openLow) {
                lo[i] = Math.min(fallback.lower(i), p[i]);
            }
            if (openHigh) {
                hi[i] = Math.max(fallback.upper(i), p[i]);
            }
            if (locked[i]) {
                lo[i] = p[i];
                hi[i] = p[i];
            }
        }
        return new ParameterBounds(lo, hi);
    }

    private void fitted(FitOutcome outcome, String name, String category, String oldSource, String file) {
        FitResult r = outcome.result();
        String how = String.format(Locale.ROOT, "%s by Oscilla to '%s'%s, %s, window %s: RMS %.5f, %d oscillators in "
                        + "%d mode(s)", outcome.refined() ? "re-fitted" : "Fitted", outcome.spectrumName(),
                file.isEmpty() ? "" : " (" + file + ")", outcome.settings().quantity().label(),
                outcome.settings().window(), r.rms(), r.oscillators(), r.mineral().modes().size());
        String source = how;
        if (outcome.refined()) {
            int cut = oldSource.indexOf("; re-fitted by Oscilla");
            String old = cut >= 0 ? oldSource.substring(0, cut) : oldSource;
            source = old.isBlank() || old.startsWith("Fitted by Oscilla") || old.startsWith("re-fitted by Oscilla")
                    ? how : old + "; " + how;
        }
        Mineral model = r.mineral().withName(name).withCategory(category).withSource(source);
        fits.addFirst(new FitRecord(model, outcome));
        while (fits.size() > FitViewModel.FITS_KEPT) {
            fits.removeLast();
        }
        working.fitted(model, (outcome.refined() ? "re-fit " : "fit ") + name, outcome.refined());
        status.post(String.format(Locale.ROOT, "%s %s: RMS %s, %d oscillators in %d mode%s, %.1f s",
                outcome.refined() ? "Re-fitted" : "Fitted", name, Numbers.format(r.rms(), 3), r.oscillators(),
                r.mineral().modes().size(), r.mineral().modes().size() == 1 ? "" : "s", r.seconds()));
    }

    /** The fit that produced exactly this model (same structure and values), or null. */
    FitOutcome outcomeFor(Mineral m) {
        if (m == null) {
            return null;
        }
        double[] p = m.parameters();
        for (FitRecord r : fits) {
            if (r.model().layout().equals(m.layout()) && Arrays.equals(r.model().parameters(), p)) {
                return r.outcome();
            }
        }
        return null;
    }

    private void failed(Throwable error) {
        String message = error instanceof IllegalArgumentException && error.getMessage() != null
                ? error.getMessage() : String.valueOf(error);
        status.post("The fit failed: " + message);
        dialogs.showError("Fit", message);
    }

    private void ended(boolean cancelled) {
        if (cancelled) {
            status.post("Fit cancelled: the model is unchanged.");
        }
        plots.invalidate(); // the live preview drew over the plots: draw the model as it stands
        onEnded.accept(cancelled);
    }

    /** Stops the running fit; the model stays as it was before the fit. */
    void cancel() {
        if (task.cancel()) {
            status.post("Cancelling the fit\u2026");
        }
    }

    TaskTracker task() {
        return task;
    }
}
